/**
 * Validation of a batch of record-set writes ({@link DnsCapability.writeSets}), shared by every provider
 * that implements it.
 *
 * @module
 */
import { DNS_RECORD_TYPES, type DnsRecordSetChanges, type DnsRecordSetKey, type DnsRecordType } from '../dns.js';
import { ValidationError } from '../errors.js';
import { normalizeRecordName } from './domain.js';
import { FieldErrors, fail } from './fail.js';
import {
  assertZoneConsistent,
  type checkRecord,
  normalizeRecord,
  recordIdentity,
  type NormalizedDnsRecord,
} from './record.js';

/** One record set to write: its records deduplicated, their TTL shared. */
export interface ValidatedRecordSet extends DnsRecordSetKey {
  ttl: number;
  records: NormalizedDnsRecord[];
}

/** {@link DnsRecordSetChanges} after {@link validateSetChanges}. */
export interface ValidatedSetChanges {
  /** Sets to replace, in input order of their first record. */
  replace: ValidatedRecordSet[];
  /** Sets to delete, names normalized, duplicates removed. */
  delete: DnsRecordSetKey[];
}

const TYPES: readonly string[] = DNS_RECORD_TYPES;
const key = (s: DnsRecordSetKey) => `${s.name}\u0000${s.type}`;

/**
 * Validates a batch of record-set writes: every record as `dns.create` validates it (fields
 * `replace.<i>.<field>`), one TTL per set, the CNAME rule inside the batch, each delete's name and type
 * (`delete.<i>.name`, `delete.<i>.type`), and no set both replaced and deleted.
 *
 * @param zone - The zone written to (a name that repeats it is refused).
 * @param options - `ttlPerRecord: true` for a provider that stores a TTL per record: the records of one
 *   set may then have different TTLs (the set's `ttl` is its first record's).
 * @throws {ValidationError} naming every bad field.
 */
export function validateSetChanges(
  changes: DnsRecordSetChanges,
  zone?: string,
  options: { ttlPerRecord?: boolean } = {},
): ValidatedSetChanges {
  return validateSetChangesWith(normalizeRecord, changes, zone, options);
}

/**
 * {@link validateSetChanges} with `check` for each record (see `validateRecordsWith`).
 *
 * @internal
 */
export function validateSetChangesWith(
  check: typeof checkRecord,
  changes: DnsRecordSetChanges,
  zone?: string,
  options: { ttlPerRecord?: boolean } = {},
): ValidatedSetChanges {
  if (typeof changes !== 'object' || changes === null) fail('changes', 'must be an object');
  const replace = changes.replace ?? [];
  const deletes = changes.delete ?? [];
  if (!Array.isArray(replace)) fail('replace', 'must be an array');
  if (!Array.isArray(deletes)) fail('delete', 'must be an array');
  const errors = new FieldErrors();
  const sets = new Map<string, ValidatedRecordSet & { seen: Set<string> }>();
  // First occurrences with their input index, so a CNAME clash names the caller's own index.
  const firsts: { record: NormalizedDnsRecord; index: number }[] = [];
  replace.forEach((input, i) => {
    const record = errors.catch(() => check(input, `replace.${i}.`, zone));
    if (!record) return;
    const k = key(record);
    const set = sets.get(k);
    if (!set) {
      sets.set(k, { name: record.name, type: record.type, ttl: record.ttl, records: [record], seen: new Set() });
      sets.get(k)?.seen.add(recordIdentity(record));
      firsts.push({ record, index: i });
      return;
    }
    if (record.ttl !== set.ttl && options.ttlPerRecord !== true)
      errors.add(`replace.${i}.ttl`, `the ${record.type} records of "${record.name}" share one TTL (${set.ttl})`);
    const id = recordIdentity(record);
    if (!set.seen.has(id)) {
      set.seen.add(id);
      set.records.push(record);
      firsts.push({ record, index: i });
    }
  });
  const doomed = new Map<string, DnsRecordSetKey>();
  deletes.forEach((entry, i) => {
    const name = errors.catch(() => normalizeRecordName(entry?.name, `delete.${i}.name`));
    const rawType = typeof entry?.type === 'string' ? entry.type.toUpperCase() : undefined;
    if (rawType === undefined || !TYPES.includes(rawType)) {
      errors.add(`delete.${i}.type`, `must be one of ${TYPES.join(', ')}`);
      return;
    }
    if (name === undefined) return;
    const target = { name, type: rawType as DnsRecordType };
    if (sets.has(key(target))) errors.add(`delete.${i}`, `the ${rawType} set of "${name}" is also being replaced`);
    doomed.set(key(target), target);
  });
  errors.throwIfAny('Invalid record set changes');
  const out = [...sets.values()].map(({ seen: _seen, ...set }) => set);
  try {
    assertZoneConsistent(firsts.map((f) => f.record));
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const rename = (field: string) =>
      field.replace(/^records\.(\d+)\./, (_, j: string) => `replace.${firsts[Number(j)]?.index ?? j}.`);
    const fields = Object.fromEntries(Object.entries(error.fields).map(([f, m]) => [rename(f), m]));
    const detail = Object.entries(fields)
      .map(([f, m]) => `${f} ${m.join(', ')}`)
      .join('; ');
    throw new ValidationError(`Inconsistent record set changes: ${detail}`, { fields });
  }
  return { replace: out, delete: [...doomed.values()] };
}
