/**
 * `npm run bench:zone` (after `npm run build`): zones as data on a 1,000-record zone.
 *
 * 1. `planZone` + `applyPlan` against the Hostinger simulator on 127.0.0.1 (in this process, so its
 *    handler time is included), for a plan of 100 changed record sets (30 deleted, 40 updated, 30 created):
 *    the requests each step sends and its wall time, with `dns.writeSets` and with the per-set fallback.
 *    1b. The same plan on the Hetzner simulator; 1c. on a real PowerDNS server (`pdns_server`, skipped when it
 *    is not installed) and on the DigitalOcean simulator, both seeded through the SDK.
 * 2. Planning alone: `planZone` over a listing already in memory (validation of the 1,000 desired records,
 *    grouping into sets, comparison, the diff), and `String(plan)`.
 *
 * Numbers only, nothing asserted (timings are never checked in CI). `BENCH_ROUNDS` (default 5) rounds
 * for table 1, `BENCH_ITERATIONS` (default 200) for table 2; `BENCH_MARKDOWN=1` prints markdown tables.
 * setec-hosting is the built package (`dist/`, through its exports map), as consumers run it.
 */
import { cpus, loadavg } from 'node:os';
import type { DnsRecord, DnsRecordInput, Provider } from 'setec-hosting';
import { createHetznerProvider } from 'setec-hosting/hetzner';
import { createHostingerProvider } from 'setec-hosting/hostinger';
import { createHetznerSimulator, createHostingerSimulator } from 'setec-hosting/testing';
import { applyPlan, planZone } from 'setec-hosting/zone';
import { applyColumns, countKinds, printTable, summarize } from './report.js';
import { benchSeeded } from './zone-apply-seeded.js';
import { benchZone, DOMAIN } from './sim-server.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const ms = (x: number) => x.toFixed(2);

/** The listing with 100 sets changed: the first 30 A sets deleted, the next 40 re-addressed, 30 new TXT sets. */
function desiredFrom(listing: readonly DnsRecord[]): DnsRecordInput[] {
  const hosts = [...new Set(listing.filter((r) => r.type === 'A' && r.name.startsWith('host')).map((r) => r.name))];
  const doomed = new Set(hosts.slice(0, 30));
  const moved = new Set(hosts.slice(30, 70));
  const desired: DnsRecordInput[] = listing
    .filter((r) => !(r.type === 'A' && doomed.has(r.name)))
    .map((r) => (r.type === 'A' && moved.has(r.name) ? { ...r, content: '192.0.2.200' } : r));
  for (let i = 0; i < 30; i++) desired.push({ type: 'TXT', name: `_new${i}`, content: `token-${i}`, ttl: 300 });
  return desired;
}

