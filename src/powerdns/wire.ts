/**
 * PowerDNS record sets ↔ the SDK's records. On the wire names are absolute (`www.example.org.`) and `content`
 * is PowerDNS's presentation format: host names with their dot, the MX/SRV priority in front, TXT as quoted
 * strings of at most 255 bytes, CAA values quoted (listed in the SDK's one CAA form).
 *
 * @internal
 * @module
 */
import type { DnsRecordType } from '../index.js';
import {
  canonicalCaa,
  formatCaa,
  formatTxt,
  parseCaa,
  parseTxt,
  type DnsSetChanges,
  type DnsSourceRecord,
} from '../provider-kit/index.js';

/** One record set as the zone GET lists it. */
export interface RRSetWire {
  name: string;
  type: string;
  ttl: number;
  records: Array<{ content: string; disabled?: boolean }>;
}

const TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA'];
const absolute = (host: string) => (host === '.' ? '.' : `${host}.`);
const host = (wire: string) => (wire === '.' ? '.' : wire.replace(/\.$/, '').toLowerCase());
const wireName = (name: string, zone: string) => (name === '@' ? `${zone}.` : `${name}.${zone}.`);

/** The `content` PowerDNS wants for one SDK record. */
export function contentToWire(type: DnsRecordType, content: string, priority = 0): string {
  const [first = '', second = '', ...rest] = content.split(' ');
  switch (type) {
    case 'CNAME':
    case 'NS':
      return absolute(content);
    case 'MX':
      return `${priority} ${absolute(content)}`;
    case 'SRV':
      return `${priority} ${first} ${second} ${absolute(rest.join(' '))}`;
    case 'TXT': // control bytes as \DDD, the form PowerDNS prints them in
      return formatTxt(content).replace(/[\0-\x1f\x7f]/g, (c) => `\\${String(c.charCodeAt(0)).padStart(3, '0')}`);
    case 'CAA': {
      const parts = parseCaa(content);
      return parts ? formatCaa(parts, 'always') : content;
    }
    default:
      return content;
  }
}

/** One SDK record from a PowerDNS `content`. */
function fromWire(type: DnsRecordType, content: string): { content: string; priority?: number } {
  const [first = '', ...rest] = content.trim().split(/\s+/);
  switch (type) {
    case 'CNAME':
    case 'NS':
      return { content: host(content) };
    case 'MX':
    case 'SRV':
      return { priority: Number(first), content: [...rest.slice(0, -1), host(rest.at(-1) ?? '.')].join(' ') };
    case 'TXT':
      return { content: parseTxt(content) };
    case 'CAA':
      return { content: canonicalCaa(content) };
    default:
      return { content: content.toLowerCase() };
  }
}

/** The zone's records, the SOA and types the SDK does not model left out; disabled (unserved) ones marked. */
export function recordsFromWire(rrsets: readonly RRSetWire[], zone: string): DnsSourceRecord[] {
  const apex = `${zone}.`;
  return rrsets.flatMap((set) => {
    if (!TYPES.includes(set.type)) return [];
    const type = set.type as DnsRecordType;
    const fqdn = set.name.toLowerCase();
    const name = fqdn === apex ? '@' : fqdn.slice(0, -(apex.length + 1));
    return set.records.map((r) => ({ type, name, ttl: set.ttl, ...fromWire(type, r.content), disabled: r.disabled }));
  });
}

/** The PATCH body of one change: the DELETEs first (a name may turn from A into CNAME), then the REPLACEs. */
export function patchBody(changes: DnsSetChanges, zone: string): { rrsets: unknown[] } {
  const deletes = changes.delete.map((s) => ({ name: wireName(s.name, zone), type: s.type, changetype: 'DELETE' }));
  const replaces = changes.replace.map((s) => ({
    name: wireName(s.name, zone),
    type: s.type,
    ttl: s.ttl,
    changetype: 'REPLACE',
    records: s.records.map((r) => ({ content: contentToWire(s.type, r.content, r.priority), disabled: false })),
  }));
  return { rrsets: [...deletes, ...replaces] };
}

/**
 * The PATCH body of `reset`: a DELETE of every set the zone holds (types the SDK does not model, sets of
 * disabled records and comment-only sets included) except the apex SOA and apex NS; `undefined` when
 * there is none (an empty PATCH would still bump the serial).
 */
export function resetBody(rrsets: readonly RRSetWire[], zone: string): { rrsets: unknown[] } | undefined {
  const apex = `${zone.toLowerCase()}.`;
  const doomed = rrsets
    .filter((s) => !(s.name.toLowerCase() === apex && (s.type === 'SOA' || s.type === 'NS')))
    .map((s) => ({ name: s.name, type: s.type, changetype: 'DELETE' }));
  return doomed.length > 0 ? { rrsets: doomed } : undefined;
}
