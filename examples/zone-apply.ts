/**
 * Zones as code against a local Hostinger simulator: export the zone to a zone file, edit it, see the
 * plan, apply it (4 requests), then roll back with the saved snapshot.
 *
 *   npx tsx examples/zone-apply.ts
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHostingerProvider } from 'setec-hosting/hostinger';
import { createHostingerSimulator } from 'setec-hosting/testing';
import { applyPlan, formatZoneFile, parseZoneFile, planZone, restoreSnapshot } from 'setec-hosting/zone';

const domain = 'example.com';
const simulator = createHostingerSimulator();
const baseUrl = await simulator.listen();
const dir = await mkdtemp(join(tmpdir(), 'setec-zone-example-'));
const provider = createHostingerProvider({ apiKey: simulator.token, baseUrl, userAgent: 'setec-example' });

try {
  // 1. The zone as a file, the way it would live in git.
  const zoneFile = join(dir, `${domain}.zone`);
  await writeFile(zoneFile, formatZoneFile(domain, await provider.dns.list(domain)));
  console.log(`Exported ${zoneFile}:\n${await readFile(zoneFile, 'utf8')}`);

  // 2. Someone edits it: a new host, a shorter TTL for www, the DMARC record removed.
  const edited = (await readFile(zoneFile, 'utf8'))
    .replace(/^_dmarc.*\n/m, '')
    .replace(/^www(\s+)\d*\s*IN/m, 'www$1300\tIN')
    .concat('staging\t300\tIN\tA\t192.0.2.50\n');
  await writeFile(zoneFile, edited);

  // 3. Plan (what CI would print on a pull request) and keep the snapshot for a rollback.
  const { records } = parseZoneFile(await readFile(zoneFile, 'utf8'), { origin: domain });
  const plan = await planZone(provider, domain, records);
  console.log(`${plan}\n`);
  const snapshotFile = join(dir, 'snapshot.json');
  await writeFile(snapshotFile, JSON.stringify(plan.snapshot, null, 2));

  // 4. Apply (what CI would do on merge).
  const before = simulator.requests.length;
  await applyPlan(provider, plan, { onProgress: (done, total) => console.log(`applied ${done}/${total} changes`) });
  console.log(`applyPlan sent ${simulator.requests.length - before} requests`);
  console.log(`${await planZone(provider, domain, records)}\n`);

  // 5. Roll back with the saved snapshot.
  const undone = await restoreSnapshot(provider, JSON.parse(await readFile(snapshotFile, 'utf8')));
  console.log(`Rolled back:\n${undone}`);
} finally {
  await rm(dir, { recursive: true, force: true });
  await simulator.close();
}
