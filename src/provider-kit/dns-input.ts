/**
 * Input rules of {@link createDnsCapability} beyond one record's grammar: the one TTL of a set.
 *
 * @internal
 * @module
 */
import type { FieldErrors } from '../core/validation/fail.js';
import { quote } from '../core/validation/fail.js';
import { DEFAULT_TTL, type NormalizedDnsRecord } from '../core/validation/index.js';

/** A validated record with the `ttl` its caller gave (or not) and the field that names it. */
export interface GivenRecord {
  record: NormalizedDnsRecord;
  given: number | undefined;
  field: string;
}

/**
 * The TTL of a set written from `inputs`: `fixed` when the set already has one that must stay (records
 * join an existing set), else the first TTL given, else `fallback` (the TTL the set had), else the
 * default. Every TTL given must be that one (the records of a set share one TTL): each that differs is
 * added to `errors`, naming its record's field.
 */
export function setTtl(
  fixed: number | undefined,
  fallback: number | undefined,
  inputs: readonly GivenRecord[],
  errors: FieldErrors,
): number {
  const ttl = fixed ?? inputs.find((i) => i.given !== undefined)?.given ?? fallback ?? DEFAULT_TTL;
  for (const { record, given, field } of inputs) {
    if (given !== undefined && given !== ttl) {
      errors.add(
        field,
        `the ${record.type} records of ${quote(record.name)} share one TTL (${ttl}); omit ttl or use ${ttl}`,
      );
    }
  }
  return ttl;
}
