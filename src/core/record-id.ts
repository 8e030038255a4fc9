import type { DnsRecord } from './dns.js';

const encoder = new TextEncoder();
let bytes = new Uint8Array(256);

/** FNV-1a (32 bit) of the UTF-8 bytes of `text` as 8 hex digits: a content hash, reusing one byte buffer. */
function hex(text: string): string {
  let hash = 0x811c9dc5;
  // ASCII text is its own UTF-8: hashed from its char codes, without encoding it first.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return hexOfBytes(text);
    hash = Math.imul(hash ^ c, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** {@link hex} of text beyond ASCII: its UTF-8 bytes encoded into one reused buffer. */
function hexOfBytes(text: string): string {
  if (bytes.length < text.length * 3) bytes = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, bytes);
  let hash = 0x811c9dc5;
  for (let i = 0; i < written; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Sets the `id` of each record in place (see {@link assignRecordIds} for the rule) and returns the same array.
 * For adapters that build their records with a placeholder id, so each record is allocated once.
 *
 * @internal
 */
export function setRecordIds(records: DnsRecord[]): DnsRecord[] {
  // A table instead of a map of built ids: records are found by name (a string the answer already holds), then
  // among the few groups of that name by type and priority. A listing of thousands of records is on the hot
  // path of dns.list. `group[i]` is the first record of i's group, `size[g]` that group's size, `next[g] - 1`
  // the first record of the next group with the same name.
  const n = records.length;
  const group = new Int32Array(n);
  const size = new Int32Array(n);
  const next = new Int32Array(n);
  const byName = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const r = records[i] as DnsRecord;
    let g = byName.get(r.name);
    if (g === undefined) byName.set(r.name, (g = i));
    else
      for (;;) {
        const l = records[g] as DnsRecord;
        // Priorities compare as the id writes them (0 and -0 alike, NaN to NaN).
        if (l.type === r.type && (l.priority === r.priority || `${l.priority}` === `${r.priority}`)) break;
        const k = next[g] as number;
        if (k === 0) {
          next[g] = i + 1;
          g = i;
          break;
        }
        g = k - 1;
      }
    group[i] = g;
    size[g] = (size[g] as number) + 1;
  }
  // A hashed id ends in `#` and hex digits, a plain one in `/` and the priority: the two never collide,
  // so only hashed ids are remembered to tell apart records whose content is the same.
  const used = new Set<string>();
  // `/TYPE/0`, the end of most plain ids, built once per type: one concatenation per record.
  const zeroEnd = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const r = records[i] as DnsRecord;
    let end = r.priority === 0 ? zeroEnd.get(r.type) : `/${r.type}/${r.priority}`;
    if (end === undefined) zeroEnd.set(r.type, (end = `/${r.type}/0`));
    const base = r.name + end;
    let id = base;
    if ((size[group[i] as number] as number) > 1) {
      id = `${base}#${hex(r.content)}`;
      for (let k = 2; used.has(id); k++) id = `${base}#${hex(`${r.content}\u0000${k}`)}`;
      used.add(id);
    }
    r.id = id;
  }
  return records;
}

/**
 * Gives each record its stable id: `name/type/priority` (e.g. `@/MX/10`) when no other record
 * shares those three, otherwise that plus `#` and a hash of the content (`@/TXT/0#1b2c3d4e`).
 * Ids depend only on the records themselves, so they are stable across listings of an unchanged zone.
 */
export function assignRecordIds(records: readonly Omit<DnsRecord, 'id'>[]): DnsRecord[] {
  return setRecordIds(
    records.map((r) => ({ id: '', type: r.type, name: r.name, content: r.content, ttl: r.ttl, priority: r.priority })),
  );
}
