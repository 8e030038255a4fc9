import { DNS_RECORD_TYPES, type DnsRecordType } from '../core/dns.js';
import { FieldErrors } from '../core/validation/fail.js';
import { cidrMatcher } from './cidr.js';
import type { ZonePlanOptions } from './types.js';

/** A compiled `ignore` list: true when the record set must be left alone. */
export type IgnoreMatcher = (name: string, type: DnsRecordType) => boolean;

/** A compiled `ignore` list: `set` for entries without `content`, `record` for those with it. */
export interface IgnoreRules {
  /** The whole set is left alone. */
  set: IgnoreMatcher;
  /** This record is left alone (an entry with `content`); `undefined` when no entry has `content`. */
  record?: (record: { name: string; type: DnsRecordType; content: string }) => boolean;
}

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
export function compileIgnore(ignore: ZonePlanOptions['ignore']): IgnoreRules {
  if (ignore === undefined) return { set: () => false };
  const errors = new FieldErrors();
  if (!Array.isArray(ignore)) {
    errors.add('ignore', 'must be an array of { name?, type? }');
    errors.throwIfAny('Invalid plan options');
  }
  const rules = ignore.map((entry, i) => {
    if (
      typeof entry !== 'object' ||
      entry === null ||
      (entry.name === undefined && entry.type === undefined && entry.content === undefined)
    ) {
      errors.add(`ignore.${i}`, 'must give a name (glob), a type, a content (glob or CIDR), or several');
      return undefined;
    }
    if (entry.content !== undefined && (typeof entry.content !== 'string' || entry.content.length === 0))
      errors.add(`ignore.${i}.content`, 'must be a non-empty string: a glob, or a CIDR block for A/AAAA');
    if (entry.name !== undefined && (typeof entry.name !== 'string' || entry.name.length === 0))
      errors.add(`ignore.${i}.name`, 'must be a non-empty string');
    const type = typeof entry.type === 'string' ? entry.type.toUpperCase() : entry.type;
    if (type !== undefined && !TYPES.includes(type))
      errors.add(`ignore.${i}.type`, `must be one of ${TYPES.join(', ')}`);
    const content = typeof entry.content === 'string' ? entry.content : undefined;
    return {
      name: typeof entry.name === 'string' ? globToRegExp(entry.name) : undefined,
      type,
      content: content === undefined ? undefined : contentMatcher(content),
    };
  });
  errors.throwIfAny('Invalid plan options');
  const heads = (rule: (typeof rules)[number], name: string, type: DnsRecordType) =>
    rule !== undefined && (!rule.type || rule.type === type) && (!rule.name || rule.name.test(name));
  const setRules = rules.filter((rule) => rule && !rule.content);
  const recordRules = rules.filter((rule) => rule?.content);
  return {
    set: (name, type) => setRules.some((rule) => heads(rule, name, type)),
    ...(recordRules.length === 0
      ? {}
      : {
          record: (r: { name: string; type: DnsRecordType; content: string }) =>
            recordRules.some((rule) => heads(rule, r.name, r.type) && rule?.content?.(r.type, r.content) === true),
        }),
  };
}

/** `content` of an ignore entry: a CIDR block matches A/AAAA addresses inside it, else a glob matches the value. */
function contentMatcher(content: string): (type: DnsRecordType, value: string) => boolean {
  const cidr = cidrMatcher(content);
  if (cidr) return (type, value) => (type === 'A' || type === 'AAAA') && cidr(value);
  const glob = globToRegExp(content);
  return (_type, value) => glob.test(value);
}
