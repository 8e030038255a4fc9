/**
 * PowerDNS record sets ↔ the SDK's records. PowerDNS names are absolute with a trailing dot
 * (`www.example.org.`), and every `content` is the server's own presentation format: host names absolute,
 * the MX/SRV priority in front, TXT as quoted strings of at most 255 bytes, CAA values quoted. The SDK
 * keeps names relative, host names without the dot, the priority apart, TXT values plain.
 *
 * @internal
 * @module
 */
import type { DnsRecordInput, DnsRecordType } from '../index.js';
import type { DnsSetChanges } from '../provider-kit/index.js';
import { parseTxt } from './kit.js';

/** One record set as the zone GET lists it. */
export interface RRSetWire {
  name: string;
  type: string;
  ttl: number;
  records: Array<{ content: string; disabled?: boolean }>;
}

const utf8 = new TextEncoder();
const TYPES = new Set(['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA']);
const absolute = (host: string) => (host === '.' ? '.' : `${host}.`);
const host = (wire: string) => (wire === '.' ? '.' : wire.replace(/\.$/, '').toLowerCase());

/** `name` relative to `zone` (`@` for the apex) → absolute: `www` → `www.example.org.`. */
export const wireName = (name: string, zone: string) => (name === '@' ? `${zone}.` : `${name}.${zone}.`);

/** A plain TXT value → quoted strings of at most 255 bytes; `"`, `\` and control bytes escaped. */
export function encodeTxt(value: string): string {
  const chunks: string[] = [];
  let chunk = '';
  let size = 0;
  for (const ch of value) {
    const bytes = utf8.encode(ch);
    if (size + bytes.length > 255) {
      chunks.push(chunk);
      [chunk, size] = ['', 0];
    }
    const code = ch.codePointAt(0)!;
    chunk +=
      ch === '"' || ch === '\\' ? `\\${ch}` : code < 0x20 || code === 0x7f ? `\\${String(code).padStart(3, '0')}` : ch;
    size += bytes.length;
  }
  chunks.push(chunk);
  return chunks.map((c) => `"${c}"`).join(' ');
}

/** A CAA `flags tag value` with its value quoted, as PowerDNS wants it. */
function caaContent(content: string): string {
  const [, flags = '0', tag = '', value = ''] = /^(\S+)\s+(\S+)\s+([\s\S]*)$/.exec(content) ?? [];
  const quoted = /^"(?:[^"\\]|\\[\s\S])*"$/.test(value) ? value : `"${value.replace(/["\\]/g, '\\$&')}"`;
  return `${flags} ${tag} ${quoted}`;
}

/** The `content` PowerDNS wants for one SDK record. */
export function contentToWire(type: DnsRecordType, content: string, priority = 0): string {
  switch (type) {
    case 'CNAME':
    case 'NS':
      return absolute(content);
    case 'MX':
      return `${priority} ${absolute(content)}`;
    case 'SRV': {
      const [weight, port, target = '.'] = content.split(' ');
      return `${priority} ${weight} ${port} ${absolute(target)}`;
    }
    case 'TXT':
      return encodeTxt(content);
    case 'CAA':
      return caaContent(content);
    default:
      return content;
  }
}

/** One SDK record from a PowerDNS `content`. */
function recordFromWire(type: DnsRecordType, content: string): { content: string; priority?: number } {
  switch (type) {
    case 'CNAME':
    case 'NS':
      return { content: host(content) };
    case 'MX':
    case 'SRV': {
      const [priority = '0', ...rest] = content.trim().split(/\s+/);
      const target = rest.pop() ?? '.';
      return { priority: Number(priority), content: [...rest, host(target)].join(' ') };
    }
    case 'TXT':
      return { content: parseTxt(content) };
    case 'CAA': {
      const [flags = '0', tag = '', ...value] = content.split(' ');
      return { content: `${flags} ${tag.toLowerCase()} ${value.join(' ')}` };
    }
    default:
      return { content: content.toLowerCase() };
  }
}

/**
 * The zone's records as the SDK models them: the SOA, types the SDK does not model, disabled records
 * (not served) and comment-only sets left out.
 */
export function recordsFromWire(rrsets: readonly RRSetWire[], zone: string): DnsRecordInput[] {
  const apex = `${zone}.`;
  const out: DnsRecordInput[] = [];
  for (const set of rrsets) {
    if (!TYPES.has(set.type)) continue;
    const type = set.type as DnsRecordType;
    const fqdn = set.name.toLowerCase();
    const name = fqdn === apex ? '@' : fqdn.slice(0, -(apex.length + 1));
    for (const record of set.records) {
      if (!record.disabled) out.push({ type, name, ttl: set.ttl, ...recordFromWire(type, record.content) });
    }
  }
  return out;
}

/** The PATCH body of one change: the DELETEs first (a name may turn from A into CNAME), then the REPLACEs. */
export function patchBody(changes: DnsSetChanges, zone: string): { rrsets: unknown[] } {
  return {
    rrsets: [
      ...changes.delete.map((s) => ({ name: wireName(s.name, zone), type: s.type, changetype: 'DELETE' })),
      ...changes.replace.map((s) => ({
        name: wireName(s.name, zone),
        type: s.type,
        ttl: s.ttl,
        changetype: 'REPLACE',
        records: s.records.map((r) => ({ content: contentToWire(s.type, r.content, r.priority), disabled: false })),
      })),
    ],
  };
}
