/**
 * Desired records of a plan: validated as `dns.create` input and grouped into record sets in one go, the
 * rules across records checked on the sets.
 *
 * @internal
 * @module
 */
import type { DnsRecordInput } from '../core/dns.js';
import { ValidationError } from '../core/errors.js';
import { FieldErrors } from '../core/validation/fail.js';
import { assertZoneConsistent, type NormalizedDnsRecord } from '../core/validation/index.js';
import { normalizeRecords } from '../core/validation/record.js';
import { groupSets, setKey, type RecordSets } from './sets.js';

/** The desired records, validated, and their sets. */
export interface Desired {
  records: NormalizedDnsRecord[];
  sets: RecordSets<NormalizedDnsRecord>;
}

/** Every set has one TTL (unless TTLs are per record), and a CNAME is the only record of its name. */
function rulesHold(sets: RecordSets<NormalizedDnsRecord>, ttlPerRecord: boolean): boolean {
  for (const set of sets.list) {
    if (!ttlPerRecord && set.ttl === undefined) return false;
    if (set.type === 'CNAME' && (set.records.length > 1 || !sets.alone(set))) return false;
  }
  return true;
}

/** Names each record whose TTL differs from the first of its set. */
function checkSetTtls(records: readonly NormalizedDnsRecord[]): void {
  const errors = new FieldErrors();
  const ttls = new Map<string, number>();
  records.forEach((r, i) => {
    const key = setKey(r.name, r.type);
    const ttl = ttls.get(key);
    if (ttl === undefined) ttls.set(key, r.ttl);
    else if (ttl !== r.ttl)
      errors.add(`records.${i}.ttl`, `the ${r.type} records of "${r.name}" share one TTL (${ttl})`);
  });
  errors.throwIfAny('Invalid DNS records');
}

/**
 * Validates `desired` as `dns.create` input, plus one TTL per record set unless the provider keeps a TTL
 * per record (fields `records.<i>.<field>`), and groups the records into sets.
 *
 * @throws {ValidationError} naming every bad record, a CNAME beside other records and a set with two TTLs.
 */
export function validateDesired(desired: readonly DnsRecordInput[], zone: string, ttlPerRecord = false): Desired {
  if (!Array.isArray(desired))
    throw new ValidationError('desired must be an array of records', { fields: { records: ['must be an array'] } });
  const records = normalizeRecords(desired as DnsRecordInput[], zone);
  const sets = groupSets(records, ttlPerRecord);
  // A record listed twice counts for the CNAME rule but not in its set: the full checks see every record.
  if (sets.duplicates || !rulesHold(sets, ttlPerRecord)) {
    assertZoneConsistent(records);
    if (!ttlPerRecord) checkSetTtls(records);
  }
  return { records, sets };
}