const sim = createHostingerSimulator();
const baseUrl = await sim.listen();
const reseed = async () => {
  sim.state.zones.set(DOMAIN, []);
  const put = await fetch(`${baseUrl}/api/dns/v1/zones/${DOMAIN}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${sim.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ overwrite: true, zone: benchZone() }),
  });
  if (!put.ok) throw new Error(`seeding the zone failed: ${put.status}`);
};

console.log(
  `Node ${process.version} on ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${new Date().toISOString()}\n`,
);

const rows: Record<string, unknown>[] = [];
for (const mode of ['writeSets', 'per set'] as const) {
  const plans: number[] = [];
  const applies: number[] = [];
  let counts = { plan: 0, apply: 0, byMethod: '' };
  for (let round = 0; round < ROUNDS; round++) {
    await reseed();
    const hostinger = createHostingerProvider({ apiKey: sim.token, baseUrl });
    const { writeSets: _batch, ...perSet } = hostinger.dns;
    const provider: Provider = mode === 'writeSets' ? hostinger : { ...hostinger, dns: perSet };
    const desired = desiredFrom(await hostinger.dns.list(DOMAIN));
    const start = sim.requests.length;
    let t = performance.now();
    const plan = await planZone(provider, DOMAIN, desired);
    plans.push(performance.now() - t);
    const middle = sim.requests.length;
    t = performance.now();
    await applyPlan(provider, plan);
    applies.push(performance.now() - t);
    const sent = sim.requests.slice(middle);
    counts = {
      plan: middle - start,
      apply: sent.length,
      byMethod: countKinds(sent.map((r) => `${r.method}${r.path.endsWith('/validate') ? ' validate' : ''}`)),
    };
    if (plan.changes.length !== 100) throw new Error(`expected 100 changed sets, got ${plan.changes.length}`);
  }
  rows.push({ 'applyPlan writes with': mode, ...applyColumns(counts, plans, applies) });
}
printTable(`1. planZone + applyPlan, 1,000 records, 100 changed sets, simulator on 127.0.0.1 (${ROUNDS} rounds)`, rows);

// 1b. The same plan on Hetzner's record-set API: one request per changed set, every action polled together.
const hz = createHetznerSimulator();
const hzBase = `${await hz.listen()}/v1`;
const hostValue = (type: string, value: string) =>
  (type === 'MX' || type === 'SRV') && !value.endsWith('.') ? `${value}.` : value;
const hzRows: Record<string, unknown>[] = [];
{
  const applies: number[] = [];
  let counts = { plan: 0, apply: 0, byKind: '' };
  for (let round = 0; round < ROUNDS; round++) {
    hz.reset();
    const zone = hz.state.zones.get(DOMAIN)!;
    for (const set of benchZone()) {
      const records = set.records.map((r) => ({ value: hostValue(set.type, r.content), comment: '' }));
      zone.rrsets.set(`${set.name}/${set.type}`, { ...set, labels: {}, protection: { change: false }, records });
    }
    // Polls every 50 ms (the default is 500 ms; only the wall time depends on it, not the request count).
    const hetzner = createHetznerProvider({ apiKey: hz.token, baseUrl: hzBase, actions: { intervalMs: 50 } });
    const desired = desiredFrom(await hetzner.dns.list(DOMAIN));
    const start = hz.requests.length;
    const plan = await planZone(hetzner, DOMAIN, desired);
    const middle = hz.requests.length;
    const t = performance.now();
    await applyPlan(hetzner, plan);
    applies.push(performance.now() - t);
    const kindOf = (r: { method: string; path: string }) => {
      const action = /\/actions\/(\w+)$/.exec(r.path)?.[1];
      return r.path === '/v1/actions'
        ? 'GET /actions (polls)'
        : `${r.method}${action ? ` ${action}` : r.method === 'POST' ? ' create_rrset' : ''}`;
    };
    counts = {
      plan: middle - start,
      apply: hz.requests.length - middle,
      byKind: countKinds(hz.requests.slice(middle).map(kindOf)),
    };
    if (plan.changes.length !== 100) throw new Error(`expected 100 changed sets, got ${plan.changes.length}`);
  }
  const a = summarize(applies);
  hzRows.push({
    provider: 'Hetzner (writeSets)',
    'plan requests': counts.plan,
    'apply requests': counts.apply,
    'apply requests by kind': counts.byKind,
    'apply ms (mean)': ms(a.mean),
  });
}
await hz.close();
printTable(`1b. The same plan on the Hetzner simulator (${ROUNDS} rounds)`, hzRows);

// 2. Planning alone: the listing is already in memory, so only the SDK's own work is timed.
await reseed();
const listing = await createHostingerProvider({ apiKey: sim.token, baseUrl }).dns.list(DOMAIN);
await sim.close();
await benchSeeded(DOMAIN, listing, desiredFrom, ROUNDS);
const desired = desiredFrom(listing);
const inMemory: Provider = {
  name: 'bench',
  displayName: 'Bench',
  testConnection: async () => {},
  dns: {
    list: async () => listing,
    create: async () => {},
    update: async () => {},
    delete: async () => {},
    reset: async () => {},
  },
};
const planning: number[] = [];
const planningCpu: number[] = [];
const diffs: number[] = [];
let lines = 0;
for (let i = 0; i < ITERATIONS + 20; i++) {
  const cpu = process.cpuUsage();
  let t = performance.now();
  const plan = await planZone(inMemory, DOMAIN, desired);
  const planned = performance.now() - t;
  const used = process.cpuUsage(cpu);
  t = performance.now();
  lines = String(plan).split('\n').length;
  const diffed = performance.now() - t;
  if (i < 20) continue; // warm-up
  planning.push(planned);
  planningCpu.push((used.user + used.system) / 1000);
  diffs.push(diffed);
}
const s = summarize(planning);
const c = summarize(planningCpu);
const d = summarize(diffs);
printTable(
  `2. Planning alone: ${listing.length} listed records, ${desired.length} desired (${ITERATIONS} iterations after 20 warm-up)`,
  [
    { step: 'planZone (validate, group, compare)', 'mean ms': ms(s.mean), 'p50 ms': ms(s.p50), 'p99 ms': ms(s.p99) },
    { step: 'planZone, CPU time of this process', 'mean ms': ms(c.mean), 'p50 ms': ms(c.p50), 'p99 ms': ms(c.p99) },
    { step: `String(plan) (${lines} lines)`, 'mean ms': ms(d.mean), 'p50 ms': ms(d.p50), 'p99 ms': ms(d.p99) },
  ],
);
