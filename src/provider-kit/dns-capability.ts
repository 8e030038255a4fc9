/**
 * {@link createDnsCapability}: the SDK's DNS rules written once, on top of a provider's `read` and `write`.
 *
 * @module
 */
import type { CallOptions } from '../core/call-options.js';
import {
  DNS_RECORD_TYPES,
  type DnsCapability,
  type DnsDeleteOptions,
  type DnsLimits,
  type DnsWriteSetsOptions,
  type DnsRecord,
  type DnsRecordInput,
  type DnsRecordSetChanges,
  type DnsRecordType,
  type DnsUpdateOptions,
} from '../core/dns.js';
import { ConflictError } from '../core/errors.js';
import { assignRecordIds } from '../core/record-id.js';
import { FieldErrors } from '../core/validation/fail.js';
import {
  normalizeDomain,
  normalizeRecord,
  normalizeRecordName,
  recordIdentity,
  validateRecords,
  validateSetChanges,
  type NormalizedDnsRecord,
} from '../core/validation/index.js';
import { assertFits, changesBetween, filled, groupSets, holds, isEmpty, setKey, type RecordSet } from './dns-sets.js';
import type { DnsSetChanges, DnsSetReplacement, DnsSource } from './dns-source.js';
import { explicitTtls, relativeName, setTtl } from './dns-input.js';
import { lockedFor } from './zone-lock.js';

/** A `DnsCapability` whose `writeSets` is always there. */
export type KitDnsCapability = DnsCapability & { writeSets: NonNullable<DnsCapability['writeSets']> };

/**
 * Builds a provider's whole `DnsCapability` from how it reads its zone and writes record sets, with the
 * SDK's DNS rules: input validated (record types case-insensitive) before anything is read; ids from
 * `assignRecordIds`; `create` never overwrites (an exact duplicate is a `ConflictError`); `update` merges
 * (idempotent) or, with `overwrite`, replaces only the named sets; `delete` removes a set or one value;
 * a CNAME beside other records is a `ConflictError`. Each method reads the zone once, computes the sets
 * that change and calls `write` once with all of them, or not at all when nothing changes. A record added
 * to an existing set without a `ttl` takes the set's TTL; another explicit TTL there is a `ValidationError`
 * (the records of one set share one TTL).
 *
 * @throws {ValidationError} from every method for bad input, before `read` is called.
 * @throws {ConflictError} from `create` for a record already there, and for a CNAME beside other records.
 * @example
 * ```ts
 * import { createDnsCapability } from 'setec-hosting/provider-kit';
 *
 * const dns = createDnsCapability({
 *   provider: 'example',
 *   read: async (domain, o) => (await client.request({ method: 'GET', path: `zones/${domain}`, signal: o?.signal })).records,
 *   write: async (domain, changes, o) => {
 *     await client.request({ method: 'PATCH', path: `zones/${domain}`, json: changes, signal: o?.signal });
 *   },
 * });
 * await dns.create('example.com', { type: 'A', name: 'www', content: '192.0.2.1' });
 * ```
 */
export function createDnsCapability(source: DnsSource): KitDnsCapability {
  const core = dnsCore(source);
  return { ...core.dns, writeSets: writeSetsOf(source, core) };
}

/** The group's `limits`: the source's, with its record types. */
function limitsOf(source: DnsSource): DnsLimits | undefined {
  if (!source.limits && !source.recordTypes) return undefined;
  return { ...(source.recordTypes ? { recordTypes: source.recordTypes } : {}), ...source.limits };
}

/**
 * {@link createDnsCapability} without `writeSets`, for bundles that must stay small (a DNS-only group):
 * `applyPlan` then writes one record set at a time.
 *
 * @internal
 */
export function createDnsWithoutBatch(source: DnsSource): DnsCapability {
  return dnsCore(source).dns;
}

interface ReadZone {
  raw: DnsRecordInput[];
  sets: Map<string, RecordSet>;
}

/** What `writeSets` shares with the other methods. */
interface Core {
  dns: DnsCapability;
  read(zone: string, options: CallOptions | undefined): Promise<ReadZone>;
  commit(
    zone: string,
    current: ReadZone,
    next: Map<string, RecordSet | undefined>,
    options: CallOptions | undefined,
  ): Promise<void>;
  checkTypes(records: readonly { type: string }[], field: (i: number) => string): void;
}

