import { isIP } from 'node:net';
import { invalidInput } from './responses.js';
import type { HzRecord, HzZone } from './state.js';

/** Record types Hetzner DNS knows (the `rr_type` enum). */
export const HZ_RECORD_TYPES = [
  'A',
  'AAAA',
  'CAA',
  'CNAME',
  'DS',
  'HINFO',
  'HTTPS',
  'MX',
  'NS',
  'PTR',
  'RP',
  'SOA',
  'SRV',
  'SVCB',
  'TLSA',
  'TXT',
] as const;

const LABEL = /^(\*|_?[a-z0-9]([a-z0-9_-]{0,61}[a-z0-9])?)$/;
const QUOTED = /^"(?:[^"\\]|\\[\s\S])*"(?:\s+"(?:[^"\\]|\\[\s\S])*")*$/;
const CHUNK = /"((?:[^"\\]|\\[\s\S])*)"/g;

/** Checks a set name as Hetzner does: relative, lower case, no trailing dot, not ending in the zone name. */
export function checkSetName(name: string, zone: HzZone): void {
  if (name === '@') return;
  if (name.endsWith('.') || name === zone.name || name.endsWith(`.${zone.name}`))
    throw invalidInput('name', 'must be relative to the zone, without a trailing dot');
  if (name !== name.toLowerCase() || !name.split('.').every((l) => LABEL.test(l)))
    throw invalidInput('name', 'must be lower-case labels');
}

/** Checks one value of a set of `type`; throws the 422 Hetzner answers. */
function checkValue(type: string, value: string, field: string): void {
  if (value.trim() === '') throw invalidInput(field, 'must not be empty');
  switch (type) {
    case 'A':
      if (isIP(value) !== 4) throw invalidInput(field, 'must be an IPv4 address');
      break;
    case 'AAAA':
      if (isIP(value) !== 6) throw invalidInput(field, 'must be an IPv6 address');
      break;
    case 'MX':
      if (!/^\d{1,5} \S+$/.test(value)) throw invalidInput(field, 'must be "<priority> <host>"');
      break;
    case 'SRV':
      if (!/^\d{1,5} \d{1,5} \d{1,5} \S+$/.test(value))
        throw invalidInput(field, 'must be "<priority> <weight> <port> <target>"');
      break;
    case 'CAA':
      if (!/^\d{1,3} [a-z0-9]+ "[^"]*"$/i.test(value)) throw invalidInput(field, 'must be `<flags> <tag> "<value>"`');
      break;
    case 'TXT': {
      if (!QUOTED.test(value)) throw invalidInput(field, 'must be one or more quoted strings');
      for (const [, chunk = ''] of value.matchAll(CHUNK))
        if (Buffer.byteLength(chunk.replace(/\\([\s\S])/g, '$1')) > 255)
          throw invalidInput(field, 'each quoted string must be at most 255 characters');
      break;
    }
  }
}

/** Reads `records` of a request: 1 to `max` distinct values, each valid for `type`. */
export function readRecords(raw: unknown, type: string, max = 50): HzRecord[] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > max)
    throw invalidInput('records', `must list 1 to ${max} records`);
  const records = raw.map((r: unknown, i) => {
    const { value, comment } = (r ?? {}) as { value?: unknown; comment?: unknown };
    if (typeof value !== 'string') throw invalidInput(`records.${i}.value`, 'is required');
    checkValue(type, value, `records.${i}.value`);
    return { value, comment: typeof comment === 'string' ? comment : '' };
  });
  if (new Set(records.map((r) => r.value)).size !== records.length)
    throw invalidInput('records', 'must only contain distinct record values');
  return records;
}

/** Reads a TTL: `null` (the zone's default) or 60 to 2147483647. */
export function readTtl(raw: unknown): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 60 || raw > 2147483647)
    throw invalidInput('ttl', 'must be an integer from 60 to 2147483647, or null');
  return raw;
}

/** Refuses a CNAME beside other data at one name, in either order. */
export function checkCname(zone: HzZone, name: string, type: string): void {
  for (const set of zone.rrsets.values()) {
    if (set.name !== name || set.type === type) continue;
    if (set.type === 'CNAME' || type === 'CNAME')
      throw invalidInput('type', 'a CNAME record set cannot share its name with other record sets');
  }
}
