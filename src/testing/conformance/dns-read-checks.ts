import { NotFoundError, ValidationError } from '../../core/errors.js';
import { byId, ensure, ensureError, ensureFieldNamed, host, rejection, show } from './assert.js';
import { zone } from './dns-helpers.js';
import type { ConformanceCheck } from './types.js';

/** DNS checks about listing: ids, their form and stability, MX priority, unknown and malformed zones. */
export const dnsReadChecks: ConformanceCheck[] = [
  {
    name: 'dns: listing a zone that does not exist is a NotFoundError',
    requires: 'dns',
    async run(provider, ctx) {
      const missing = `${ctx.uniqueName()}.example`;
      const error = await rejection(zone(provider, ctx).dns.list(missing), `dns.list('${missing}')`);
      ensureError(error, NotFoundError, `dns.list('${missing}')`);
    },
  },
  {
    name: 'dns: a malformed domain is a ValidationError naming domain',
    requires: 'dns',
    async run(provider, ctx) {
      for (const bad of ['../etc/passwd', 'exa mple.com', 'a..b']) {
        const error = await rejection(zone(provider, ctx).dns.list(bad), `dns.list(${show(bad)})`);
        ensureError(error, ValidationError, `dns.list(${show(bad)})`);
        ensureFieldNamed(error, ['domain'], `dns.list(${show(bad)})`);
      }
    },
  },
  {
    name: 'dns: list ids are unique and stable across two listings',
    requires: 'dns',
    async run(provider, ctx) {
      const z = zone(provider, ctx);
      const n = ctx.uniqueName();
      // Two records sharing name/type/priority force the suffix path of the id scheme.
      await z.seed(
        { type: 'TXT', name: n, content: `first ${n}` },
        { type: 'TXT', name: n, content: `second ${n}` },
        { type: 'A', name: n, content: '192.0.2.1' },
      );
      const first = await z.list();
      const second = await z.list();
      const ids = first.map((r) => r.id);
      const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
      ensure(duplicates.length === 0, `ids repeat within one listing: ${show(duplicates)}`);
      ensure(
        first.length === second.length,
        `two listings of an unchanged zone differ in length (${first.length} vs ${second.length})`,
      );
      const again = byId(second);
      for (const r of first) {
        const same = again.get(r.id);
        ensure(
          same &&
            same.type === r.type &&
            same.name === r.name &&
            same.content === r.content &&
            same.priority === r.priority,
          `id ${show(r.id)} names ${show(r)} in one listing and ${show(same)} in the next`,
        );
      }
    },
  },
  {
    name: 'dns: ids have the form name/type/priority, with a suffix only when records share those',
    requires: 'dns',
    async run(provider, ctx) {
      const z = zone(provider, ctx);
      const n = ctx.uniqueName();
      await z.seed(
        { type: 'TXT', name: n, content: `one ${n}` },
        { type: 'TXT', name: n, content: `two ${n}` },
        { type: 'A', name: n, content: '192.0.2.1' },
      );
      const records = await z.list();
      const count = new Map<string, number>();
      for (const r of records)
        count.set(`${r.name}/${r.type}/${r.priority}`, (count.get(`${r.name}/${r.type}/${r.priority}`) ?? 0) + 1);
      for (const r of records) {
        const base = `${r.name}/${r.type}/${r.priority}`;
        if (count.get(base) === 1)
          ensure(r.id === base, `the only ${base} record has id ${show(r.id)}; expected ${show(base)}`);
        else
          ensure(
            r.id.startsWith(base) && r.id.length > base.length,
            `a shared ${base} record has id ${show(r.id)}; expected ${base} plus a suffix`,
          );
      }
      ensure(
        z.at(records, n, 'A')[0]?.id === `${n}/A/0`,
        `the A record at ${n} should have id ${n}/A/0; listing: ${show(z.at(records, n))}`,
      );
      ensure(
        z.at(records, n, 'TXT').length === 2,
        `expected 2 TXT records at ${n}, got ${show(z.at(records, n, 'TXT'))}`,
      );
    },
  },
  {
    name: 'dns: MX priority is split out of content',
    requires: 'dns',
    async run(provider, ctx) {
      const z = zone(provider, ctx);
      const n = ctx.uniqueName();
      await z.seed({ type: 'MX', name: n, content: `mail.${ctx.domain}`, priority: 10 });
      const [mx, ...more] = z.at(await z.list(), n, 'MX');
      ensure(mx && more.length === 0, `expected one MX record at ${n}, got ${show(z.at(await z.list(), n))}`);
      ensure(mx.priority === 10, `MX priority should be 10, got ${show(mx.priority)}`);
      ensure(
        host(mx.content) === `mail.${ctx.domain}`,
        `MX content should be the host only ("mail.${ctx.domain}"), got ${show(mx.content)}`,
      );
      ensure(mx.id === `${n}/MX/10`, `MX id should be ${n}/MX/10, got ${show(mx.id)}`);
    },
  },
];