/** The methods of the group, and the reading and writing they share with `writeSets`. */
function dnsCore(source: DnsSource): Core {
  const { provider } = source;
  const types: readonly string[] = source.recordTypes ?? DNS_RECORD_TYPES;

  /** Refuses types the provider does not store, naming `field`. */
  const checkTypes = (records: readonly { type: string }[], field: (i: number) => string) => {
    if (types === DNS_RECORD_TYPES) return;
    const errors = new FieldErrors();
    records.forEach((r, i) => {
      if (!types.includes(r.type)) errors.add(field(i), `${provider} stores only ${types.join(', ')} records`);
    });
    errors.throwIfAny('Unsupported DNS record type');
  };

  const read = async (zone: string, options: CallOptions | undefined) => {
    const raw = await source.read(zone, callOptions(options));
    return { raw, sets: groupSets(raw.map(filled)) };
  };

  /** Writes `next` over `current` when it changes anything, after the zone rules hold. */
  const commit = async (
    zone: string,
    current: { raw: DnsRecordInput[]; sets: Map<string, RecordSet> },
    next: Map<string, RecordSet | undefined>,
    options: CallOptions | undefined,
  ) => {
    const changes = changesBetween(current.sets, next);
    if (isEmpty(changes)) return;
    assertFits(provider, zone, current.sets, next);
    await source.write(zone, changes, { ...callOptions(options), ...progressOf(options), current: current.raw });
  };

  /**
   * Adds values: `added` holds each set's new values and `next` its whole new content. Through the source's
   * `addRecords` when it has one (values another client wrote meanwhile stay), else `next` replaces the sets.
   */
  const append = async (
    zone: string,
    current: ReadZone,
    next: Map<string, RecordSet>,
    added: DnsSetReplacement[],
    options: CallOptions | undefined,
  ) => {
    if (!source.addRecords) return commit(zone, current, next, options);
    if (added.length === 0) return;
    assertFits(provider, zone, current.sets, next);
    await source.addRecords(zone, added, { ...callOptions(options), current: current.raw });
  };

  /** `update`: with `overwrite` the named sets are replaced; without, the records missing from them are added. */
  const updateSets = async (zone: string, given: ReturnType<typeof explicitTtls>, options: DnsUpdateOptions) => {
    const current = await read(zone, options);
    const next = new Map<string, RecordSet>();
    const added: DnsSetReplacement[] = [];
    const byKey = new Map<string, typeof given>();
    for (const g of given) {
      const k = setKey(g.record.name, g.record.type);
      byKey.set(k, [...(byKey.get(k) ?? []), g]);
    }
    const errors = new FieldErrors();
    for (const [k, inputs] of byKey) {
      const before = current.sets.get(k);
      const first = inputs[0]!.record;
      // Overwrite: the set is only these records; merge: the records already there stay as they are, and
      // only the added ones must fit the set's TTL.
      const keep = options.overwrite ? undefined : before;
      const adding = keep ? inputs.filter((i) => !holds(keep, i.record)) : inputs;
      if (adding.length === 0) continue;
      const ttl = errors.catch(() =>
        keep ? setTtl(keep.ttl, undefined, adding, provider) : setTtl(undefined, before?.ttl, adding, provider),
      );
      if (ttl === undefined) continue;
      const set: RecordSet = { name: first.name, type: first.type, ttl, records: [...(keep?.records ?? [])] };
      const kept = set.records.length;
      for (const { record } of adding) if (!holds(set, record)) set.records.push(record);
      set.records = ttled(set.records, ttl);
      added.push({ ...set, records: set.records.slice(kept).map((r) => toWritten(r, ttl)) });
      next.set(k, set);
    }
    errors.throwIfAny('Invalid DNS records');
    if (options.overwrite) await commit(zone, current, next, options);
    else await append(zone, current, next, added, options);
  };

  /** `delete`: the set `n` `t`, or only its records of the value `target` (at any priority). */
  const remove = async (
    zone: string,
    n: string,
    t: DnsRecordType,
    target: NormalizedDnsRecord | undefined,
    options: CallOptions,
  ) => {
    if (source.blindSetWrites && !target) {
      await source.write(zone, { replace: [], delete: [{ name: n, type: t }] }, callOptions(options));
      return;
    }
    const current = await read(zone, options);
    const k = setKey(n, t);
    const set = current.sets.get(k);
    if (!set) return;
    // Without content the whole set goes; with it, every record of that value (at any priority).
    const id = target && recordIdentity({ ...target, priority: 0 });
    if (id && source.removeRecords) {
      const gone = current.raw.filter((r) => {
        const f = filled(r);
        return f.name === n && f.type === t && recordIdentity({ ...f, priority: 0 }) === id;
      });
      if (gone.length === 0) return;
      const removal = [{ name: n, type: t, records: gone }];
      await source.removeRecords(zone, removal, { ...callOptions(options), current: current.raw });
      return;
    }
    const records = id ? set.records.filter((r) => recordIdentity({ ...r, priority: 0 }) !== id) : [];
    await commit(zone, current, new Map([[k, { ...set, records }]]), options);
  };

  const limits = limitsOf(source);
  const dns: DnsCapability = {
    ...(limits ? { limits } : {}),
    async list(domain: string, options?: CallOptions): Promise<DnsRecord[]> {
      const zone = normalizeDomain(domain);
      return assignRecordIds((await source.read(zone, callOptions(options))).map(filled));
    },

    async create(domain: string, record: DnsRecordInput, options?: CallOptions): Promise<void> {
      const zone = normalizeDomain(domain);
      const wanted = normalizeRecord(record, '', zone);
      checkTypes([wanted], () => 'type');
      await lockedFor(source, zone, async () => {
        const current = await read(zone, options);
        const set = current.sets.get(setKey(wanted.name, wanted.type));
        if (holds(set, wanted)) {
          throw new ConflictError(
            `The record ${wanted.name} ${wanted.type} "${wanted.content}" already exists in ${zone}`,
            { provider },
          );
        }
        const ttl = setTtl(set?.ttl, undefined, [{ record: wanted, given: record.ttl, field: 'ttl' }], provider);
        const records = ttled([...(set?.records ?? []), wanted], ttl);
        const next = new Map([[setKey(wanted.name, wanted.type), { ...wanted, ttl, records }]]);
        const added = [{ name: wanted.name, type: wanted.type, ttl, records: [toWritten({ ...wanted, ttl }, ttl)] }];
        await append(zone, current, next, added, options);
      });
    },

    async update(domain: string, records: DnsRecordInput[], options: DnsUpdateOptions = {}): Promise<void> {
      const zone = normalizeDomain(domain);
      const wanted = validateRecords(records, zone);
      checkTypes(wanted, (i) => `records.${i}.type`);
      if (wanted.length === 0) return;
      const given = explicitTtls(wanted, records);
      await lockedFor(source, zone, () => updateSets(zone, given, options));
    },

    async delete(domain: string, name: string, type: DnsRecordType, options: DnsDeleteOptions = {}): Promise<void> {
      const zone = normalizeDomain(domain);
      const n = relativeName(normalizeRecordName(name), zone);
      const t = recordType(type, types);
      const target =
        options.content === undefined ? undefined : normalizeRecord({ type: t, name: n, content: options.content });
      await lockedFor(source, zone, () => remove(zone, n, t, target, options));
    },

    async reset(domain: string, options?: CallOptions): Promise<void> {
      const zone = normalizeDomain(domain);
      await lockedFor(source, zone, async () => {
        if (source.reset) return source.reset(zone, callOptions(options));
        const current = await read(zone, options);
        const next = new Map<string, RecordSet | undefined>();
        for (const [k, set] of current.sets) if (!(set.name === '@' && set.type === 'NS')) next.set(k, undefined);
        await commit(zone, current, next, options);
      });
    },
  };
  return { dns, read, commit, checkTypes };
}

