/**
 * Record sets of a zone and the changes between two states of it: the arithmetic behind
 * {@link createDnsCapability}, kept apart from the methods that use it.
 *
 * @internal
 * @module
 */
import type { DnsRecord, DnsRecordInput, DnsRecordType } from '../core/dns.js';
import { ConflictError, ValidationError } from '../core/errors.js';
import {
  DEFAULT_TTL,
  assertZoneConsistent,
  recordIdentity,
  type NormalizedDnsRecord,
} from '../core/validation/index.js';
import type { DnsSetChanges, DnsSetReplacement } from './dns-source.js';

/** One record set: its key, its TTL and its records (no two the same record). */
export interface RecordSet {
  name: string;
  type: DnsRecordType;
  ttl: number;
  records: NormalizedDnsRecord[];
}

/** The key of the set `name` + `type`. */
export const setKey = (name: string, type: string): string => `${name}\u0000${type}`;

/**
 * A record `read` returned, with `ttl` and `priority` filled in and an empty `id` that `setRecordIds` sets
 * when the record is listed: one allocation per record.
 */
export function filled(r: DnsRecordInput): DnsRecord {
  return {
    id: '',
    type: r.type,
    name: r.name,
    content: r.content,
    ttl: r.ttl ?? DEFAULT_TTL,
    priority: r.priority ?? 0,
  };
}

/** The zone grouped into sets, in listing order; a set takes the TTL of its first record. */
export function groupSets(records: readonly NormalizedDnsRecord[]): Map<string, RecordSet> {
  const sets = new Map<string, RecordSet>();
  for (const r of records) {
    const k = setKey(r.name, r.type);
    const set = sets.get(k);
    if (set) set.records.push(r);
    else sets.set(k, { name: r.name, type: r.type, ttl: r.ttl, records: [r] });
  }
  return sets;
}

/** True when `set` already holds a record that is the same record as `r` (TTL aside). */
export const holds = (set: RecordSet | undefined, r: NormalizedDnsRecord): boolean =>
  set !== undefined && set.records.some((x) => recordIdentity(x) === recordIdentity(r));

/** True when two sets hold the same records with the same TTL (order aside). */
function sameSet(a: RecordSet, b: RecordSet): boolean {
  if (a.records.some((r) => r.ttl !== b.ttl)) return false;
  if (a.ttl !== b.ttl || a.records.length !== b.records.length) return false;
  const ids = new Set(a.records.map(recordIdentity));
  return b.records.every((r) => ids.has(recordIdentity(r)));
}

/**
 * The writes that turn `current` into `current` with `next` applied: each entry of `next` is a set's new
 * content (`undefined` or no records: the set goes away). Unchanged sets and deletes of absent sets drop out.
 */
export function changesBetween(
  current: ReadonlyMap<string, RecordSet>,
  next: ReadonlyMap<string, RecordSet | undefined>,
): DnsSetChanges {
  const changes: DnsSetChanges = { replace: [], delete: [] };
  for (const [k, set] of next) {
    const before = current.get(k);
    if (!set || set.records.length === 0) {
      if (before) changes.delete.push({ name: before.name, type: before.type });
    } else if (!before || !sameSet(before, set)) {
      changes.replace.push({
        name: set.name,
        type: set.type,
        ttl: set.ttl,
        records: set.records.map((r) => toWritten(r, set.ttl)),
      });
    }
  }
  return changes;
}

/**
 * Checks the CNAME rule on the zone after the change. A clash with records already in the zone is a
 * conflict with the zone's state, not bad input.
 *
 * @throws {ConflictError} naming the clash.
 */
export function assertFits(
  provider: string,
  zone: string,
  current: ReadonlyMap<string, RecordSet>,
  next: ReadonlyMap<string, RecordSet | undefined>,
): void {
  const records: NormalizedDnsRecord[] = [];
  for (const [k, set] of current) if (!next.has(k)) records.push(...set.records);
  for (const set of next.values()) if (set) records.push(...set.records);
  try {
    assertZoneConsistent(records);
  } catch (error) {
    const detail = error instanceof ValidationError ? Object.values(error.fields).flat().join('; ') : String(error);
    throw new ConflictError(`The change conflicts with records in ${zone}: ${detail}`, { provider, cause: error });
  }
}

/** A record as `write` gets it: its own `ttl` only when it differs from the set's. */
export const toWritten = (r: NormalizedDnsRecord, ttl: number): DnsSetReplacement['records'][number] =>
  r.ttl === ttl
    ? { content: r.content, priority: r.priority }
    : { content: r.content, priority: r.priority, ttl: r.ttl };

/** True when nothing is written. */
export const isEmpty = (changes: DnsSetChanges): boolean => changes.replace.length === 0 && changes.delete.length === 0;
