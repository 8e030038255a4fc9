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

/** A hash of a record's name and type (UTF-16 code units: it only has to agree for equal strings). */
function keyHash(name: string, type: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  for (let i = 0; i < type.length; i++) hash = Math.imul(hash ^ type.charCodeAt(i), 0x01000193);
  return hash;
}

/** Whether two records have the same plain id `name/type/priority` (0 and -0 both read "0"). */
const sameKey = (a: Draft, b: Draft): boolean =>
  a.name === b.name && a.type === b.type && String(a.priority) === String(b.priority);

/**
 * Gives each record its stable id: `name/type/priority` (e.g. `@/MX/10`) when no other record
 * shares those three, otherwise that plus `#` and a hash of the content (`@/TXT/0#1b2c3d4e`).
 * Ids depend only on the records themselves, so they are stable across listings of an unchanged zone.
 */
export function assignRecordIds(records: readonly Draft[]): DnsRecord[] {
  // Plain loops and typed arrays, no string keys: a listing of thousands of records is on the hot path of
  // dns.list. `first[i]` is the first record with the same name, type and priority as record i (found
  // through an open-addressing table of record indexes), `count[j]` how many share them with record j.
  const n = records.length;
  let mask = 15;
  while (mask < n * 2) mask = mask * 2 + 1;
  const table = new Int32Array(mask + 1).fill(-1);
  const first = new Int32Array(n);
  const count = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = records[i] as Draft;
    let slot = (keyHash(r.name, r.type) ^ r.priority) & mask;
    let j = table[slot] as number;
    while (j !== -1 && !sameKey(records[j] as Draft, r)) j = table[(slot = (slot + 1) & mask)] as number;
    if (j === -1) table[slot] = j = i;
    first[i] = j;
    count[j] = (count[j] as number) + 1;
  }
  // A hashed id ends in `#` and hex digits, a plain one in `/` and the priority: the two never collide,
  // so only hashed ids are remembered to tell apart records whose content is the same.
  const used = new Set<string>();
  const out = new Array<DnsRecord>(n);
  for (let i = 0; i < n; i++) {
    const r = records[i] as Draft;
    const base = `${r.name}/${r.type}/${r.priority}`;
    let id = base;
    if ((count[first[i] as number] as number) > 1) {
      id = `${base}#${hex(r.content)}`;
      for (let k = 2; used.has(id); k++) id = `${base}#${hex(`${r.content}\u0000${k}`)}`;
      used.add(id);
    }
    out[i] = { id, type: r.type, name: r.name, content: r.content, ttl: r.ttl, priority: r.priority };
  }
  return out;
}