/** `writeSets`: validated, then written with one `write` (without reading first when the source allows). */
function writeSetsOf(source: DnsSource, { read, commit, checkTypes }: Core): KitDnsCapability['writeSets'] {
  const perRecord = source.limits?.ttl === 'per-record';
  return async (domain: string, input: DnsRecordSetChanges, options?: DnsWriteSetsOptions): Promise<void> => {
    const zone = normalizeDomain(domain);
    const batch = validateSetChanges(input, zone, { ttlPerRecord: perRecord });
    checkTypes(
      batch.replace.map((s) => s.records[0]!),
      (i) => `replace.${i}.type`,
    );
    checkTypes(batch.delete, (i) => `delete.${i}.type`);
    if (batch.replace.length === 0 && batch.delete.length === 0) return;
    await lockedFor(source, zone, async () => {
      if (source.blindSetWrites) {
        const changes: DnsSetChanges = {
          replace: batch.replace.map((s) => ({ ...s, records: s.records.map((r) => toWritten(r, s.ttl)) })),
          delete: batch.delete,
        };
        await source.write(zone, changes, { ...callOptions(options), ...progressOf(options) });
        return;
      }
      const current = await read(zone, options);
      const next = new Map<string, RecordSet | undefined>();
      for (const set of batch.delete) next.set(setKey(set.name, set.type), undefined);
      for (const set of batch.replace) next.set(setKey(set.name, set.type), set);
      await commit(zone, current, next, options);
    });
  };
}

/**
 * Only the signal goes on to the source: other options are the kit's. An aborted signal rejects here,
 * before the source is called, so a source that never looks at it still stops.
 */
const callOptions = (options: CallOptions | undefined): CallOptions | undefined => {
  options?.signal?.throwIfAborted();
  return options?.signal ? { signal: options.signal } : undefined;
};

/** A record as `write` gets it: its own `ttl` only when it differs from the set's. */
const toWritten = (r: NormalizedDnsRecord, ttl: number) =>
  r.ttl === ttl
    ? { content: r.content, priority: r.priority }
    : { content: r.content, priority: r.priority, ttl: r.ttl };

/** `writeSets`' progress callback, handed on to `write`. */
const progressOf = (options: DnsWriteSetsOptions | undefined) =>
  options?.onProgress ? { onProgress: options.onProgress } : {};

/** The records with the set's TTL. */
const ttled = (records: NormalizedDnsRecord[], ttl: number) => records.map((r) => (r.ttl === ttl ? r : { ...r, ttl }));

/** A record type given to `delete`: case-insensitive, one of `types`. */
function recordType(type: unknown, types: readonly string[]): DnsRecordType {
  const upper = typeof type === 'string' ? type.toUpperCase() : '';
  if (!types.includes(upper)) {
    const errors = new FieldErrors();
    errors.add('type', `must be one of ${types.join(', ')}`);
    errors.throwIfAny(`Unknown DNS record type ${JSON.stringify(String(type))}`);
  }
  return upper as DnsRecordType;
}
