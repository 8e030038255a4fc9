import type { DnsRecord, DnsRecordInput } from '../../core/dns.js';
import { ValidationError } from '../../core/errors.js';
import { requireCapability } from '../../core/provider.js';
import { applyPlan, planZone, restoreSnapshot } from '../../zone/index.js';
import { ensure, ensureError, ensureFieldNamed, ensureSameListing, rejection, show } from './assert.js';
import { cleanUpSet, without, zone } from './dns-helpers.js';
import type { ConformanceCheck } from './types.js';

const text = (records: readonly DnsRecord[]) =>
  records.map((r) => `${r.name} ${r.type} ${r.ttl} ${r.priority} ${r.content}`).sort();

/** The optional many-sets write (`dns.writeSets`): checked only for providers that implement it. */
export const dnsBatchChecks: ConformanceCheck[] = [
  {
    name: 'dns-batch: writeSets replaces the named sets, deletes others and leaves the rest alone',
    requires: 'dns',
    requiresMethod: 'dns.writeSets',
    async run(provider, ctx) {
      const z = zone(provider, ctx);
      const [kept, replaced, doomed, added] = [ctx.uniqueName(), ctx.uniqueName(), ctx.uniqueName(), ctx.uniqueName()];
      await z.seed(
        { type: 'A', name: kept, content: '192.0.2.1', ttl: 3600 },
        { type: 'A', name: replaced, content: '192.0.2.2', ttl: 3600 },
        { type: 'TXT', name: doomed, content: 'bye', ttl: 3600 },
      );
      cleanUpSet(provider, ctx, added, 'MX');
      const before = await z.list();
      await z.dns.writeSets!(ctx.domain, {
        replace: [
          { type: 'A', name: replaced, content: '198.51.100.1', ttl: 300 },
          { type: 'A', name: replaced, content: '198.51.100.2', ttl: 300 },
          { type: 'MX', name: added, content: `mail.${ctx.domain}`, priority: 10, ttl: 300 },
        ],
        delete: [{ name: doomed, type: 'TXT' }],
      });
      const after = await z.list();
      ensureSameListing(
        without(without(without(before, replaced), doomed), added),
        without(without(without(after, replaced), doomed), added),
        'after writeSets, the other records',
      );
      ensure(z.at(after, doomed).length === 0, `the deleted set still lists ${show(z.at(after, doomed))}`);
      const got = text(z.at(after, replaced));
      const want = [`${replaced} A 300 0 198.51.100.1`, `${replaced} A 300 0 198.51.100.2`];
      ensure(show(got) === show(want), `the replaced set lists ${show(got)}, not ${show(want)}`);
      ensure(text(z.at(after, added)).length === 1, `the new MX set lists ${show(z.at(after, added))}`);
    },
  },
  {
    name: 'dns-batch: writeSets with a bad record is a ValidationError and changes nothing',
    requires: 'dns',
    requiresMethod: 'dns.writeSets',
    async run(provider, ctx) {
      const z = zone(provider, ctx);
      const n = ctx.uniqueName();
      await z.seed({ type: 'TXT', name: n, content: 'stay' });
      const before = await z.list();
      const error = await rejection(
        z.dns.writeSets!(ctx.domain, {
          replace: [{ type: 'A', name: ctx.uniqueName(), content: '256.1.1.1' }],
          delete: [{ name: n, type: 'TXT' }],
        }),
        'writeSets with a bad IPv4 address',
      );
      ensureError(error, ValidationError, 'writeSets with a bad IPv4 address');
      ensureFieldNamed(error, ['content'], 'writeSets with a bad IPv4 address');
      ensureSameListing(before, await z.list(), 'after a rejected writeSets');
    },
  },
];

/** Zones as data on every provider with DNS: plan, apply and restore through the public functions. */
export const zoneChecks: ConformanceCheck[] = [
  {
    name: 'zone: plan → apply → restore leaves the zone as it was',
    requires: 'dns',
    async run(provider, ctx) {
      const dns = requireCapability(provider, 'dns');
      const [a, b] = [ctx.uniqueName(), ctx.uniqueName()];
      cleanUpSet(provider, ctx, a, 'A');
      cleanUpSet(provider, ctx, b, 'TXT');
      const original = await dns.list(ctx.domain);
      const desired: DnsRecordInput[] = [
        ...original,
        { type: 'A', name: a, content: '192.0.2.10', ttl: 600 },
        { type: 'A', name: a, content: '192.0.2.11', ttl: 600 },
        { type: 'TXT', name: b, content: 'zone round trip', ttl: 600 },
      ];
      const first = await planZone(provider, ctx.domain, desired);
      ensure(first.changes.length === 2, `the first plan should create 2 sets: ${String(first)}`);
      await applyPlan(provider, first);
      const again = await planZone(provider, ctx.domain, desired);
      ensure(again.changes.length === 0, `after apply, a new plan should find no changes: ${String(again)}`);
      const second = await planZone(provider, ctx.domain, [
        ...original,
        { type: 'A', name: a, content: '192.0.2.12', ttl: 300 },
      ]);
      ensure(
        show(second.changes.map((c) => `${c.action} ${c.type}`)) === show(['delete TXT', 'update A']),
        `the second plan should delete the TXT set and update the A set: ${String(second)}`,
      );
      await applyPlan(provider, second);
      await restoreSnapshot(provider, JSON.parse(JSON.stringify(first.snapshot)));
      const restored = await dns.list(ctx.domain);
      ensure(show(text(restored)) === show(text(original)), `after restore, the zone lists ${show(text(restored))}`);
    },
  },
];
