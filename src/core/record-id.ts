import type { DnsRecord } from './dns.js';

// FNV-1a: a tiny, stable hash so a record's id suffix depends on its content, not its position.
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Gives each record its CONTRACT id: `name/type/priority` (e.g. `@/MX/10`) when no other record
 * shares those three, otherwise that plus `#` and a hash of the content (`@/TXT/0#1b2c3d4e`).
 * Ids depend only on the records themselves, so they are stable across listings of an unchanged zone.
 */
export function assignRecordIds(records: readonly Omit<DnsRecord, 'id'>[]): DnsRecord[] {
  const base = (r: Omit<DnsRecord, 'id'>) => `${r.name}/${r.type}/${r.priority}`;
  const counts = new Map<string, number>();
  for (const r of records) counts.set(base(r), (counts.get(base(r)) ?? 0) + 1);
  const used = new Set<string>();
  return records.map((r) => {
    let id = base(r);
    if ((counts.get(id) ?? 0) > 1) {
      id = `${id}#${fnv1a(r.content)}`;
      for (let n = 2; used.has(id); n++) id = `${base(r)}#${fnv1a(`${r.content}\u0000${n}`)}`;
    }
    used.add(id);
    return { id, ...r };
  });
}
