/**
 * Cold import time: a fresh `node` process per sample that times only the import (or `require`) of one
 * module, so Node's own start-up is excluded. Modules are interleaved sample by sample, which spreads
 * machine noise evenly; the median of the samples is reported.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** A module to import: the code runs in a fresh process (ESM, top-level await allowed). */
export interface ImportCase {
  module: string;
  code: string;
}

export const importCases: ImportCase[] = [
  { module: 'setec-hosting/hostinger (ESM import)', code: `await import('setec-hosting/hostinger')` },
  {
    module: 'setec-hosting/hostinger (CJS require)',
    code: `createRequire(import.meta.url)('setec-hosting/hostinger')`,
  },
  { module: 'setec-hosting (root: registry, errors)', code: `await import('setec-hosting')` },
  { module: '  of which ky alone', code: `await import('ky')` },
  { module: '  of which zod/mini alone', code: `await import('zod/mini')` },
  { module: 'hostinger-api-sdk (CJS + axios)', code: `await import('hostinger-api-sdk')` },
  { module: '  of which axios alone', code: `await import('axios')` },
  {
    module: 'raw fetch: nothing to import; first fetch() call (undici init)',
    code: `await (await fetch('data:,x')).text()`,
  },
];

/** Median import time (ms) per case over `samples` fresh processes. */
export function measureImports(cases: readonly ImportCase[], samples: number): Record<string, unknown>[] {
  const times = cases.map(() => [] as number[]);
  const cwd = resolve(import.meta.dirname, '..');
  for (let s = 0; s < samples; s++) {
    cases.forEach((c, i) => {
      const script = `import { createRequire } from 'node:module'; const t = performance.now(); ${c.code}; console.log(performance.now() - t)`;
      times[i]!.push(
        Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8' })),
      );
    });
  }
  return cases.map((c, i) => {
    const sorted = [...times[i]!].sort((a, b) => a - b);
    return {
      module: c.module,
      'median (ms)': sorted[Math.floor(sorted.length / 2)]!.toFixed(1),
      'min (ms)': sorted[0]!.toFixed(1),
      'max (ms)': sorted[sorted.length - 1]!.toFixed(1),
    };
  });
}
