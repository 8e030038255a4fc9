import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigitalOceanProvider } from '../../src/digitalocean/index.js';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import { createDigitalOceanSimulator } from '../../src/testing/index.js';
import { formatZoneFile } from '../../src/zone/index.js';
import { startFixture, type CliFixture } from './run-cli.js';

// Hostinger and DigitalOcean configured side by side, each against its simulator.
const doSim = createDigitalOceanSimulator({ token: 'do-cli-copy-token-7a1c' });
let fx: CliFixture;
let doOrigin: string;

beforeAll(async () => {
  fx = await startFixture();
  doOrigin = await doSim.listen();
  const configured = await fx.run(['providers', 'configure', 'digitalocean', '--extra', `base_url=${doOrigin}`], {
    env: { SETEC_HOSTING_API_KEY: doSim.token },
  });
  expect(configured.code).toBe(0);
});
afterAll(async () => {
  await doSim.close();
  await fx.close();
});

const rows = (records: { name: string; type: string; priority: number; content: string }[]) =>
  records
    .filter((r) => !(r.name === '@' && r.type === 'NS'))
    .map((r) => `${r.name} ${r.type} ${r.priority} ${r.content}`)
    .sort();

describe('cli: dns copy', () => {
  it('without --yes shows the plan and writes nothing; with --yes copies every set but the name servers', async () => {
    const hostinger = createHostingerProvider({ apiKey: fx.sim.token, baseUrl: fx.origin });
    const digitalocean = createDigitalOceanProvider({ apiKey: doSim.token, baseUrl: doOrigin });
    const nsBefore = (await digitalocean.dns.list('example.com')).filter((r) => r.name === '@' && r.type === 'NS');
    doSim.reset?.();
    const shownOnly = await fx.run(['dns', 'copy', 'example.com', '--from', 'hostinger', '--to', 'digitalocean']);
    expect(shownOnly.code).toBe(0);
    expect(shownOnly.stdout).toMatch(/^example\.com \(digitalocean\): record sets: /m);
    expect(shownOnly.stderr).toMatch(/pass --yes to apply/);
    expect(doSim.requests.filter((r) => r.method !== 'GET')).toEqual([]);

    const copied = await fx.run([
      'dns',
      'copy',
      'example.com',
      '--from',
      'hostinger',
      '--to',
      'digitalocean',
      '--yes',
      '--force',
    ]);
    expect(copied.code, copied.stderr).toBe(0);
    const after = await digitalocean.dns.list('example.com');
    expect(rows(after)).toEqual(rows(await hostinger.dns.list('example.com')));
    expect(after.filter((r) => r.name === '@' && r.type === 'NS')).toEqual(nsBefore);
  });

  it('is a usage error without --from and --to', async () => {
    const result = await fx.run(['dns', 'copy', 'example.com', '--from', 'hostinger']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--from <provider> and --to <provider>/);
  });
});

describe('cli: dns apply on DigitalOcean, refused midway', () => {
  it('saves the rollback file once a write had landed', async () => {
    const digitalocean = createDigitalOceanProvider({ apiKey: doSim.token, baseUrl: doOrigin });
    const records = await digitalocean.dns.list('example.com');
    const gone = records.find((r) => r.type !== 'NS')!;
    const kept = records.filter((r) => !(r.name === gone.name && r.type === gone.type));
    const added = { id: '', name: 'added', type: 'A' as const, content: '192.0.2.50', ttl: 300, priority: 0 };
    const dir = mkdtempSync(join(tmpdir(), 'setec-cli-do-'));
    const file = join(dir, 'edited.zone');
    writeFileSync(file, formatZoneFile('example.com', [...kept, added]));
    // DigitalOcean writes the DELETE first; then it refuses the new record.
    doSim.inject({ status: 422, method: 'POST', times: 1 });
    const failed = await fx.run([
      'dns',
      'apply',
      'example.com',
      file,
      '--provider',
      'digitalocean',
      '--yes',
      '--force',
    ]);
    rmSync(dir, { recursive: true, force: true });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/1 of 2 writes had completed/);
    const saved = /saved in (\S+\.zone)/.exec(failed.stderr)?.[1];
    expect(saved).toBeDefined();
    expect(readFileSync(saved!, 'utf8')).toContain(gone.content);
    rmSync(dirname(saved!), { recursive: true, force: true });
  });
});
