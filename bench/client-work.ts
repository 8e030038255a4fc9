/**
 * Client work only for `dns.list` of the bench's 1,000-record zone (body from memory, no network):
 * setec-hosting vs the peer `hostinger-api-sdk` vs a bare JSON.parse, interleaved call by call so load
 * bursts hit every variant alike. Prints medians (and p25/p75) over many iterations.
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
for (let i = 0; i < 200; i++) for (const v of variants) await v.run(); // warm-up
for (let i = 0; i < iterations; i++) {
  for (const v of variants) {
    const t = performance.now();
    await v.run();
    samples.get(v.name)?.push(performance.now() - t);
  }
}
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? NaN;
const peer = q(samples.get('hostinger-api-sdk (axios)') ?? [], 0.5);
console.log(`| variant | median (ms) | p25 (ms) | p75 (ms) | vs peer |\n| --- | ---: | ---: | ---: | ---: |`);
for (const [name, xs] of samples) {
  const m = q(xs, 0.5);
  console.log(
    `| ${name} | ${m.toFixed(3)} | ${q(xs, 0.25).toFixed(3)} | ${q(xs, 0.75).toFixed(3)} | ${(m / peer).toFixed(2)}× |`,
  );
}
console.log(
  `\n${iterations} iterations per variant, interleaved; Node ${process.version}, load average ${(await import('node:os')).loadavg()[0]?.toFixed(1)}`,
);
