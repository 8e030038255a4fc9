import type { DnsRecord } from './dns.js';

// FNV-1a: a tiny, stable hash so a record's id suffix depends on its content, not its position.
let encoder: TextEncoder | undefined;
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of (encoder ??= new TextEncoder()).encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Gives each record its stable id: `name/type/priority` (e.g. `@/MX/10`) when no other record
 * shares those three, otherwise that plus `#` and a hash of the content (`@/TXT/0#1b2c3d4e`).
 * Ids depend only on the records themselves, so they are stable across listings of an unchanged zone.
 */
export function assignRecordIds(records: readonly Omit<DnsRecord, 'id'>[]): DnsRecord[] {
  const bases = records.map((r) => `${r.name}/${r.type}/${r.priority}`);
  const counts = new Map<string, number>();
  for (const base of bases) counts.set(base, (counts.get(base) ?? 0) + 1);
  const used = new Set<string>();
  return records.map((r, i) => {
    const base = bases[i] as string;
    let id = base;
    if ((counts.get(base) ?? 0) > 1) {
      id = `${base}#${fnv1a(r.content)}`;
      for (let n = 2; used.has(id); n++) id = `${base}#${fnv1a(`${r.content}\u0000${n}`)}`;
    }
    used.add(id);
    // Written out (not spread): a listing of thousands of records is on the hot path of dns.list.
    return { id, type: r.type, name: r.name, content: r.content, ttl: r.ttl, priority: r.priority };
  });
}
