/**
 * Client work only for `dns.list` of the bench's 1,000-record zone (body from memory, no network):
 * setec-hosting vs the peer `hostinger-api-sdk` (canned-string adapter, and fetch adapter on the same
 * in-memory `Response` as ours) vs a bare JSON.parse, interleaved call by call so load bursts hit every
 * variant alike. Prints medians (and p25/p75) of wall time, and the median CPU time of this process per call
 * (`process.cpuUsage`), which time slices lost to other processes on a loaded machine do not inflate.
 *
 *   npx tsx bench/client-work.ts            # BENCH_ITERATIONS=n (default 1500 per variant)
 */
import { createHostingerSimulator } from '../src/testing/index.js';
import { benchZone, DOMAIN } from './sim-server.js';
import { offlineVariants } from './variants.js';

const sim = createHostingerSimulator();
sim.state.zones.set(DOMAIN, []);
const auth = { Authorization: `Bearer ${sim.token}` };
const put = await sim.fetch(
  new Request(`${sim.baseUrl}/api/dns/v1/zones/${DOMAIN}`, {
    method: 'PUT',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ overwrite: true, zone: benchZone() }),
  }),
);
if (!put.ok) throw new Error(`seeding failed: ${put.status}`);
const body = await (
  await sim.fetch(new Request(`${sim.baseUrl}/api/dns/v1/zones/${DOMAIN}`, { headers: auth }))
).text();
const variants = offlineVariants(sim.baseUrl, sim.token, DOMAIN, body).filter(
  (v) => v.name !== 'Response.text() + JSON.parse',
);
const iterations = Number(process.env.BENCH_ITERATIONS ?? 1500);
const samples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
const cpu = new Map<string, number[]>(variants.map((v) => [v.name, []]));
for (let i = 0; i < 200; i++) for (const v of variants) await v.run(); // warm-up
for (let i = 0; i < iterations; i++) {
  for (const v of variants) {
    const c = process.cpuUsage();
    const t = performance.now();
    await v.run();
    samples.get(v.name)?.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.get(v.name)?.push((used.user + used.system) / 1000);
  }
}
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? NaN;
const PEER = 'hostinger-api-sdk (axios)';
const PEER_FETCH = 'hostinger-api-sdk (axios fetch adapter)';
const peer = q(samples.get(PEER) ?? [], 0.5);
const peerCpu = q(cpu.get(PEER) ?? [], 0.5);
const peerFetchCpu = q(cpu.get(PEER_FETCH) ?? [], 0.5);
console.log(
  `| variant | median (ms) | p25 (ms) | p75 (ms) | vs peer | CPU median (ms) | CPU vs peer | CPU vs peer (fetch adapter) |\n` +
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
);
for (const [name, xs] of samples) {
  const m = q(xs, 0.5);
  const c = q(cpu.get(name) ?? [], 0.5);
  console.log(
    `| ${name} | ${m.toFixed(3)} | ${q(xs, 0.25).toFixed(3)} | ${q(xs, 0.75).toFixed(3)} | ${(m / peer).toFixed(2)}× | ` +
      `${c.toFixed(3)} | ${(c / peerCpu).toFixed(2)}× | ${(c / peerFetchCpu).toFixed(2)}× |`,
  );
}
const { loadavg } = await import('node:os');
console.log(
  `\n${iterations} iterations per variant, interleaved; Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)}`,
);
