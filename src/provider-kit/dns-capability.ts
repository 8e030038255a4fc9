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
import { isRefusal, markNothingWritten } from '../core/write-outcome.js';
import { setRecordIds } from '../core/record-id.js';
import { FieldErrors, fail } from '../core/validation/fail.js';
import {
  checkRecord,
  normalizeDomain,
  normalizeRecordName,
  recordIdentity,
  repeatsZone,
  validateRecordsWith,
  validateSetChangesWith,
  type NormalizedDnsRecord,
} from '../core/validation/index.js';
import {
  assertFits,
  changesBetween,
  filled,
  groupSets,
  holds,
  isEmpty,
  setKey,
  toWritten,
  type RecordSet,
} from './dns-sets.js';
import { refuseDisabled } from './dns-disabled.js';
import type { DnsSetChanges, DnsSetReplacement, DnsSource, DnsSourceRecord, DnsWriteOptions } from './dns-source.js';
import { type GivenRecord, setTtl } from './dns-input.js';
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
 * (the records of one set share one TTL). Records `read` marks `disabled` are listed by nobody, and a
 * write that would replace or delete their set is a `ConflictError` naming them, before `write` is called.
 *
 * @throws {ValidationError} from every method for bad input, before `read` is called.
 * @throws {ConflictError} from `create` for a record already there, for a CNAME beside other records, and
 * for a write that would replace or delete a set holding a disabled record.
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
  // Every listed set goes but the apex NS: refused, as any write, when one of them holds a disabled record.
  const core = dnsCore(source, async (zone, options) => {
    const current = await core.read(zone, options);
    const next = new Map<string, RecordSet | undefined>();
    for (const [k, set] of current.sets) if (!(set.name === '@' && set.type === 'NS')) next.set(k, undefined);
    await core.commit(zone, current, next, options);
  });
  return { ...core.dns, writeSets: writeSetsOf(source, core) };
}

/** The group's `limits`: the source's, with its record types. */
function limitsOf(source: DnsSource): DnsLimits | undefined {
  if (!source.limits && !source.recordTypes) return undefined;
  return { ...(source.recordTypes ? { recordTypes: source.recordTypes } : {}), ...source.limits };
}

/**
 * {@link createDnsCapability} without `writeSets`, for bundles that must stay small (a DNS-only group):
 * `applyPlan` then writes one record set at a time. The source brings its own `reset`.
 *
 * @internal
 */
export function createDnsWithoutBatch(source: DnsSource & Required<Pick<DnsSource, 'reset'>>): DnsCapability {
  return dnsCore(source).dns;
}

interface ReadZone {
  /** What `read` returned, disabled records included. */
  raw: DnsSourceRecord[];
  /** The sets of the other records. */
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
  /**
   * `source.write` of `changes`, after the disabled-record guard. Noted in `writeSets`' per-call options;
   * with `atomicWrites`, a refusal of the write is marked as having written nothing.
   */
  write(zone: string, changes: DnsSetChanges, options: CallOptions | undefined, to?: DnsWriteOptions): Promise<void>;
  /** `reset` of a source without its own: every set but the apex NS deleted, in one `write`. */
  resetAll(zone: string, options: CallOptions | undefined): Promise<void>;
}

