import type { DnsRecord, DnsRecordType } from '../core/dns.js';
import { recordIdentity, sameIdentity, type NormalizedDnsRecord } from '../core/validation/index.js';

type Grouped = DnsRecord | NormalizedDnsRecord;

/** The records of one name + type, as compared by plans. */
export interface RecordSet<R> {
  /** The name, lowercased. */
  name: string;
  type: DnsRecordType;
  /** The set's TTL; `undefined` when its records disagree (never equal to a desired set). */
  ttl: number | undefined;
  /** Its records, each `{content, priority}` (with `ttlPerRecord`, `{content, priority, ttl}`) once. */
  records: R[];
  /**
   * {@link recordIdentity} of every record once the set has two or more; a set of one record (most sets)
   * is compared through that record, without building its identity.
   */
  identities: Set<string> | undefined;
  /** The next set of the same name (another type). */
  sibling: RecordSet<R> | undefined;
}

/** `name \0 type`, the name lowercased. */
export const setKey = (name: string, type: string): string => `${name.toLowerCase()}\u0000${type}`;

const sameTtl = (a: Grouped, b: Grouped) => a.ttl === b.ttl || `${a.ttl}` === `${b.ttl}`;
const identityOf = (record: Grouped, ttlPerRecord: boolean) =>
  ttlPerRecord ? `${recordIdentity(record)}\u0000${record.ttl}` : recordIdentity(record);

/**
 * The sets of a zone, in order of first appearance, found by name (case-insensitive) and type. Names map
 * to their first set, and the other types of a name hang off it, so no key is built per record: this runs
 * on every record of a zone for every plan.
 */
export class RecordSets<R extends Grouped> {
  /** Every set, in order of first appearance. */
  readonly list: RecordSet<R>[] = [];
  readonly #byName = new Map<string, RecordSet<R>>();

  /** Some record was left out because it compares equal to one added before. */
  duplicates = false;

  get size(): number {
    return this.list.length;
  }

  /** The set of `name` (lowercased) and `type`. */
  get(name: string, type: string): RecordSet<R> | undefined {
    let set = this.#byName.get(name);
    while (set !== undefined && set.type !== type) set = set.sibling;
    return set;
  }

  /** True when `set` is the only set of its name. */
  alone(set: RecordSet<R>): boolean {
    return set.sibling === undefined && this.#byName.get(set.name) === set;
  }

  /** Adds a record to its set; a record that compares equal to one already there is left out. */
  add(record: R, ttlPerRecord: boolean): void {
    const name = record.name.toLowerCase();
    const first = this.#byName.get(name);
    let set = first;
    while (set !== undefined && set.type !== record.type) set = set.sibling;
    if (set === undefined) {
      set = { name, type: record.type, ttl: record.ttl, records: [record], identities: undefined, sibling: undefined };
      if (first === undefined) this.#byName.set(name, set);
      else {
        let last = first;
        while (last.sibling !== undefined) last = last.sibling;
        last.sibling = set;
      }
      this.list.push(set);
      return;
    }
    if (set.ttl !== record.ttl) set.ttl = undefined;
    if (set.identities === undefined) {
      const only = set.records[0] as R;
      if (sameIdentity(only, record) && (!ttlPerRecord || sameTtl(only, record))) {
        this.duplicates = true;
        return;
      }
      set.identities = new Set([identityOf(only, ttlPerRecord)]);
    }
    const identity = identityOf(record, ttlPerRecord);
    if (set.identities.has(identity)) {
      this.duplicates = true;
      return;
    }
    set.identities.add(identity);
    set.records.push(record);
  }
}

/**
 * Groups records into sets (see {@link RecordSets}). Records that compare equal are kept once. With
 * `ttlPerRecord` (a provider that keeps a TTL per record), a record's TTL is part of what is compared.
 */
export function groupSets<R extends Grouped>(records: readonly R[], ttlPerRecord = false): RecordSets<R> {
  const sets = new RecordSets<R>();
  for (let i = 0; i < records.length; i++) sets.add(records[i] as R, ttlPerRecord);
  return sets;
}

/**
 * True when two sets hold the same `{content, priority}` pairs (in any order) and one equal TTL; with
 * `ttlPerRecord`, the same `{content, priority, ttl}` triples.
 */
export function sameSet<R extends Grouped>(a: RecordSet<R>, b: RecordSet<R>, ttlPerRecord = false): boolean {
  if (a.records.length !== b.records.length) return false;
  if (!ttlPerRecord && (a.ttl === undefined || a.ttl !== b.ttl)) return false;
  if (a.identities === undefined || b.identities === undefined) {
    const x = a.records[0] as R;
    const y = b.records[0] as R;
    return sameIdentity(x, y) && (!ttlPerRecord || sameTtl(x, y));
  }
  for (const id of a.identities) if (!b.identities.has(id)) return false;
  return true;
}
