/**
 * `npm run bench`: one run on 127.0.0.1 against the Hostinger simulator serving a 1,000-record zone.
 * Compares `dns.list` through setec-hosting, the same call through Hostinger's generated SDK
 * (`hostinger-api-sdk`, axios) and a raw `fetch` + `JSON.parse`; then cold import times and bundle sizes.
 * Prints tables with ratios; docs/benchmarks.md records a run. Nothing here is asserted: numbers only.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { Bench } from 'tinybench';
import { Configuration, DNSZoneApi } from 'hostinger-api-sdk';
import { createHostingerProvider } from '../src/hostinger/index.js';
import { createHostingerSimulator } from '../src/testing/index.js';

const RECORDS = 1000;
const DOMAIN = 'example.com';
const sim = createHostingerSimulator();
const baseUrl = await sim.listen();
const headers = { Authorization: `Bearer ${sim.token}`, 'Content-Type': 'application/json', 'User-Agent': 'bench' };

// Fill the zone through the API itself: 1,000 A records in 1,000 record sets.
const zone = Array.from({ length: RECORDS }, (_, i) => ({
  name: `host${i}`,
  type: 'A',
  ttl: 3600,
  records: [{ content: `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}` }],
}));
const put = await fetch(`${baseUrl}/api/dns/v1/zones/${DOMAIN}`, { method: 'PUT', headers, body: JSON.stringify({ overwrite: true, zone }) });
if (!put.ok) throw new Error(`seeding the zone failed: ${put.status} ${await put.text()}`);

const ours = createHostingerProvider({ apiKey: sim.token, baseUrl });
const peer = new DNSZoneApi(new Configuration({ accessToken: sim.token, basePath: baseUrl }));
const rawList = async () => JSON.parse(await (await fetch(`${baseUrl}/api/dns/v1/zones/${DOMAIN}`, { headers })).text()) as unknown[];

const counts = { ours: (await ours.dns.list(DOMAIN)).length, peer: (await peer.getDNSRecordsV1(DOMAIN)).data.length, raw: (await rawList()).length };
console.log(`zone ${DOMAIN}: setec-hosting lists ${counts.ours} records; hostinger-api-sdk and raw fetch get ${counts.peer} / ${counts.raw} record sets\n`);

const bench = new Bench({ time: 3000, warmup: true, warmupTime: 500 });
bench
  .add('raw fetch + JSON.parse', rawList)
  .add('setec-hosting dns.list (parse + map + ids)', () => ours.dns.list(DOMAIN))
  .add('hostinger-api-sdk getDNSRecordsV1 (axios)', () => peer.getDNSRecordsV1(DOMAIN));
await bench.run();
await sim.close();

const raw = bench.tasks[0]!.result as { latency: { mean: number } };
console.log(`dns.list on a ${RECORDS}-record zone (Node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} x${cpus().length})`);
console.table(
  bench.tasks.map((task) => {
    const r = task.result as { latency: { mean: number; p50?: number; p99?: number; rme: number }; throughput: { mean: number } };
    return {
      task: task.name,
      'mean (ms)': r.latency.mean.toFixed(3),
      'p50 (ms)': r.latency.p50?.toFixed(3),
      'p99 (ms)': r.latency.p99?.toFixed(3),
      'ops/s': Math.round(r.throughput.mean),
      '± %': r.latency.rme.toFixed(1),
      'vs raw': `${(r.latency.mean / raw.latency.mean).toFixed(2)}×`,
    };
  }),
);

// Cold import: a fresh Node process per sample, median of 7.
const imports: [string, string][] = [
  ['setec-hosting/hostinger (dist, ESM)', `await import('setec-hosting/hostinger')`],
  ['hostinger-api-sdk (CJS + axios)', `await import('hostinger-api-sdk')`],
  ['setec-hosting (root entry)', `await import('setec-hosting')`],
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log('\ncold import (median of 7 fresh processes)');
console.table(
  imports.map(([name, code]) => {
    const samples = Array.from({ length: 7 }, () =>
      Number(execFileSync(process.execPath, ['--input-type=module', '-e', `const t = performance.now(); ${code}; console.log(performance.now() - t)`], { encoding: 'utf8' })),
    );
    return { module: name, 'import (ms)': median(samples).toFixed(1) };
  }),
);

console.log('\nbundle size (esbuild, minified, gzip)');
console.log(execFileSync(process.execPath, ['scripts/size.mjs'], { encoding: 'utf8' }));
