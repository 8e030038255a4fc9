// Runs every example the way the README says (`npx tsx examples/<name>.ts`), against the built-in
// simulator, and fails when one exits non-zero or takes over 60 s.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const runs = [
  ['examples/demo.ts'],
  ['examples/hostinger-dns.ts'],
  ['examples/digitalocean-dns.ts'],
  ['examples/hetzner-dns.ts'],
  ['examples/custom-provider.ts'],
  ['examples/zone-apply.ts'],
  ['examples/server.ts', '--simulator', '--smoke'],
];
const env = { ...process.env, PORT: '0' };
delete env.HOSTINGER_API_TOKEN; // CI never talks to the real API
delete env.DIGITALOCEAN_TOKEN;
delete env.HCLOUD_TOKEN;
let failed = 0;
for (const [file, ...args] of runs) {
  const started = Date.now();
  const result = spawnSync('npx', ['tsx', file, ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
  const ok = result.status === 0;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} npx tsx ${[file, ...args].join(' ')} (${Date.now() - started} ms)`);
  if (!ok) console.log(result.stdout, result.stderr);
}
process.exit(failed === 0 ? 0 : 1);
