import type { DnsRecord } from './dns.js';

// FNV-1a over the UTF-8 bytes of the text: a tiny, stable hash so a record's id suffix depends on its content,
// not its position. The bytes are computed inline (as TextEncoder would, lone surrogates as U+FFFD) so a
// listing of thousands of records allocates no buffer per record.
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  const byte = (b: number) => {
    hash = Math.imul(hash ^ b, 0x01000193);
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      hash = Math.imul(hash ^ c, 0x01000193);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        c = 0xfffd;
      }
    }
    if (c < 0x800) {
      byte(0xc0 | (c >> 6));
    } else if (c < 0x10000) {
      byte(0xe0 | (c >> 12));
      byte(0x80 | ((c >> 6) & 0x3f));
    } else {
      byte(0xf0 | (c >> 18));
      byte(0x80 | ((c >> 12) & 0x3f));
      byte(0x80 | ((c >> 6) & 0x3f));
    }
    byte(0x80 | (c & 0x3f));
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Gives each record its stable id: `name/type/priority` (e.g. `@/MX/10`) when no other record
 * shares those three, otherwise that plus `#` and a hash of the content (`@/TXT/0#1b2c3d4e`).
 * Ids depend only on the records themselves, so they are stable across listings of an unchanged zone.
 */
export function assignRecordIds(records: readonly Omit<DnsRecord, 'id'>[]): DnsRecord[] {
  // Plain loops, no per-record closures: a listing of thousands of records is on the hot path of dns.list.
  const n = records.length;
  const bases = new Array<string>(n);
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const r = records[i] as Omit<DnsRecord, 'id'>;
    const base = r.name + '/' + r.type + '/' + String(r.priority);
    bases[i] = base;
    counts.set(base, (counts.get(base) ?? 0) + 1);
  }
  const used = new Set<string>();
  const out = new Array<DnsRecord>(n);
  for (let i = 0; i < n; i++) {
    const r = records[i] as Omit<DnsRecord, 'id'>;
    const base = bases[i] as string;
    let id = base;
    if ((counts.get(base) as number) > 1) {
      id = `${base}#${fnv1a(r.content)}`;
      for (let k = 2; used.has(id); k++) id = `${base}#${fnv1a(`${r.content}\u0000${k}`)}`;
    }
    used.add(id);
    out[i] = { id, type: r.type, name: r.name, content: r.content, ttl: r.ttl, priority: r.priority };
  }
  return out;
}
