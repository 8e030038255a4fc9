/**
 * Input rules of {@link createDnsCapability} beyond one record's grammar: the one TTL of a set, and
 * names relative to the zone.
 *
 * @internal
 * @module
 */
import type { DnsRecordInput } from '../core/dns.js';
import { ValidationError } from '../core/errors.js';
import { fail, quote } from '../core/validation/fail.js';
import { DEFAULT_TTL, type NormalizedDnsRecord } from '../core/validation/index.js';

/** A validated record with the `ttl` its caller gave (or not) and the field that names it. */
export interface GivenRecord {
  record: NormalizedDnsRecord;
  given: number | undefined;
  field: string;
}

/** Pairs each validated record with the TTL its input gave. */
export function explicitTtls(records: NormalizedDnsRecord[], inputs: DnsRecordInput[]): GivenRecord[] {
  return records.map((record, i) => ({ record, given: inputs[i]?.ttl, field: `records.${i}.ttl` }));
}

/**
 * The TTL of a set written from `inputs`: `fixed` when the set already has one that must stay (records
 * join an existing set), else the first TTL given, else `fallback` (the TTL the set had), else the
 * default. Every TTL given must be that one: the records of a set share one TTL.
 *
 * @throws {ValidationError} naming each record whose TTL differs.
 */
export function setTtl(
  fixed: number | undefined,
  fallback: number | undefined,
  inputs: readonly GivenRecord[],
  provider: string,
): number {
  const ttl = fixed ?? inputs.find((i) => i.given !== undefined)?.given ?? fallback ?? DEFAULT_TTL;
  const fields: Record<string, string[]> = {};
  for (const { record, given, field } of inputs) {
    if (given === undefined || given === ttl) continue;
    fields[field] = [
      `the ${record.type} records of ${quote(record.name)} share one TTL (${ttl}); omit ttl or use ${ttl}`,
    ];
  }
  if (Object.keys(fields).length > 0) {
    const detail = Object.entries(fields)
      .map(([f, m]) => `${f} ${m.join(', ')}`)
      .join('; ');
    throw new ValidationError(`The records of one set share one TTL: ${detail}`, { fields, provider });
  }
  return ttl;
}

/**
 * A record name that does not repeat the zone (`www.example.com` in `example.com` would mean
 * `www.example.com.example.com`).
 *
 * @throws {ValidationError} naming `name`.
 */
export function relativeName(name: string, zone: string): string {
  if (name === zone || name.endsWith(`.${zone}`)) {
    const relative = name === zone ? '@' : name.slice(0, -(zone.length + 1));
    fail('name', `must be relative to the zone ${zone}: use ${quote(relative)}, not ${quote(name)}`);
  }
  return name;
}