/** The methods of the group, and the reading and writing they share with `writeSets`. */
function dnsCore(source: DnsSource, resetAll: Core['resetAll'] = () => Promise.resolve()): Core {
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

  /** What the last read of each zone showed of its disabled records, and when. */
  const seen = new Map<string, { at: number; off: DnsSourceRecord[] }>();
  /** `source.read`: what it returned (its disabled records noted in `seen`), and the other records. */
  const readRaw = async (zone: string, options: CallOptions | undefined) => {
    const raw = await source.read(zone, callOptions(options));
    seen.set(zone, { at: Date.now(), off: raw.filter((r) => r.disabled) });
    return { raw, on: raw.filter((r) => !r.disabled) };
  };

  const read = async (zone: string, options: CallOptions | undefined): Promise<ReadZone> => {
    const { raw, on } = await readRaw(zone, options);
    return { raw, sets: groupSets(on.map(filled)) };
  };

  // The guard goes by the zone the write was computed from; for a write that did not read it, by the last
  // read when at most 30 s old, or else by a read (when the source marks disabled records): a deletion
  // alone too, since deleting a set loses its disabled records as surely as replacing it. A write that went
  // through touched no set holding a disabled record, so the last read's view stays true after it.
  const write: Core['write'] = async (zone, changes, options, to) => {
    const last = seen.get(zone);
    const off =
      to?.current ??
      (last && Date.now() - last.at <= 30_000
        ? last.off
        : source.disabledHint
          ? (await readRaw(zone, options)).raw
          : undefined);
    if (off) refuseDisabled(source, zone, off, changes);
    (options as { [CALLED]?: () => void } | undefined)?.[CALLED]?.();
    try {
      await source.write(zone, changes, to);
    } catch (error) {
      throw source.atomicWrites && isRefusal(error) ? markNothingWritten(error) : error;
    }
  };

  /** Writes `next` over `current` when it changes anything, after the zone rules hold. */
  const commit = async (
    zone: string,
    current: ReadZone,
    next: Map<string, RecordSet | undefined>,
    options: CallOptions | undefined,
  ) => {
    const changes = changesBetween(current.sets, next);
    if (isEmpty(changes)) return;
    assertFits(provider, zone, current.sets, next);
    await write(zone, changes, options, {
      ...callOptions(options),
      ...progressOf(options),
      current: current.raw,
    });
  };

  /**
   * Writes validated records: `merge` adds them to their sets (records already there stay, only the added
   * ones must fit the set's TTL), `overwrite` makes each named set exactly these records, `create` merges
   * and refuses a record already there. Records are added through the source's `addRecords` when it has
   * one, so values another client wrote since the read stay.
   */
  const put = async (
    zone: string,
    given: GivenRecord[],
    options: CallOptions | undefined,
    mode: 'create' | 'merge' | 'overwrite',
  ) => {
    const current = await read(zone, options);
    const bySet = new Map<string, GivenRecord[]>();
    for (const g of given) {
      const k = setKey(g.record.name, g.record.type);
      bySet.set(k, [...(bySet.get(k) ?? []), g]);
    }
    const next = new Map<string, RecordSet>();
    const added: DnsSetReplacement[] = [];
    const errors = new FieldErrors();
    for (const [k, inputs] of bySet) {
      const before = current.sets.get(k);
      const keep = mode === 'overwrite' ? undefined : before;
      const adding = keep ? inputs.filter((i) => !holds(keep, i.record)) : inputs;
      if (adding.length === 0) {
        if (mode !== 'create') continue;
        const { name, type, content } = inputs[0]!.record;
        throw new ConflictError(`The record ${name} ${type} "${content}" already exists in ${zone}`, { provider });
      }
      const ttl = setTtl(keep?.ttl, before?.ttl, adding, errors);
      const set: RecordSet = { ...inputs[0]!.record, ttl, records: [...(keep?.records ?? [])] };
      const kept = set.records.length;
      for (const { record } of adding) if (!holds(set, record)) set.records.push(record);
      set.records = ttled(set.records, ttl);
      next.set(k, set);
      const { name, type } = set;
      added.push({ name, type, ttl, records: set.records.slice(kept).map((r) => toWritten(r, ttl)) });
    }
    errors.throwIfAny('The records of one set share one TTL', provider);
    if (mode === 'overwrite' || !source.addRecords) return commit(zone, current, next, options);
    if (added.length === 0) return;
    assertFits(provider, zone, current.sets, next);
    await source.addRecords(zone, added, { ...callOptions(options), current: current.raw });
  };

  /** `delete`: the set, or only its records of the value `target` (at any priority). */
  const remove = async (
    zone: string,
    n: string,
    t: DnsRecordType,
    target: NormalizedDnsRecord | undefined,
    options: CallOptions,
  ) => {
    if (source.blindSetWrites && !target) {
      const changes = { replace: [], delete: [{ name: n, type: t }] };
      await write(zone, changes, options, callOptions(options));
      return;
    }
    const current = await read(zone, options);
    const k = setKey(n, t);
    const set = current.sets.get(k);
    if (!set) return;
    // Without content the whole set goes; with it, every record of that value (at any priority).
    const id = target && recordIdentity({ ...target, priority: 0 });
    if (id && source.removeRecords) {
      // Through the source's own removal, a value another client added since the read stays.
      const gone = current.raw.filter((r) => {
        const f = filled(r);
        return !r.disabled && f.name === n && f.type === t && recordIdentity({ ...f, priority: 0 }) === id;
      });
      const removal = [{ name: n, type: t, records: gone }];
      if (gone.length > 0) await source.removeRecords(zone, removal, { ...callOptions(options), current: current.raw });
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
      return setRecordIds((await readRaw(zone, options)).on.map(filled));
    },

    async create(domain: string, record: DnsRecordInput, options?: CallOptions): Promise<void> {
      const zone = normalizeDomain(domain);
      const wanted = checkRecord(record, '', zone);
      checkTypes([wanted], () => 'type');
      const given = [{ record: wanted, given: record.ttl, field: 'ttl' }];
      await lockedFor(source, zone, () => put(zone, given, options, 'create'));
    },

    async update(domain: string, records: DnsRecordInput[], options: DnsUpdateOptions = {}): Promise<void> {
      const zone = normalizeDomain(domain);
      const wanted = validateRecordsWith(checkRecord, records, zone);
      checkTypes(wanted, (i) => `records.${i}.type`);
      if (wanted.length === 0) return;
      const given = wanted.map((record, i) => ({ record, given: records[i]?.ttl, field: `records.${i}.ttl` }));
      await lockedFor(source, zone, () => put(zone, given, options, options.overwrite ? 'overwrite' : 'merge'));
    },

    async delete(domain: string, name: string, type: DnsRecordType, options: DnsDeleteOptions = {}): Promise<void> {
      const zone = normalizeDomain(domain);
      const n = normalizeRecordName(name);
      const repeated = repeatsZone(n, zone);
      if (repeated) fail('name', repeated);
      const t = recordType(type, types);
      const target =
        options.content === undefined ? undefined : checkRecord({ type: t, name: n, content: options.content });
      await lockedFor(source, zone, () => remove(zone, n, t, target, options));
    },

    async reset(domain: string, options?: CallOptions): Promise<void> {
      const zone = normalizeDomain(domain);
      const reset = source.reset;
      await lockedFor(source, zone, () => (reset ? reset(zone, callOptions(options)) : resetAll(zone, options)));
      seen.delete(zone);
    },
  };
  return { dns, read, commit, checkTypes, resetAll, write };
}

