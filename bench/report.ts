/** Statistics over pooled samples and table printing (console, or markdown with `BENCH_MARKDOWN=1`). */

/** Latency statistics in milliseconds. */
export interface Summary {
  n: number;
  mean: number;
  /** Half-width of a normal 95% interval of the mean (samples are not independent: a rough guide). */
  ci95: number;
  p50: number;
  p99: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = sorted.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(sorted.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, n - 1));
  const at = (q: number) => sorted[Math.min(n - 1, Math.floor(q * n))]!;
  return { n, mean, ci95: (1.96 * sd) / Math.sqrt(n), p50: at(0.5), p99: at(0.99) };
}

/** `a / b` as `1.23×`. */
export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

/** Prints rows as a console table, or as a markdown table when `BENCH_MARKDOWN=1`. */
export function printTable(title: string, rows: Record<string, unknown>[]): void {
  console.log(title);
  if (process.env.BENCH_MARKDOWN !== '1') {
    console.table(rows);
    return;
  }
  const columns = Object.keys(rows[0] ?? {});
  const cell = (v: unknown) => String(v ?? '').replace(/\|/g, '\\|');
  console.log(`| ${columns.join(' | ')} |`);
  console.log(`|${columns.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const row of rows) console.log(`| ${columns.map((c) => cell(row[c])).join(' | ')} |`);
}

/** How many of each kind, as `3 GET, 1 PUT`, in the order each kind first appears. */
export function countKinds(kinds: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

/** The columns of one `applyPlan` row: requests planning and applying sent, and the times of each. */
export function applyColumns(
  counts: { plan: number; apply: number; byMethod: string },
  plans: readonly number[],
  applies: readonly number[],
): Record<string, unknown> {
  const ms = (x: number) => x.toFixed(2);
  return {
    'plan requests': counts.plan,
    'apply requests': counts.apply,
    'apply requests by kind': counts.byMethod,
    'plan ms (mean)': ms(summarize(plans).mean),
    'apply ms (mean)': ms(summarize(applies).mean),
    'apply ms (min–max)': `${ms(Math.min(...applies))}–${ms(Math.max(...applies))}`,
  };
}
