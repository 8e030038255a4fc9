import { DNS_RECORD_TYPES, type DnsRecordType } from '../core/dns.js';
import { FieldErrors } from '../core/validation/fail.js';
import type { ZonePlanOptions } from './types.js';

/** A compiled `ignore` list: true when the record set must be left alone. */
export type IgnoreMatcher = (name: string, type: DnsRecordType) => boolean;

const TYPES: readonly string[] = DNS_RECORD_TYPES;

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/**
 * Compiles `ignore` entries (fields `ignore.<i>.name`, `ignore.<i>.type` in the error).
 *
 * @throws {ValidationError} for an entry that is not an object, names neither `name` nor `type`, has an
 *   empty or non-string `name`, or an unknown `type`.
 */
export function compileIgnore(ignore: ZonePlanOptions['ignore']): IgnoreMatcher {
  if (ignore === undefined) return () => false;
  const errors = new FieldErrors();
  if (!Array.isArray(ignore)) {
    errors.add('ignore', 'must be an array of { name?, type? }');
    errors.throwIfAny('Invalid plan options');
  }
  const rules = ignore.map((entry, i) => {
    if (typeof entry !== 'object' || entry === null || (entry.name === undefined && entry.type === undefined)) {
      errors.add(`ignore.${i}`, 'must give a name (glob), a type, or both');
      return undefined;
    }
    if (entry.name !== undefined && (typeof entry.name !== 'string' || entry.name.length === 0))
      errors.add(`ignore.${i}.name`, 'must be a non-empty string');
    const type = typeof entry.type === 'string' ? entry.type.toUpperCase() : entry.type;
    if (type !== undefined && !TYPES.includes(type))
      errors.add(`ignore.${i}.type`, `must be one of ${TYPES.join(', ')}`);
    return { name: typeof entry.name === 'string' ? globToRegExp(entry.name) : undefined, type };
  });
  errors.throwIfAny('Invalid plan options');
  return (name, type) =>
    rules.some(
      (rule) => rule !== undefined && (!rule.type || rule.type === type) && (!rule.name || rule.name.test(name)),
    );
}
