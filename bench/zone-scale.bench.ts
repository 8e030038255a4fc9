/**
 * `npm run bench:zone` (after `npm run build`), part 1: zones at scale.
 *
 * 1. `parseZoneFile` of a generated 100,000-record zone file (A, AAAA, MX, TXT, CNAME and SRV records):
 *    CPU time and the heap the result holds, against BIND's `named-checkzone` on the same file in the same
 *    run (its user + system CPU and peak RSS, through `/usr/bin/time`), and the ratio between the two.
 * 2. `planZone` of a 10,000-record zone (the memory provider) against a 10,000-record desired state with
 *    100 records changed: CPU time per plan.
 *
 * Numbers only, nothing asserted. `BENCH_ROUNDS` (default 5) rounds each; the median is reported.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createMemoryProvider } from 'setec-hosting/testing';
import { parseZoneFile, planZone } from 'setec-hosting/zone';
import { planInputs, zoneText } from './zone-text.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RECORDS = 100_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const cpuMs = (start: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
};

const dir = mkdtempSync(join(tmpdir(), 'setec-bench-zone-'));
try {
  const text = zoneText(RECORDS);
  const file = join(dir, 'bench.example.zone');
  writeFileSync(file, text);
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} CPUs, node ${process.version}, load ${loadavg()[0]?.toFixed(1)}`,
  );
  console.log(`zone file: ${RECORDS} records, ${text.length} bytes`);

  // 1. parseZoneFile vs named-checkzone
  const ours: number[] = [];
  const heaps: number[] = [];
  // The result stays reachable while the heap is measured.
  const held: unknown[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const start = process.cpuUsage();
    const parsed = parseZoneFile(text);
    ours.push(cpuMs(start));
    held.push(parsed);
    gc();
    heaps.push(process.memoryUsage().heapUsed - before);
    held.length = 0;
    if (parsed.records.length < RECORDS) throw new Error(`parsed only ${parsed.records.length} records`);
  }
  const theirs: number[] = [];
  const rss: number[] = [];
  const bind = spawnSync('named-checkzone', ['-v'], { encoding: 'utf8' }).status === 0;
  if (bind) {
    for (let r = 0; r < ROUNDS; r++) {
      const run = spawnSync('/usr/bin/time', ['-f', '%U %S %M', 'named-checkzone', '-q', 'bench.example', file], {
        encoding: 'utf8',
      });
      const [user = 0, sys = 0, kb = 0] = run.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
      theirs.push((user + sys) * 1000);
      rss.push(kb * 1024);
    }
  }
  const ourCpu = median(ours);
  const ourHeap = Math.max(...heaps);
  console.log(`\nparseZoneFile, ${RECORDS} records (median of ${ROUNDS}):`);
  console.log(
    `  CPU ${ourCpu.toFixed(0)} ms, heap held by the result ${(ourHeap / 1e6).toFixed(1)} MB = ${(ourHeap / RECORDS).toFixed(0)} B/record`,
  );
  if (bind) {
    const bindCpu = median(theirs);
    console.log(
      `named-checkzone (same file, same run): CPU ${bindCpu.toFixed(0)} ms, peak RSS ${(median(rss) / 1e6).toFixed(1)} MB`,
    );
    console.log(`  ratio parseZoneFile / named-checkzone: CPU ${(ourCpu / bindCpu).toFixed(2)}x`);
  } else {
    console.log('named-checkzone not found (install bind9-utils): no comparison');
  }

  // 2. planZone 10k vs 10k
  const { zone, desired } = planInputs();
  const provider = createMemoryProvider({ zones: { 'bench.example': zone } });
  await planZone(provider, 'bench.example', desired);
  const plans: number[] = [];
  let changes = 0;
  for (let r = 0; r < ROUNDS; r++) {
    // Each round starts on a collected heap, so it never pays for the garbage of the parsing above.
    gc();
    const start = process.cpuUsage();
    const plan = await planZone(provider, 'bench.example', desired);
    plans.push(cpuMs(start));
    changes = plan.changes.length;
  }
  console.log(
    `\nplanZone, 10,000-record zone vs 10,000 desired (${changes} sets change), median of ${ROUNDS}: CPU ${median(plans).toFixed(1)} ms`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
