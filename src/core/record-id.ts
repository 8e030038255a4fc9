import type { DnsRecord } from './dns.js';

type Draft = Omit<DnsRecord, 'id'>;

const encoder = new TextEncoder();
let bytes = new Uint8Array(256);

/** FNV-1a (32 bit) of the UTF-8 bytes of `text` as 8 hex digits: a content hash, reusing one byte buffer. */
function hex(text: string): string {
  if (bytes.length < text.length * 3) bytes = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, bytes);
  let hash = 0x811c9dc5;
  for (let i = 0; i < written; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The records that share one plain id `name/type/priority`. */
interface IdGroup {
  base: string;
  count: number;
}

/**
 * Gives each record its stable id: `name/type/priority` (e.g. `@/MX/10`) when no other record
 * shares those three, otherwise that plus `#` and a hash of the content (`@/TXT/0#1b2c3d4e`).
 * Ids depend only on the records themselves, so they are stable across listings of an unchanged zone.
 */
export function assignRecordIds(records: readonly Omit<DnsRecord, 'id'>[]): DnsRecord[] {
  // Plain loops, one map lookup per record: a listing of thousands of records is on the hot path of dns.list.
  const n = records.length;
  const groups = new Array<IdGroup>(n);
  const byBase = new Map<string, IdGroup>();
  for (let i = 0; i < n; i++) {
    const r = records[i] as Draft;
    const base = `${r.name}/${r.type}/${r.priority}`;
    let group = byBase.get(base);
    if (!group) byBase.set(base, (group = { base, count: 0 }));
    group.count++;
    groups[i] = group;
  }
  // A hashed id ends in `#` and hex digits, a plain one in `/` and the priority: the two never collide,
  // so only hashed ids are remembered to tell apart records whose content is the same.
  const used = new Set<string>();
  const out = new Array<DnsRecord>(n);
  for (let i = 0; i < n; i++) {
    const r = records[i] as Draft;
    const { base, count } = groups[i] as IdGroup;
    let id = base;
    if (count > 1) {
      id = `${base}#${hex(r.content)}`;
      for (let k = 2; used.has(id); k++) id = `${base}#${hex(`${r.content}\u0000${k}`)}`;
      used.add(id);
    }
    out[i] = { id, type: r.type, name: r.name, content: r.content, ttl: r.ttl, priority: r.priority };
  }
  return out;
}
