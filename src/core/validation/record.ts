/**
 * DNS record validation: one place that knows the grammar of every record type, used by every
 * provider before a request is made.
 *
 * @module
 */
import { DNS_RECORD_TYPES, type DnsRecord, type DnsRecordInput, type DnsRecordType } from '../dns.js';
import { normalizeHostname, normalizeRecordName } from './domain.js';
import { FieldErrors, fail, quote } from './fail.js';
import { expandIPv6, isIPv4, isIPv6 } from './ip.js';
import { canonicalCaa } from './caa.js';
import { quickRecord } from './quick-record.js';
import { DEFAULT_TTL, MAX_TTL, MIN_TTL } from './ttl.js';
import { parseTxt } from './txt.js';

/** A validated record: `ttl` and `priority` filled in, names and host names lowercased. */
export type NormalizedDnsRecord = Omit<DnsRecord, 'id'>;

export { DEFAULT_TTL };
const TYPES: readonly string[] = DNS_RECORD_TYPES;

function integerIn(value: unknown, min: number, max: number, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(field, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

function decimalIn(token: string, max: number, field: string, what: string): number {
  if (!/^(?:0|[1-9]\d{0,9})$/.test(token) || Number(token) > max)
    fail(field, `${what} must be an integer from 0 to ${max}`);
  return Number(token);
}

function srvContent(content: string, field: string): string {
  const parts = content.trim().split(/\s+/);
  if (parts.length === 4) fail(field, `must be "weight port target"; the priority goes in the priority field`);
  if (parts.length !== 3) fail(field, `must be "weight port target", e.g. "5 5060 sip.example.com"`);
  const [weight, port, target] = parts as [string, string, string];
  const w = decimalIn(weight, 65535, field, 'weight');
  const p = decimalIn(port, 65535, field, 'port');
  return `${w} ${p} ${target === '.' ? '.' : normalizeHostname(target, field)}`;
}

function caaContent(content: string, field: string): string {
  const match = /^\s*(\S+)\s+(\S+)\s+(\S[\s\S]*?)\s*$/.exec(content);
  if (!match) fail(field, `must be "flags tag value", e.g. '0 issue "letsencrypt.org"'`);
  const [, flags = '', tag = '', value = ''] = match;
  const f = decimalIn(flags, 255, field, 'CAA flags');
  if (!/^[a-zA-Z0-9]{1,15}$/.test(tag)) fail(field, `CAA tag must be 1 to 15 letters or digits`);
  // One form whatever the spelling: `0 issue "ca.example"` is `0 issue ca.example`.
  return canonicalCaa(`${f} ${tag} ${value}`);
}

function normalizeContent(type: DnsRecordType, content: unknown, field: string): string {
  if (typeof content !== 'string') fail(field, 'must be a string');
  if (type === 'TXT') return parseTxt(content);
  if (content.length === 0) fail(field, 'must not be empty');
  switch (type) {
    case 'A':
      if (!isIPv4(content)) fail(field, `${quote(content)} is not an IPv4 address`);
      return content;
    case 'AAAA':
      if (!isIPv6(content)) fail(field, `${quote(content)} is not an IPv6 address`);
      return content.toLowerCase();
    case 'MX':
      if (/^\d+\s+\S/.test(content.trim()))
        fail(field, 'must be the mail host only; the priority goes in the priority field');
      return normalizeHostname(content, field);
    case 'CNAME':
    case 'NS':
      return normalizeHostname(content, field);
    case 'SRV':
      return srvContent(content, field);
    case 'CAA':
      return caaContent(content, field);
  }
}

/**
 * The message for a record name that repeats its zone (`www.example.com` in `example.com` would mean
 * `www.example.com.example.com`), naming the relative form to use; `undefined` for a relative name.
 */
export function repeatsZone(name: string, zone: string): string | undefined {
  if (name !== zone && !name.endsWith(`.${zone}`)) return undefined;
  const relative = name === zone ? '@' : name.slice(0, -(zone.length + 1));
  return `must be relative to the zone ${zone}: use ${quote(relative)}, not ${quote(name)}`;
}

/**
 * Validates and normalises one record: type, name, content grammar per type, TTL (60–2147483647,
 * default 14400) and priority (0–65535 for MX/SRV, default 0; always 0 for other types).
 * Host name targets are lowercased without a trailing dot; an already-quoted TXT value is unquoted.
 *
 * @param path - Prefix of the field names in the error, e.g. `'records.0.'`.
 * @param zone - The zone the record goes in: a name that repeats it (`www.example.com` in `example.com`,
 *   which would mean `www.example.com.example.com`) is refused, naming the relative form to use.
 * @throws {ValidationError} whose `fields` name every bad field (`${path}content`, `${path}ttl`, ...).
 * @example
 * ```ts
 * normalizeRecord({ type: 'MX', name: '@', content: 'Mail.Example.com.', priority: 10 });
 * // { type: 'MX', name: '@', content: 'mail.example.com', ttl: 14400, priority: 10 }
 * ```
 */
export function normalizeRecord(input: DnsRecordInput, path = '', zone?: string): NormalizedDnsRecord {
  return (typeof input === 'object' && input !== null && quickRecord(input, zone)) || checkRecord(input, path, zone);
}

/**
 * {@link normalizeRecord} without its fast path for common records: every check, every error worded.
 *
 * @internal
 */
export function checkRecord(input: DnsRecordInput, path = '', zone?: string): NormalizedDnsRecord {
  const errors = new FieldErrors();
  if (typeof input !== 'object' || input === null) fail(path ? path.slice(0, -1) : 'record', 'must be an object');
  const rawType = typeof input.type === 'string' ? input.type.toUpperCase() : input.type;
  const type = TYPES.includes(rawType as string) ? (rawType as DnsRecordType) : undefined;
  if (type === undefined) errors.add(`${path}type`, `must be one of ${TYPES.join(', ')}`);
  const name = errors.catch(() => normalizeRecordName(input.name, `${path}name`));
  if (type === 'CNAME' && name === '@') errors.add(`${path}name`, 'a CNAME cannot be at the zone apex (@)');
  const repeated = zone && name && repeatsZone(name, zone.toLowerCase());
  if (repeated) errors.add(`${path}name`, repeated);
  const content = type && errors.catch(() => normalizeContent(type, input.content, `${path}content`));
  const ttl = errors.catch(() =>
    input.ttl === undefined ? DEFAULT_TTL : integerIn(input.ttl, MIN_TTL, MAX_TTL, `${path}ttl`),
  );
  const usesPriority = type === 'MX' || type === 'SRV';
  const priority = usesPriority
    ? errors.catch(() => (input.priority === undefined ? 0 : integerIn(input.priority, 0, 65535, `${path}priority`)))
    : 0;
  errors.throwIfAny('Invalid DNS record');
  return { type: type!, name: name!, content: content!, ttl: ttl!, priority: priority! };
}

/**
 * Validates a batch of records (fields `records.<i>.<field>`) and checks that they are consistent
 * together ({@link assertZoneConsistent}).
 *
 * @param zone - The zone the records go in (see {@link normalizeRecord}).
 * @throws {ValidationError} naming every bad field of every record.
 */
export function validateRecords(records: DnsRecordInput[], zone?: string): NormalizedDnsRecord[] {
  const valid = normalizeRecords(records, zone);
  assertZoneConsistent(valid);
  return valid;
}

/**
 * {@link validateRecords} with `check` for each record: {@link checkRecord} where a few records are
 * validated at a time (a provider's DNS calls), which keeps the fast path of large zones out of its bundle.
 *
 * @internal
 */
export function validateRecordsWith(
  check: typeof checkRecord,
  records: DnsRecordInput[],
  zone?: string,
): NormalizedDnsRecord[] {
  if (!Array.isArray(records)) fail('records', 'must be an array');
  const errors = new FieldErrors();
  const out = records.map((r, i) => errors.catch(() => check(r, `records.${i}.`, zone)));
  errors.throwIfAny('Invalid DNS records');
  const valid = out as NormalizedDnsRecord[];
  assertZoneConsistent(valid);
  return valid;
}

/**
 * {@link validateRecords} without the check across records, for callers that check it their own way.
 *
 * @internal
 */
export function normalizeRecords(records: DnsRecordInput[], zone?: string): NormalizedDnsRecord[] {
  if (!Array.isArray(records)) fail('records', 'must be an array');
  const errors = new FieldErrors();
  // The common record needs no field path and no closure; the full check words the errors of the others.
  const out = records.map(
    (r, i) =>
      (typeof r === 'object' && r !== null && quickRecord(r, zone)) ||
      errors.catch(() => checkRecord(r, `records.${i}.`, zone)),
  );
  errors.throwIfAny('Invalid DNS records');
  return out as NormalizedDnsRecord[];
}

/**
 * Checks the CNAME rule: a name that has a CNAME has exactly one record, that CNAME.
 * Names are compared case-insensitively.
 *
 * @throws {ValidationError} naming `records.<i>.type` of the offending record.
 */
export function assertZoneConsistent(records: readonly { name: string; type: string }[]): void {
  // By name, in order of first appearance: the index of its only record, or what its records hold.
  const byName = new Map<string, number | { lastCname: number; other: boolean }>();
  const isCname = (type: string) => type === 'CNAME' || type.toUpperCase() === 'CNAME';
  records.forEach((r, i) => {
    const key = r.name.toLowerCase();
    let seen = byName.get(key);
    if (seen === undefined) return void byName.set(key, i);
    if (typeof seen === 'number') {
      const first = isCname((records[seen] as { type: string }).type);
      byName.set(key, (seen = { lastCname: first ? seen : -1, other: !first }));
    }
    if (isCname(r.type)) seen.lastCname = i;
    else seen.other = true;
  });
  const errors = new FieldErrors();
  for (const [name, seen] of byName) {
    if (typeof seen === 'number' || seen.lastCname < 0) continue;
    const other = seen.other ? 'another record type' : 'a second CNAME';
    errors.add(`records.${seen.lastCname}.type`, `a CNAME at ${quote(name)} cannot coexist with ${other}`);
  }
  errors.throwIfAny('Inconsistent DNS records');
}

/** A host name compared or listed: lower case, without its trailing dot. */
export function hostKey(host: string): string {
  const lower = host.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

function contentKey(type: string, content: string): string {
  switch (type) {
    case 'TXT':
    case 'A':
      return content;
    case 'AAAA':
      return expandIPv6(content)?.join(':') ?? content.toLowerCase();
    case 'SRV':
      return content.trim().split(/\s+/).map(hostKey).join(' ');
    case 'CAA':
      // `0 issue "letsencrypt.org"` and `0 issue letsencrypt.org` are one record (Hostinger drops the quotes).
      return canonicalCaa(content);
    default:
      return hostKey(content);
  }
}

/**
 * True when two records are the same record: equal name, type and priority, and equal content
 * (case- and trailing-dot-insensitive for host names, exact for TXT, any spelling of one IPv6 address).
 */
export function sameRecord(a: NormalizedDnsRecord, b: NormalizedDnsRecord): boolean {
  return (
    a.type === b.type &&
    a.name.toLowerCase() === b.name.toLowerCase() &&
    a.priority === b.priority &&
    contentKey(a.type, a.content) === contentKey(b.type, b.content)
  );
}

/**
 * A string that is equal for two records of one set exactly when {@link sameRecord} holds for them:
 * the priority and the content compared the way `sameRecord` compares it. Lets callers compare large
 * record sets with a `Set` instead of pairwise.
 */
export function recordIdentity(record: { type: string; priority: number; content: string }): string {
  return `${record.priority} ${contentKey(record.type, record.content)}`;
}

/**
 * `recordIdentity(a) === recordIdentity(b)`, without building either string when the priorities are
 * numbers (and for A and TXT records, without building anything).
 */
export function sameIdentity(
  a: { type: string; priority: number; content: string },
  b: { type: string; priority: number; content: string },
): boolean {
  if (typeof a.priority !== 'number' || typeof b.priority !== 'number') return recordIdentity(a) === recordIdentity(b);
  // Two numbers print alike exactly when they are equal or both NaN.
  if (a.priority !== b.priority && !(Number.isNaN(a.priority) && Number.isNaN(b.priority))) return false;
  return contentKey(a.type, a.content) === contentKey(b.type, b.content);
}
