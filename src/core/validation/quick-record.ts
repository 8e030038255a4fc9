/**
 * The common case of record validation in one pass over char codes: plain ASCII names and host names,
 * canonical numbers, TTL and priority in range. It answers only when it is sure the full check
 * (`normalizeRecord`) accepts the record, and then with the same result; anything unusual (an error to
 * word, an IDN, a CAA record, upper-case type) returns `undefined` and takes the full check. Zone files
 * and plans validate every record of a zone, so this is on their hot path.
 *
 * @internal
 * @module
 */
import type { DnsRecordInput, DnsRecordType } from '../dns.js';
import { isIPv4, isIPv6 } from './ip.js';
import { parseTxt } from './txt.js';
import { DEFAULT_TTL, MAX_TTL, MIN_TTL } from './ttl.js';

const DOT = 46;
const HYPHEN = 45;
const STAR = 42;

/** 1: a letter, digit, `_` or `-` of a label (upper case: 2); 0: anything else. */
const LABEL_CHAR = new Uint8Array(128);
for (let c = 48; c <= 57; c++) LABEL_CHAR[c] = 1;
for (let c = 97; c <= 122; c++) LABEL_CHAR[c] = 1;
for (let c = 65; c <= 90; c++) LABEL_CHAR[c] = 2;
LABEL_CHAR[95] = 1;
LABEL_CHAR[HYPHEN] = 1;

/**
 * `name` lowercased when it is a plain dotted name, each label 1 to 63 letters, digits, `_` or `-` that
 * neither starts nor ends with `-` (the first label may be `*` when `wildcard`), at most 253 characters;
 * otherwise `undefined`. With `host`, a last label of digits only (an IP address) is `undefined` too.
 */
function plainName(name: string, wildcard: boolean, host: boolean): string | undefined {
  const n = name.length;
  if (n === 0 || n > 253) return undefined;
  let upper = false;
  let start = 0;
  let digitsOnly = true;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? name.charCodeAt(i) : DOT;
    if (c === DOT) {
      const length = i - start;
      if (length === 0 || length > 63) return undefined;
      if (!(wildcard && start === 0 && length === 1 && name.charCodeAt(0) === STAR)) {
        if (name.charCodeAt(start) === HYPHEN || name.charCodeAt(i - 1) === HYPHEN) return undefined;
      }
      if (i < n) digitsOnly = true;
      start = i + 1;
      continue;
    }
    const kind = c < 128 ? LABEL_CHAR[c] : 0;
    if (kind === 0 && !(wildcard && c === STAR && i === 0 && (n === 1 || name.charCodeAt(1) === DOT))) return undefined;
    if (kind === 2) upper = true;
    if (c < 48 || c > 57) digitsOnly = false;
  }
  if (host && digitsOnly) return undefined;
  return upper ? name.toLowerCase() : name;
}

/** A host name target as `normalizeHostname` returns it (lowercase, no final dot), or `undefined`. */
export function plainHost(host: string): string | undefined {
  const bare = host.length > 1 && host.charCodeAt(host.length - 1) === DOT ? host.slice(0, -1) : host;
  return plainName(bare, false, true);
}

/** `0` or a decimal without leading zeros, at most `max`; else -1. */
function decimal(text: string, max: number): number {
  const n = text.length;
  if (n === 0 || n > 10 || (n > 1 && text.charCodeAt(0) === 48)) return -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
  }
  const value = Number(text);
  return value <= max ? value : -1;
}

/** `weight port target` with single spaces, each part valid, as `normalizeRecord` writes it; or `undefined`. */
function plainSrv(content: string): string | undefined {
  const a = content.indexOf(' ');
  const b = a < 0 ? -1 : content.indexOf(' ', a + 1);
  if (b < 0) return undefined;
  const weight = content.slice(0, a);
  const port = content.slice(a + 1, b);
  if (decimal(weight, 65535) < 0 || decimal(port, 65535) < 0) return undefined;
  const target = content.slice(b + 1);
  const host = target === '.' ? '.' : plainHost(target);
  if (host === undefined) return undefined;
  return host === target ? content : `${weight} ${port} ${host}`;
}

function content(type: DnsRecordType, value: string): string | undefined {
  switch (type) {
    case 'TXT':
      return parseTxt(value);
    case 'A':
      return isIPv4(value) ? value : undefined;
    case 'AAAA':
      return isIPv6(value) ? value.toLowerCase() : undefined;
    case 'MX':
    case 'CNAME':
    case 'NS':
      return plainHost(value);
    case 'SRV':
      return plainSrv(value);
    default:
      return undefined;
  }
}

const inRange = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/**
 * What `normalizeRecord(input, path, zone)` returns, when the record is a common one it certainly accepts;
 * otherwise `undefined`.
 */
export function quickRecord(input: DnsRecordInput, zone: string | undefined): DnsRecordNormal | undefined {
  const { type, name: rawName, content: raw, ttl: rawTtl } = input;
  if (
    type !== 'A' &&
    type !== 'AAAA' &&
    type !== 'CNAME' &&
    type !== 'MX' &&
    type !== 'TXT' &&
    type !== 'NS' &&
    type !== 'SRV'
  )
    return undefined;
  if (typeof rawName !== 'string' || typeof raw !== 'string') return undefined;
  const name = rawName === '@' ? '@' : plainName(rawName, true, false);
  if (name === undefined || (type === 'CNAME' && name === '@')) return undefined;
  if (zone !== undefined && zone !== '') {
    const z = zone.toLowerCase();
    const cut = name.length - z.length - 1;
    if (name === z || (cut >= 0 && name.charCodeAt(cut) === DOT && name.endsWith(z))) return undefined;
  }
  if (type !== 'TXT' && raw.length === 0) return undefined;
  const value = content(type, raw);
  if (value === undefined) return undefined;
  const ttl = rawTtl === undefined ? DEFAULT_TTL : rawTtl;
  if (!inRange(ttl, MIN_TTL, MAX_TTL)) return undefined;
  let priority = 0;
  if (type === 'MX' || type === 'SRV') {
    priority = input.priority === undefined ? 0 : (input.priority as number);
    if (!inRange(priority, 0, 65535)) return undefined;
  }
  return { type, name, content: value, ttl, priority };
}

/** The shape `normalizeRecord` returns (its `NormalizedDnsRecord`). */
export interface DnsRecordNormal {
  type: DnsRecordType;
  name: string;
  content: string;
  ttl: number;
  priority: number;
}
