/**
 * `npm run bench` (after `npm run build`): `dns.list` of a 1,000-record zone on 127.0.0.1, through
 * setec-hosting, through Hostinger's generated SDK (`hostinger-api-sdk`, axios) and through a raw
 * `fetch` + `JSON.parse`; then the same clients without a network, where setec-hosting's time goes,
 * cold import times and bundle sizes. Prints tables with ratios; docs/benchmarks.md records a run.
 * Nothing is asserted: numbers only (timings are never checked in CI).
 *
 * - The simulator runs in a child process (`bench/sim-server.ts`), so server work is not sampled here.
 * - Every variant runs `BENCH_ROUNDS` times (default 3), in a rotated order each round, each time for
 *   `BENCH_TIME` ms (default 1000) after a warm-up; statistics pool the samples of all rounds.
 * - Table 1b repeats three variants with `BENCH_LATENCY_MS` (default 20) added to every simulator answer.
 * - `BENCH_MARKDOWN=1` prints markdown tables (for docs/benchmarks.md) instead of console tables.
 * - setec-hosting is the built package (`dist/`, via its exports map), as consumers run it.
 */
import { execFileSync, fork } from 'node:child_process';
import { statSync, readdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Bench } from 'tinybench';
import { decodeSteps } from './breakdown.js';
import { DOMAIN } from './sim-server.js';
import { importCases, measureImports } from './imports.js';
import { printTable, ratio, summarize, type Summary } from './report.js';
import { httpVariants, offlineVariants, type Variant } from './variants.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TIME = Number(process.env.BENCH_TIME ?? 1000);
const root = resolve(import.meta.dirname, '..');

