import type { CallOptions } from '../core/call-options.js';
import type { DnsRecord, DnsRecordInput } from '../core/dns.js';
import { ValidationError } from '../core/errors.js';
import { requireCapability, type Provider } from '../core/provider.js';
import { normalizeDomain, type NormalizedDnsRecord } from '../core/validation/index.js';
import { validateDesired } from './desired.js';
import { formatPlan } from './diff.js';
import { compileIgnore } from './glob.js';
import { checkLimits } from './limits.js';
import { groupSets, sameSet, setKey, type RecordSets } from './sets.js';
import type { ZoneChange, ZonePlan, ZonePlanJson, ZonePlanOptions, ZoneSnapshot } from './types.js';

const ORDER = { delete: 0, update: 1, create: 2 } as const;

const input = (r: NormalizedDnsRecord): DnsRecordInput => ({
  type: r.type,
  name: r.name,
  content: r.content,
  ttl: r.ttl,
  priority: r.priority,
});

/**
 * Builds a plan object whose `toString()` renders the diff and whose `toJSON()` gives its plain JSON
 * (neither enumerable, so the plan stays plain data).
 */
export function makePlan(fields: Omit<ZonePlan, 'toString' | 'toJSON'>): ZonePlan {
  const plan = { ...fields } as ZonePlan;
  Object.defineProperty(plan, 'toString', { value: () => formatPlan(plan), enumerable: false, writable: true });
  Object.defineProperty(plan, 'toJSON', {
    value: (): ZonePlanJson => ({
      provider: plan.provider,
      domain: plan.domain,
      changes: plan.changes,
      unchanged: plan.unchanged,
      snapshot: plan.snapshot,
    }),
    enumerable: false,
    writable: true,
  });
  return plan;
}

/**
 * Compares the zone with the records it should hold and returns the changes, one per record set, without
 * writing anything. Record sets (all records of one name + type) are compared as sets: order never
 * matters, `{content, priority}` pairs and the set's TTL do; names and host names compare
 * case-insensitively; TXT values compare unquoted. The apex NS set is left alone unless `desired` names it.
 * Another provider's listing is valid `desired`: that is how a zone is copied, and a copy never plans the
 * source's apex NS (its name servers) onto the target unless `apexNs: true`; the SOA is never planned.
 *
 * @param desired - Every record the zone should hold (those matched by `ignore` are skipped).
 * @throws {ValidationError} before anything is read, naming every bad record (`records.<i>.<field>`), a set
 *   whose records have different TTLs (unless the provider keeps a TTL per record), a record the provider
 *   cannot store (its `dns.limits`: record types, TTL range, TXT length), or a bad `ignore` entry.
 * @throws {ErrNotSupported} when the provider has no DNS group.
 * @throws {NotFoundError} when the zone does not exist.
 * @example
 * ```ts
 * import { planZone } from 'setec-hosting/zone';
 *
 * const plan = await planZone(provider, 'example.com', [
 *   { type: 'A', name: '@', content: '192.0.2.1', ttl: 3600 },
 *   { type: 'MX', name: '@', content: 'mail.example.com', priority: 10 },
 * ], { ignore: [{ name: '_acme-challenge*' }] });
 * console.log(String(plan));
 * ```
 */
export async function planZone(
  provider: Provider,
  domain: string,
  desired: DnsRecordInput[],
  options: ZonePlanOptions & CallOptions = {},
): Promise<ZonePlan> {
  const dns = requireCapability(provider, 'dns');
  const zone = normalizeDomain(domain);
  const perRecord = dns.limits?.ttl === 'per-record';
  const apexNs = options.apexNs ?? 'auto';
  if (apexNs !== true && apexNs !== false && apexNs !== 'auto')
    throw new ValidationError('apexNs must be true, false or "auto"', {
      fields: { apexNs: ['must be true, false or "auto"'] },
    });
  // A listing (records with ids) is a copy: its apex NS are the source's name servers, not the target's.
  const isCopy = Array.isArray(desired) && desired.some((r) => typeof (r as { id?: unknown } | null)?.id === 'string');
  const keepApexNs = apexNs === false || (apexNs === 'auto' && isCopy);
  const { records: valid, sets } = validateDesired(desired, zone, perRecord);
  checkLimits(provider.name, dns.limits, valid);
  const wanted = keepApexNs ? valid.filter((r) => !(r.name === '@' && r.type === 'NS')) : valid;
  const rules = compileIgnore(options.ignore);
  const ignored = keepApexNs
    ? (name: string, type: DnsRecord['type']) => (name === '@' && type === 'NS') || rules.set(name, type)
    : rules.set;
  const purge = options.purge ?? true;
  options.signal?.throwIfAborted();
  const listed = await dns.list(zone, { signal: options.signal });
  const snapshot: ZoneSnapshot = {
    provider: provider.name,
    domain: zone,
    taken_at: new Date().toISOString(),
    // The listing itself: the records of each change are copies, so a plan never shares an object twice.
    records: listed,
  };
  // Records matched by a content rule stay as listed: desired ones are dropped, listed ones kept as desired.
  // Where a set has one TTL, a kept record takes the TTL `desired` gives its set (its value stays as listed).
  const held = rules.record;
  let target = wanted;
  if (held) {
    target = wanted.filter((r) => !held(r));
    const ttls = new Map(perRecord ? [] : target.map((r) => [setKey(r.name, r.type), r.ttl]));
    for (const r of listed) if (held(r)) target.push({ ...r, ttl: ttls.get(setKey(r.name, r.type)) ?? r.ttl });
  }
  return makePlan({
    provider: provider.name,
    domain: zone,
    ...diffZone(listed, target, ignored, purge, perRecord, target === valid ? sets : undefined),
    snapshot,
  });
}

/**
 * The changes and the unchanged count between a listing and validated desired records (`wantedSets`:
 * those records already grouped).
 */
export function diffZone(
  listed: readonly DnsRecord[],
  wanted: readonly NormalizedDnsRecord[],
  ignored: (name: string, type: DnsRecord['type']) => boolean,
  purge: boolean,
  ttlPerRecord = false,
  wantedSets?: RecordSets<NormalizedDnsRecord>,
): { changes: ZoneChange[]; unchanged: number } {
  const current = groupSets(listed, ttlPerRecord);
  const target = wantedSets ?? groupSets(wanted, ttlPerRecord);
  const changes: ZoneChange[] = [];
  let unchanged = 0;
  const apexNs = target.get('@', 'NS');
  for (const set of current.list) {
    const next = target.get(set.name, set.type);
    // The apex NS set stays as it is unless the desired records name it.
    const keep = ignored(set.name, set.type) || (set.name === '@' && set.type === 'NS' && apexNs === undefined);
    if (keep || (next && sameSet(set, next, ttlPerRecord)) || (!next && !purge)) {
      unchanged++;
      continue;
    }
    const after = next ? next.records.map(input) : [];
    changes.push({
      action: next ? 'update' : 'delete',
      name: set.name,
      type: set.type,
      before: set.records.map((r) => ({ ...r })),
      after,
    });
  }
  for (const set of target.list) {
    if (current.get(set.name, set.type) || ignored(set.name, set.type)) continue;
    changes.push({ action: 'create', name: set.name, type: set.type, before: [], after: set.records.map(input) });
  }
  changes.sort(
    (a, b) =>
      ORDER[a.action] - ORDER[b.action] || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.type < b.type ? -1 : 1),
  );
  return { changes, unchanged };
}
