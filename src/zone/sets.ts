import type { DnsRecord, DnsRecordType } from '../core/dns.js';
import { recordIdentity, type NormalizedDnsRecord } from '../core/validation/index.js';

/** The records of one name + type, as compared by plans. */
export interface RecordSet<R> {
  name: string;
  type: DnsRecordType;
  /** The set's TTL; `undefined` when its records disagree (never equal to a desired set). */
  ttl: number | undefined;
  records: R[];
  /** {@link recordIdentity} of every record: `{content, priority}` as compared. */
  identities: Set<string>;
}

/** `name \0 type`, the name lowercased. */
export const setKey = (name: string, type: string): string => `${name.toLowerCase()}\u0000${type}`;

/**
 * Groups records into sets keyed by {@link setKey}, in order of first appearance. Records that compare
 * equal are kept once. With `ttlPerRecord` (a provider that keeps a TTL per record), a record's TTL is part
 * of what is compared. Plain loops: this runs on every record of a zone for every plan.
 */
export function groupSets<R extends DnsRecord | NormalizedDnsRecord>(
  records: readonly R[],
  ttlPerRecord = false,
): Map<string, RecordSet<R>> {
  const sets = new Map<string, RecordSet<R>>();
  for (const record of records) {
    const key = setKey(record.name, record.type);
    const identity = ttlPerRecord ? `${recordIdentity(record)}\u0000${record.ttl}` : recordIdentity(record);
    let set = sets.get(key);
    if (!set) {
      set = { name: record.name.toLowerCase(), type: record.type, ttl: record.ttl, records: [], identities: new Set() };
      sets.set(key, set);
    } else if (set.ttl !== record.ttl) {
      set.ttl = undefined;
    }
    if (set.identities.has(identity)) continue;
    set.identities.add(identity);
    set.records.push(record);
  }
  return sets;
}

/**
 * True when two sets hold the same `{content, priority}` pairs (in any order) and one equal TTL; with
 * `ttlPerRecord`, the same `{content, priority, ttl}` triples.
 */
export function sameSet(a: RecordSet<unknown>, b: RecordSet<unknown>, ttlPerRecord = false): boolean {
  if (a.identities.size !== b.identities.size) return false;
  if (!ttlPerRecord && (a.ttl === undefined || a.ttl !== b.ttl)) return false;
  for (const id of a.identities) if (!b.identities.has(id)) return false;
  return true;
}

/** Names of the sets that differ between two groupings (at most `limit`), for messages. */
export function differingSets(a: Map<string, RecordSet<unknown>>, b: Map<string, RecordSet<unknown>>): string[] {
  const out: string[] = [];
  for (const [key, set] of a) {
    const other = b.get(key);
    if (!other || !sameSet(set, other)) out.push(`${set.name} ${set.type}`);
  }
  for (const [key, set] of b) if (!a.has(key)) out.push(`${set.name} ${set.type}`);
  return out;
}