/** `writeSets`: validated, then written with one `write` (without reading first when the source allows). */
function writeSetsOf(source: DnsSource, { read, commit, checkTypes, write }: Core): KitDnsCapability['writeSets'] {
  const perRecord = source.limits?.ttl === 'per-record';
  const writeSets = async (domain: string, input: DnsRecordSetChanges, options?: DnsWriteSetsOptions) => {
    const zone = normalizeDomain(domain);
    const batch = validateSetChangesWith(checkRecord, input, zone, { ttlPerRecord: perRecord });
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
        await write(zone, changes, options, { ...callOptions(options), ...progressOf(options) });
        return;
      }
      const current = await read(zone, options);
      const next = new Map<string, RecordSet | undefined>();
      for (const set of batch.delete) next.set(setKey(set.name, set.type), undefined);
      for (const set of batch.replace) next.set(setKey(set.name, set.type), set);
      await commit(zone, current, next, options);
    });
  };
  // An error before `write` was called (a check, the read) means nothing was written.
  return async (domain, input, options) => {
    let wrote = false;
    const noteWrite = () => void (wrote = true);
    try {
      await writeSets(domain, input, { ...options, [CALLED]: noteWrite } as DnsWriteSetsOptions);
    } catch (error) {
      throw wrote ? error : markNothingWritten(error);
    }
  };
}

/** Where `writeSets` is told, per call, that `write` was called. */
const CALLED = Symbol('write called');

/**
 * Only the signal goes on to the source: other options are the kit's. An aborted signal rejects here,
 * before the source is called, so a source that never looks at it still stops.
 */
const callOptions = (options: CallOptions | undefined): CallOptions | undefined => {
  options?.signal?.throwIfAborted();
  return options?.signal ? { signal: options.signal } : undefined;
};

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
