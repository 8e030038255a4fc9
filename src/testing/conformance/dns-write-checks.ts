import type { DnsRecordInput } from '../../core/dns.js';
import { ConflictError, ValidationError } from '../../core/errors.js';
import { ensure, ensureError, ensureFieldNamed, ensureSameListing, rejection, show } from './assert.js';
import { cleanUpSet, without, zone } from './dns-helpers.js';
import type { ConformanceCheck } from './types.js';

/** A bad record, the field its ValidationError must name, and the check's name. */
const BAD_RECORDS: { title: string; fields: string[]; record: (name: string, domain: string) => DnsRecordInput }[] = [
  {
    title: 'a bad IPv4 address is a ValidationError naming content',
    fields: ['content'],
    record: (name) => ({ type: 'A', name, content: '256.1.1.1' }),
  },
  {
    title: 'a TTL out of range is a ValidationError naming ttl',
    fields: ['ttl'],
    record: (name) => ({ type: 'A', name, content: '192.0.2.1', ttl: 5 }),
  },
  {
    title: 'MX priority 70000 is a ValidationError naming priority',
    fields: ['priority'],
    record: (name) => ({ type: 'MX', name, content: 'mail.example.com', priority: 70000 }),
  },
  {
    title: 'a CNAME at @ is a ValidationError naming name',
    fields: ['name', 'type'],
    record: () => ({ type: 'CNAME', name: '@', content: 'target.example.com' }),
  },
  {
    title: 'a name that repeats the zone (www.<domain>) is a ValidationError naming name',
    fields: ['name'],
    record: (name, domain) => ({ type: 'A', name: `${name}.${domain}`, content: '192.0.2.1' }),
  },
];

