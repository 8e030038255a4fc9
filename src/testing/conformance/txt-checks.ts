import type { DnsRecordInput } from '../../core/dns.js';
import { ensure, show } from './assert.js';
import { zone } from './dns-helpers.js';
import type { ConformanceCheck } from './types.js';

/** Creates one TXT record and requires it to list with exactly the given content. */
async function roundTrip(
  provider: Parameters<ConformanceCheck['run']>[0],
  ctx: Parameters<ConformanceCheck['run']>[1],
  content: (name: string) => string,
) {
  const z = zone(provider, ctx);
  const n = ctx.uniqueName();
  const record: DnsRecordInput = { type: 'TXT', name: n, content: content(n) };
  await z.seed(record);
  const listed = z.at(await z.list(), n, 'TXT').map((r) => r.content);
  ensure(listed.length === 1 && listed[0] === record.content, `TXT ${show(record.content)} lists as ${show(listed)}`);
}

/** TXT values come back exactly as written: unquoted, unsplit, unescaped. */
export const txtChecks: ConformanceCheck[] = [
  {
    name: 'dns: TXT content round-trips unquoted',
    requires: 'dns',
    run: (provider, ctx) => roundTrip(provider, ctx, (n) => `v=spf1 include:_spf.${ctx.domain} ~all ${n}`),
  },
  {
    name: 'dns: a TXT value over 255 bytes, with quotes and a backslash, round-trips',
    requires: 'dns',
    run: (provider, ctx) => roundTrip(provider, ctx, (n) => `say "hi" \\ ${n} ${'x'.repeat(300)} é`),
  },
];
