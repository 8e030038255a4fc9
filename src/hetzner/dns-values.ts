/**
 * Hetzner record values ↔ the SDK's records. A value is the record's zone-file RDATA: the MX and SRV
 * priority is its first field, TXT is one or more quoted strings of at most 255 bytes, CAA's value is
 * quoted, and a host name without a trailing dot is relative to the zone (so the adapter always sends
 * absolute names with the dot, and reads a dot-less one as relative).
 *
 * @internal
 * @module
 */
import type { DnsRecordType } from '../core/dns.js';
import { canonicalCaa, formatCaa, formatTxt, parseCaa, parseTxt } from '../core/validation/index.js';

/** A record's content and priority as the SDK holds them. */
export interface RecordValue {
  content: string;
  priority: number;
}

const absolute = (host: string): string => (host === '.' || host.endsWith('.') ? host : `${host}.`);

/** A host read from a value: absolute (dot removed), `@` (the zone) or relative (the zone appended). */
function hostFromValue(value: string, zone: string): string {
  if (value === '@') return zone;
  if (value.endsWith('.')) return value.slice(0, -1).toLowerCase();
  return `${value}.${zone}`.toLowerCase();
}

/** The value Hetzner stores for an SDK record of `type`. */
export function valueFromRecord(type: DnsRecordType, record: { content: string; priority?: number }): string {
  const { content } = record;
  switch (type) {
    case 'CNAME':
    case 'NS':
      return absolute(content);
    case 'MX':
      return `${record.priority ?? 0} ${absolute(content)}`;
    case 'SRV': {
      const [weight = '0', port = '0', target = '.'] = content.trim().split(/\s+/);
      return `${record.priority ?? 0} ${weight} ${port} ${absolute(target)}`;
    }
    case 'CAA': {
      const parts = parseCaa(content);
      return parts ? formatCaa(parts, 'always') : content;
    }
    case 'TXT':
      return formatTxt(content);
    default:
      return content;
  }
}

/** The SDK's content and priority of a value Hetzner lists for `type` in `zone`. */
export function recordFromValue(type: DnsRecordType, value: string, zone: string): RecordValue {
  const v = value.trim();
  switch (type) {
    case 'CNAME':
    case 'NS':
      return { content: hostFromValue(v, zone), priority: 0 };
    case 'MX': {
      const [priority = '0', host = ''] = v.split(/\s+/);
      return { content: host === '.' ? '.' : hostFromValue(host, zone), priority: Number(priority) || 0 };
    }
    case 'SRV': {
      const [priority = '0', weight = '0', port = '0', target = '.'] = v.split(/\s+/);
      const host = target === '.' ? '.' : hostFromValue(target, zone);
      return { content: `${weight} ${port} ${host}`, priority: Number(priority) || 0 };
    }
    case 'CAA':
      return { content: canonicalCaa(v), priority: 0 };
    case 'TXT':
      return { content: parseTxt(v), priority: 0 };
    case 'AAAA':
      return { content: v.toLowerCase(), priority: 0 };
    default:
      return { content: v, priority: 0 };
  }
}
