import type { DnsRecord } from './dns.js';

// FNV-1a over the UTF-8 bytes of the text: a tiny, stable hash so a record's id suffix depends on its content,
// not its position. The bytes are computed inline (as TextEncoder would, lone surrogates as U+FFFD) so a
// listing of thousands of records allocates no buffer per record.
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
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
      hash = step(hash, 0xc0 | (c >> 6));
    } else if (c < 0x10000) {
      hash = step(step(hash, 0xe0 | (c >> 12)), 0x80 | ((c >> 6) & 0x3f));
    } else {
      hash = step(step(step(hash, 0xf0 | (c >> 18)), 0x80 | ((c >> 12) & 0x3f)), 0x80 | ((c >> 6) & 0x3f));
    }
    hash = step(hash, 0x80 | (c & 0x3f));
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** One FNV-1a step over one byte. */
const step = (hash: number, byte: number): number => Math.imul(hash ^ byte, 0x01000193);

/** A hash of a record's `name`, `type` and `priority`, for the table that finds records sharing them. */
function keyHash(name: string, type: string, priority: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  for (let i = 0; i < type.length; i++) hash = Math.imul(hash ^ type.charCodeAt(i), 0x01000193);
  return Math.imul(hash ^ (priority | 0), 0x01000193) >>> 0;
}

/** Whether two records have the same plain id `name/type/priority`. */
const sameKey = (a: Omit<DnsRecord, 'id'>, b: Omit<DnsRecord, 'id'>): boolean =>
  a.name === b.name && a.type === b.type && (a.priority === b.priority || String(a.priority) === String(b.priority));

/**
 * Gives each record its stable id: `name/type/priority` (e.g. `@/MX/10`) when no other record
 * shares those three, otherwise that plus `#` and a hash of the content (`@/TXT/0#1b2c3d4e`).
 * Ids depend only on the records themselves, so they are stable across listings of an unchanged zone.
 */
export function assignRecordIds(records: readonly Omit<DnsRecord, 'id'>[]): DnsRecord[] {
  // Plain loops and typed arrays, no string keys: a listing of thousands of records is on the hot path of
  // dns.list. `first[i]` is the first record with the same name, type and priority as record i (found
  // through an open-addressing table of record indexes), `count[j]` how many share them with record j.
  const n = records.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const first = new Int32Array(n);
  const count = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = records[i] as Omit<DnsRecord, 'id'>;
    let slot = keyHash(r.name, r.type, r.priority) & (size - 1);
    let j = table[slot] as number;
    // Same name, type and priority text (0 and -0 both read "0"), as the plain id compares them.
    while (j !== -1 && !sameKey(records[j] as Omit<DnsRecord, 'id'>, r)) {
      slot = (slot + 1) & (size - 1);
      j = table[slot] as number;
    }
    if (j === -1) table[slot] = j = i;
    first[i] = j;
    count[j] = (count[j] as number) + 1;
  }
  // A hashed id ends in `#` and hex digits, a plain one in `/` and the priority: the two never collide,
  // so only hashed ids are remembered to tell apart records whose content is the same.
  const used = new Set<string>();
  const out = new Array<DnsRecord>(n);
  for (let i = 0; i < n; i++) {
    const r = records[i] as Omit<DnsRecord, 'id'>;
    const base = `${r.name}/${r.type}/${r.priority}`;
    let id = base;
    if ((count[first[i] as number] as number) > 1) {
      id = `${base}#${fnv1a(r.content)}`;
      for (let k = 2; used.has(id); k++) id = `${base}#${fnv1a(`${r.content}\u0000${k}`)}`;
      used.add(id);
    }
    out[i] = { id, type: r.type, name: r.name, content: r.content, ttl: r.ttl, priority: r.priority };
  }
  return out;
}