/** DNS checks about writes: create, validation, update merge/overwrite, delete. */
export const dnsWriteChecks: ConformanceCheck[] = [
  {
    name: 'dns: create adds exactly one record and leaves the others alone',
    requires: 'dns',
    async run(provider, ctx) {
      const z = zone(provider, ctx);
      const n = ctx.uniqueName();
      const before = await z.list();
      await z.seed({ type: 'A', name: n, content: '192.0.2.7', ttl: 3600 });
      const after = await z.list();
      ensure(
        after.length === before.length + 1,
        `create changed the record count from ${before.length} to ${after.length}`,
      );
      ensureSameListing(before, without(after, n), 'after create, the other records');
      const [added] = z.at(after, n);
      ensure(
        added?.type === 'A' && added.content === '192.0.2.7' && added.ttl === 3600 && added.priority === 0,
        `the created record reads back as ${show(added)}`,
      );
    },
  },
  {
    name: 'dns: create of an exact duplicate is a ConflictError and changes nothing',
    requires: 'dns',
    async run(provider, ctx) {
      const z = zone(provider, ctx);
      const n = ctx.uniqueName();
      const record: DnsRecordInput = { type: 'A', name: n, content: '192.0.2.8' };
      await z.seed(record);
      const before = await z.list();
      const error = await rejection(z.dns.create(ctx.domain, { ...record }), 'creating an exact duplicate');
      ensureError(error, ConflictError, 'creating an exact duplicate');
      ensureSameListing(before, await z.list(), 'after a duplicate create');
    },
  },
  ...BAD_RECORDS.map(({ title, fields, record }): ConformanceCheck => ({
    name: `dns: ${title}, and the zone is unchanged`,
    requires: 'dns',
    async run(provider, ctx) {
      const z = zone(provider, ctx);
      const input = record(ctx.uniqueName(), ctx.domain);
      cleanUpSet(provider, ctx, input.name, input.type);
      const before = await z.list();
      const error = await rejection(z.dns.create(ctx.domain, input), `create(${show(input)})`);
      ensureError(error, ValidationError, `create(${show(input)})`);
      ensureFieldNamed(error, fields, `create(${show(input)})`);
      ensureSameListing(before, await z.list(), `after the rejected create(${show(input)})`);
    },
  })),
  {
    name: 'dns: update merge keeps present records, adds missing ones, and repeating it changes nothing',
    requires: 'dns',
    async run(provider, ctx) {
      const z = zone(provider, ctx);
      const n = ctx.uniqueName();
      await z.seed({ type: 'A', name: n, content: '192.0.2.10' });
      const before = await z.list();
      const records: DnsRecordInput[] = [
        { type: 'A', name: n, content: '192.0.2.10' },
        { type: 'A', name: n, content: '192.0.2.11' },
      ];
      await z.dns.update(ctx.domain, records);
      const once = await z.list();
      const contents = z
        .at(once, n, 'A')
        .map((r) => r.content)
        .sort();
      ensure(
        show(contents) === show(['192.0.2.10', '192.0.2.11']),
        `after a merge, ${n} A holds ${show(contents)}; expected .10 and .11`,
      );
      ensureSameListing(without(before, n), without(once, n), 'after a merge, the other records');
      await z.dns.update(ctx.domain, records);
      ensureSameListing(once, await z.list(), 'repeating the same merge');
    },
  },
  {
    name: 'dns: update overwrite replaces only the named record sets',
    requires: 'dns',
    async run(provider, ctx) {
      const z = zone(provider, ctx);
      const [n, other] = [ctx.uniqueName(), ctx.uniqueName()];
      await z.seed(
        { type: 'A', name: n, content: '192.0.2.1' },
        { type: 'A', name: n, content: '192.0.2.2' },
        { type: 'TXT', name: n, content: `keep ${n}` },
        { type: 'A', name: other, content: '192.0.2.3' },
      );
      const before = await z.list();
      await z.dns.update(ctx.domain, [{ type: 'A', name: n, content: '192.0.2.9' }], { overwrite: true });
      const after = await z.list();
      const a = z.at(after, n, 'A').map((r) => r.content);
      ensure(show(a) === show(['192.0.2.9']), `after overwrite, ${n} A holds ${show(a)}; expected only 192.0.2.9`);
      ensureSameListing(
        without(before, n, 'A'),
        without(after, n, 'A'),
        'after overwrite of one set, every other set (same name, other type included)',
      );
    },
  },
  {
    name: 'dns: delete by name and type removes every record of the set',
    requires: 'dns',
    async run(provider, ctx) {
      const z = zone(provider, ctx);
      const n = ctx.uniqueName();
      await z.seed(
        { type: 'A', name: n, content: '192.0.2.1' },
        { type: 'A', name: n, content: '192.0.2.2' },
        { type: 'TXT', name: n, content: `keep ${n}` },
      );
      const before = await z.list();
      await z.dns.delete(ctx.domain, n, 'A');
      const after = await z.list();
      ensure(z.at(after, n, 'A').length === 0, `after delete(${n}, A), A records remain: ${show(z.at(after, n, 'A'))}`);
      ensureSameListing(without(before, n, 'A'), after, `after delete(${n}, A), the other records`);
    },
  },
  {
    name: 'dns: delete with content removes only that record',
    requires: 'dns',
    async run(provider, ctx) {
      const z = zone(provider, ctx);
      const n = ctx.uniqueName();
      await z.seed({ type: 'A', name: n, content: '192.0.2.1' }, { type: 'A', name: n, content: '192.0.2.2' });
      const before = await z.list();
      await z.dns.delete(ctx.domain, n, 'A', { content: '192.0.2.1' });
      const after = await z.list();
      const left = z.at(after, n, 'A').map((r) => r.content);
      ensure(
        show(left) === show(['192.0.2.2']),
        `after deleting 192.0.2.1, ${n} A holds ${show(left)}; expected only 192.0.2.2`,
      );
      ensureSameListing(without(before, n), without(after, n), 'after a delete with content, the other records');
    },
  },
  {
    name: 'dns: create into an existing record set leaves the records already in it unchanged',
    requires: 'dns',
    async run(provider, ctx) {
      const z = zone(provider, ctx);
      const n = ctx.uniqueName();
      await z.seed({ type: 'A', name: n, content: '192.0.2.1', ttl: 600 });
      const [first] = z.at(await z.list(), n, 'A');
      await z.dns.create(ctx.domain, { type: 'A', name: n, content: '192.0.2.2' });
      const set = z.at(await z.list(), n, 'A');
      ensure(set.length === 2, `after create, ${n} A holds ${show(set)}; expected 2 records`);
      // Its id may gain a suffix (two records now share name/type/priority); everything else must stay.
      const strip = (r: typeof first) => r && { ...r, id: undefined };
      const kept = set.find((r) => r.content === '192.0.2.1');
      ensure(
        show(strip(kept)) === show(strip(first)),
        `the record already in the set changed from ${show(first)} to ${show(kept)}`,
      );
    },
  },
  {
    name: 'dns: delete of a record that is not there succeeds and changes nothing',
    requires: 'dns',
    async run(provider, ctx) {
      const z = zone(provider, ctx);
      const n = ctx.uniqueName();
      await z.seed({ type: 'A', name: n, content: '192.0.2.1' });
      const before = await z.list();
      await z.dns.delete(ctx.domain, n, 'A', { content: '192.0.2.99' });
      ensureSameListing(before, await z.list(), 'after deleting a record that is not there');
    },
  },
];
