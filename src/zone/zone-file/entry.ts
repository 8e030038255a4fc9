/**
 * One entry of a master file read into the parse state: a directive (`$ORIGIN`, `$TTL`) or a resource
 * record (owner, TTL, class, type, data), checked as `dns.create` checks its input.
 *
 * @internal
 * @module
 */
import { DNS_RECORD_TYPES, type DnsRecordInput, type DnsRecordType } from '../../core/dns.js';
import { normalizeDomain, normalizeHostname, normalizeRecord } from '../../core/validation/index.js';
import { bad, nameText } from './escapes.js';
import type { Found } from './found.js';
import { absolute, rdata, type RecordData } from './rdata.js';
import type { EntryReader } from './tokenize.js';

const TYPES: readonly string[] = DNS_RECORD_TYPES;
/** RFC 3597 `TYPEnnn` names of the types the SDK models (and of SOA, which it skips). */
const TYPE_NUMBERS: Record<string, string> = {
  1: 'A',
  2: 'NS',
  5: 'CNAME',
  6: 'SOA',
  15: 'MX',
  16: 'TXT',
  28: 'AAAA',
  33: 'SRV',
  257: 'CAA',
};
const CLASS = /^(?:IN|CH|HS|CS|ANY|NONE|CLASS\d+)$/i;
const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const MAX_TTL = 2_147_483_647;

