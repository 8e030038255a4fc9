/**
 * Cold start of the `setec-hosting` bin: a fresh `node` process per sample, timed from spawn to exit, for
 * `node -e 0` (Node's own start-up), `--help`, and `dns list` against the Hostinger simulator on 127.0.0.1
 * (the seeded 14-record zone). Cases are interleaved sample by sample so machine noise spreads evenly; the
 * median is reported with its ratio to `node -e 0` (goal for `--help`: within 2×).
 *
 * Run: `npm run build && npx tsx bench/cli-start.bench.ts` (`BENCH_SAMPLES=n`, default 25;
 * `BENCH_MARKDOWN=1` prints a Markdown table for docs/benchmarks.md).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FileConfigStore } from '../src/config/file-store.js';
import { createHostingerSimulator } from '../src/testing/index.js';

const bin = resolve(import.meta.dirname, '../dist/cli/index.js');
if (!existsSync(bin)) throw new Error(`${bin} is missing: run "npm run build" first`);
const samples = Number(process.env.BENCH_SAMPLES ?? 25);

const sim = createHostingerSimulator();
const origin = await sim.listen();
const configDir = mkdtempSync(join(tmpdir(), 'setec-cli-bench-'));
await new FileConfigStore(configDir).save({
  provider: 'hostinger',
  api_key: sim.token,
  api_secret: '',
  extra: { base_url: origin },
  connected: true,
});

const cases: { name: string; args: string[] }[] = [
  { name: 'node -e 0 (Node start-up alone)', args: ['-e', '0'] },
  { name: 'setec-hosting --help', args: [bin, '--help'] },
  { name: 'setec-hosting dns list example.com', args: [bin, 'dns', 'list', 'example.com'] },
  {
    name: 'setec-hosting dns list example.com --output json',
    args: [bin, 'dns', 'list', 'example.com', '--output', 'json'],
  },
];

// CPU time (user + sys) comes from GNU time when it is installed: unlike wall time, a busy machine barely moves it.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function timeOnce(args: string[]): Promise<{ wall: number; cpu: number }> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const [command, argv] = gnuTime
      ? [gnuTime, ['-f', 'cpu %U %S', process.execPath, ...args]]
      : [process.execPath, args];
    const child = spawn(command, argv, {
      env: { PATH: process.env.PATH, HOME: tmpdir(), SETEC_HOSTING_CONFIG_DIR: configDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      const wall = performance.now() - start;
      if (code !== 0) return fail(new Error(`${args.join(' ')}: exit ${code}: ${stderr}`));
      const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(stderr);
      done({ wall, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN });
    });
  });
}

const loadBefore = loadavg()[0]!;
const times = cases.map(() => [] as number[]);
const cpuTimes = cases.map(() => [] as number[]);
for (let s = 0; s < samples + 2; s++) {
  for (const [i, c] of cases.entries()) {
    const { wall, cpu } = await timeOnce(c.args);
    if (s < 2) continue; // the first two rounds warm the file cache
    times[i]!.push(wall);
    cpuTimes[i]!.push(cpu);
  }
}
await sim.close();
rmSync(configDir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const base = median(times[0]!);
const cpuBase = median(cpuTimes[0]!);
const rows = cases.map((c, i) => ({
  command: c.name,
  'median (ms)': median(times[i]!).toFixed(1),
  'min (ms)': Math.min(...times[i]!).toFixed(1),
  'max (ms)': Math.max(...times[i]!).toFixed(1),
  'vs node -e 0': `${(median(times[i]!) / base).toFixed(2)}×`,
  'cpu median (ms)': median(cpuTimes[i]!).toFixed(0),
  'cpu vs node -e 0': `${(median(cpuTimes[i]!) / cpuBase).toFixed(2)}×`,
}));
const context = `${samples} samples per command, Node ${process.version}, load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`;

if (process.env.BENCH_MARKDOWN) {
  console.log('| command | median (ms) | min (ms) | max (ms) | vs node -e 0 | CPU median (ms) | CPU vs node -e 0 |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${Object.values(r).join(' | ')} |`);
  console.log(`\n${context}`);
} else {
  console.table(rows);
  console.log(context);
}