warnIfDistIsStale();
const started = performance.now();
const cpu = cpus();
console.log(
  `Node ${process.version} on ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${process.platform}/${process.arch}`,
);
console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${new Date().toISOString()}; commit ${gitHead()}\n`,
);

const server = fork(join(import.meta.dirname, 'sim-server.ts'), {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const ask = <T>(message: unknown, key: string) =>
  new Promise<T>((done) => {
    const on = (reply: Record<string, unknown>) => {
      if (key in reply) {
        server.off('message', on);
        done(reply as T);
      }
    };
    server.on('message', on);
    if (message !== undefined) server.send(message as string);
  });
const ready = await ask<{ ready: string; token: string; records: number; sets: number }>(undefined, 'ready');
const connections = async () => (await ask<{ connections: number }>('connections', 'connections')).connections;
const body = await (
  await fetch(`${ready.ready}/api/dns/v1/zones/${DOMAIN}`, { headers: { Authorization: `Bearer ${ready.token}` } })
).text();
console.log(
  `simulator at ${ready.ready} (child process ${server.pid}): ${DOMAIN} holds ${ready.records} records in ${ready.sets} RRsets; GET answers ${(body.length / 1000).toFixed(0)} kB`,
);

/** Runs each variant alone for TIME ms per round, rotating the order; returns pooled samples and sockets opened. */
async function measure(
  variants: Variant[],
  rounds: number,
  time: number,
  withConnections: boolean,
): Promise<Map<string, { samples: number[]; sockets: number }>> {
  const out = new Map(variants.map((v) => [v.name, { samples: [] as number[], sockets: 0 }]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < variants.length; k++) {
      const variant = variants[(k + round) % variants.length]!;
      const before = withConnections ? await connections() : 0;
      const bench = new Bench({ time, warmupTime: Math.min(300, time / 2), retainSamples: true, throws: true });
      bench.add(variant.name, variant.run);
      await bench.run();
      const result = bench.tasks[0]!.result;
      if (result.state !== 'completed') throw new Error(`${variant.name}: ${result.state}`);
      const entry = out.get(variant.name)!;
      entry.samples.push(...(result.latency.samples ?? []));
      if (withConnections) entry.sockets += (await connections()) - before;
    }
  }
  return out;
}

async function sanity(variants: Variant[]): Promise<void> {
  for (const v of variants) console.log(`  ${v.name}: ${v.count(await v.run())}`);
}

// 1. End to end over HTTP.
const http = httpVariants(ready.ready, ready.token, DOMAIN);
await sanity(http);
const e2e = await measure(http, ROUNDS, TIME, true);
const e2eStats = new Map([...e2e].map(([name, m]) => [name, summarize(m.samples)]));
const raw = e2eStats.get('raw fetch + JSON.parse')!;
printTable(
  `\n1. dns.list of ${ready.records} records over HTTP on 127.0.0.1 (${ROUNDS} rounds × ${TIME} ms per variant, samples pooled)`,
  [...e2e].map(([name, m]) => statsRow(name, e2eStats.get(name)!, raw, { 'new sockets': m.sockets })),
);

// 1b. With a simulated server latency, closer to a real API call (Hostinger answers in tens of ms).
const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 20);
await ask({ latencyMs: LATENCY }, 'latency');
const slow = http.filter((v) => !v.name.startsWith('raw node:http') && !v.name.endsWith('(axios fetch)'));
const slowStats = new Map([...(await measure(slow, 1, TIME, false))].map(([name, m]) => [name, summarize(m.samples)]));
const rawSlow = slowStats.get('raw fetch + JSON.parse')!;
printTable(
  `\n1b. the same with ${LATENCY} ms added by the simulator to every answer (1 round × ${TIME} ms)`,
  [...slowStats].map(([name, s]) => statsRow(name, s, rawSlow)),
);
await ask({ latencyMs: 0 }, 'latency');

// 2. The same clients with the body already in memory: client work only.
const offline = offlineVariants(ready.ready, ready.token, DOMAIN, body);
await sanity(offline);
const offStats = new Map(
  [...(await measure(offline, 2, TIME / 2, false))].map(([name, m]) => [name, summarize(m.samples)]),
);
const parseOnly = offStats.get('JSON.parse only')!;
printTable(
  '\n2. client work only (the 100 kB body from memory, no network)',
  [...offStats].map(([name, s]) => statsRow(name, s, parseOnly)),
);

// 3. setec-hosting's steps, and the server's handler for scale.
const steps = decodeSteps(body);
await sanity(steps);
const stepStats = new Map(
  [...(await measure(steps, 2, TIME / 3, false))].map(([name, m]) => [name, summarize(m.samples)]),
);
printTable(
  '\n3. setec-hosting dns.list, step by step (src internals), and the simulator handler',
  [...stepStats].map(([name, s]) => statsRow(name, s, parseOnly)),
);
server.send('close');

// 4. Cold imports and 5. bundle sizes.
printTable(
  '\n4. cold import (fresh node process per sample, median of 7, modules interleaved)',
  measureImports(importCases, 7),
);
console.log('\n5. bundle size (esbuild, minified, gzip; node scripts/size.mjs)');
try {
  console.log(execFileSync(process.execPath, ['scripts/size.mjs'], { cwd: root, encoding: 'utf8' }).trimEnd());
} catch (error) {
  const e = error as { stdout?: string; stderr?: string };
  console.log(`${e.stdout ?? ''}${e.stderr ?? ''}`.trimEnd());
  console.log('(scripts/size.mjs exited non-zero: a size budget is exceeded, see the table)');
}

// Summary.
const ours = e2eStats.get('setec-hosting dns.list')!;
const peer = e2eStats.get('hostinger-api-sdk (axios http)')!;
const peerFetch = e2eStats.get('hostinger-api-sdk (axios fetch)')!;
const oursOff = offStats.get('setec-hosting dns.list')!;
const peerOff = offStats.get('hostinger-api-sdk (axios)')!;
console.log('\nsummary (mean / median latency ratios; < 1 means setec-hosting is faster)');
console.log(
  `  setec-hosting vs raw fetch + JSON.parse:       ${ratio(ours.mean, raw.mean)} / ${ratio(ours.p50, raw.p50)}   (target ≤ 1.30×)`,
);
console.log(
  `  setec-hosting vs hostinger-api-sdk (axios http): ${ratio(ours.mean, peer.mean)} / ${ratio(ours.p50, peer.p50)}`,
);
console.log(
  `  setec-hosting vs hostinger-api-sdk (axios fetch): ${ratio(ours.mean, peerFetch.mean)} / ${ratio(ours.p50, peerFetch.p50)}`,
);
console.log(
  `  with ${LATENCY} ms server latency: setec-hosting vs raw ${ratio(slowStats.get('setec-hosting dns.list')!.mean, rawSlow.mean)}, vs hostinger-api-sdk ${ratio(slowStats.get('setec-hosting dns.list')!.mean, slowStats.get('hostinger-api-sdk (axios http)')!.mean)}`,
);
console.log(
  `  client work only: setec-hosting ${oursOff.mean.toFixed(2)} ms vs JSON.parse ${parseOnly.mean.toFixed(2)} ms vs hostinger-api-sdk ${peerOff.mean.toFixed(2)} ms`,
);
console.log(
  `load average at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; total ${((performance.now() - started) / 1000).toFixed(0)} s`,
);

function statsRow(
  name: string,
  s: Summary,
  base: Summary,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    variant: name,
    'mean (ms)': s.mean.toFixed(3),
    '± 95% (ms)': s.ci95.toFixed(3),
    'p50 (ms)': s.p50.toFixed(3),
    'p99 (ms)': s.p99.toFixed(3),
    samples: s.n,
    ...extra,
    'mean ×': ratio(s.mean, base.mean),
    'p50 ×': ratio(s.p50, base.p50),
  };
}

function gitHead(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function warnIfDistIsStale(): void {
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((d) =>
        d.isDirectory() ? newest(join(dir, d.name)) : statSync(join(dir, d.name)).mtimeMs,
      ),
    );
  let built = 0;
  try {
    built = statSync(join(root, 'dist', 'hostinger', 'index.js')).mtimeMs;
  } catch {
    throw new Error('dist/ is missing: run `npm run build` first (the bench measures the built package)');
  }
  if (newest(join(root, 'src')) > built)
    console.warn('warning: src/ is newer than dist/; run `npm run build` first to measure the current code\n');
}