/** `3600`, `1h`, `1h30m`, `2D`: seconds, or `undefined` when the word is not a TTL. */
export function parseTtl(word: string): number | undefined {
  let digits = word.length > 0;
  for (let i = 0; i < word.length && digits; i++) digits = isDigit(word.charCodeAt(i));
  if (digits) return Number(word);
  if (!/^(?:\d+[smhdw])+$/i.test(word)) return undefined;
  let total = 0;
  for (const [, n, unit] of word.toLowerCase().matchAll(/(\d+)([smhdw])/g))
    total += Number(n) * (UNITS[unit ?? 's'] ?? 1);
  return total;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** A name as written that is relative to the origin (neither `@`, `.` nor ending in an unescaped dot). */
const isRelative = (word: string) => word !== '@' && word !== '.' && !(word.endsWith('.') && !word.endsWith('\\.'));

/** A full name as the zone's relative name: `@`, `www`, `a.b`; a name outside the zone is refused. */
function relative(full: string, zone: string): string {
  if (full === zone) return '@';
  const cut = full.length - zone.length - 1;
  if (cut >= 0 && full.charCodeAt(cut) === 46 && full.endsWith(zone)) return full.slice(0, cut);
  return bad(`the name "${full}." is outside the zone ${zone}`);
}

/** What the entries read so far have set. */
export interface ReadState {
  /** The zone (normalized), once known. */
  zone: string | undefined;
  /** The current `$ORIGIN` (`''` after `$ORIGIN .`). */
  origin: string | undefined;
  defaultTtl: number | undefined;
  /** Without $TTL, a record without a TTL takes the last one stated (RFC 1035 section 5.1). */
  lastTtl: number | undefined;
  /** The last owner written, full; an indented entry keeps it. */
  owner: string | undefined;
  /** Its name relative to the zone, when known without cutting it. */
  ownerName: string | undefined;
}

/** The message for an `$ORIGIN` outside the zone (after {@link readEntry} returned `false`). */
export const outsideMessage = ({ origin, zone }: ReadState): string =>
  `$ORIGIN ${origin}. is outside the zone ${zone}: is the file for ${origin}?`;

/** A record object with the keys `parseZoneFile` has always returned, in that order, and no others. */
function recordOf(
  type: DnsRecordType,
  name: string,
  content: string,
  priority: number | undefined,
  ttl: number | undefined,
): DnsRecordInput {
  if (priority === undefined) return ttl === undefined ? { type, name, content } : { type, name, content, ttl };
  return ttl === undefined ? { type, name, content, priority } : { type, name, content, priority, ttl };
}

/** Reads a directive; `false` for an `$ORIGIN` outside the zone (the file is for another zone). */
function directive(reader: EntryReader, state: ReadState): boolean {
  const { words, count } = reader;
  const name = (words[0] as string).toUpperCase();
  if (name === '$ORIGIN') {
    if (count !== 2) bad('$ORIGIN takes one name');
    if (reader.quoted[1]) bad(`a name cannot be quoted: "${words[1]}"`);
    const named = absolute(words[1] as string, state.origin);
    // `$ORIGIN .` (BIND writes it) is the root: names after it are absolute.
    // Inside the zone an origin may hold service labels (`_tcp.example.com.`, as BIND writes it).
    const origin = (state.origin = named === '' ? '' : normalizeHostname(named, 'origin'));
    if (origin === '') return true;
    const zone = (state.zone ??= normalizeDomain(origin, 'origin'));
    return origin === zone || origin.endsWith(`.${zone}`);
  }
  if (name === '$TTL') {
    state.defaultTtl = count === 2 ? parseTtl(words[1] as string) : undefined;
    if (state.defaultTtl === undefined) bad('$TTL takes one TTL such as 3600 or 1h');
    return true;
  }
  return bad(`${words[0]} is not supported (only $ORIGIN and $TTL)`);
}

/**
 * Reads the reader's current entry into `state` and `found`. Returns `false` for an `$ORIGIN` outside the
 * zone. Throws a `LineError` or a `ValidationError` for a bad entry (the caller adds the line).
 */
export function readEntry(reader: EntryReader, state: ReadState, data: RecordData, found: Found): boolean {
  const { words, quoted, count } = reader;
  if (!reader.indented && !quoted[0] && (words[0] as string).charCodeAt(0) === 36) return directive(reader, state);
  let w = 0;
  if (!reader.indented) {
    if (quoted[0]) bad(`a name cannot be quoted: "${words[0]}"`);
    const word = words[w++] as string;
    const { origin } = state;
    if (origin && isRelative(word)) {
      // The usual owner, relative to the origin: its name in the zone needs no cut when the origin is the zone.
      const name = nameText(word).toLowerCase();
      state.owner = `${name}.${origin}`;
      state.ownerName = origin === state.zone ? name : undefined;
    } else {
      state.owner = absolute(word, origin);
      state.ownerName = undefined;
    }
  } else if (state.owner === undefined) bad('the first record has no owner name');
  let ttl: number | undefined;
  let classSeen = false;
  for (; w < count && !quoted[w]; w++) {
    const word = words[w] as string;
    // A TTL starts with a digit; the type and class never do.
    const asTtl = ttl === undefined && isDigit(word.charCodeAt(0)) ? parseTtl(word) : undefined;
    if (asTtl !== undefined) ttl = asTtl;
    else if (!classSeen && CLASS.test(word)) {
      if (!/^(?:IN|CLASS1)$/i.test(word)) bad(`only the class IN is supported, not the class ${word}`);
      classSeen = true;
    } else break;
  }
  if (ttl !== undefined) state.lastTtl = ttl;
  if (w >= count || quoted[w]) bad('the record has no type');
  const written = (words[w++] as string).toUpperCase();
  const type =
    written.startsWith('TYPE') && /^TYPE\d+$/.test(written) ? (TYPE_NUMBERS[written.slice(4)] ?? written) : written;
  const generic = w < count && !quoted[w] && words[w] === '\\#';
  if (type === 'SOA') {
    // The zone's own name when neither the option nor a $ORIGIN gave it (a file that starts `$ORIGIN .`).
    if (state.zone === undefined && state.owner) state.origin = state.zone = normalizeDomain(state.owner, 'origin');
    // No TTL anywhere: BIND takes the SOA's minimum (RFC 2308) for every record without one.
    const minimum = words[w] !== '\\#' && count - w === 7 ? parseTtl(words[count - 1] as string) : undefined;
    if (ttl === undefined && state.defaultTtl === undefined && state.lastTtl === undefined) state.defaultTtl = minimum;
    return true;
  }
  if (!TYPES.includes(type)) bad(`the record type ${written} is not supported (${TYPES.join(', ')})`);
  if (ttl !== undefined && ttl > MAX_TTL) bad(`the TTL ${ttl} is over ${MAX_TTL}`);
  const { zone, owner } = state;
  if (zone === undefined || owner === undefined) return bad('no origin');
  rdata(type as DnsRecordType, words, w, count, state.origin, generic, data);
  const effective = ttl ?? state.defaultTtl ?? state.lastTtl;
  const name = state.ownerName ?? relative(owner, zone);
  const input = recordOf(type as DnsRecordType, name, data.content, data.priority, effective);
  const valid = normalizeRecord(input, '', zone);
  found.add(input, valid, reader.line, data.pieces, zone);
  return true;
}
