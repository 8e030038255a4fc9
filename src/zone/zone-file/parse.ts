import { DNS_RECORD_TYPES, type DnsRecordInput, type DnsRecordType } from '../../core/dns.js';
import { ValidationError } from '../../core/errors.js';
import { FieldErrors } from '../../core/validation/fail.js';
import { normalizeDomain, normalizeHostname, normalizeRecord, recordIdentity } from '../../core/validation/index.js';
import { checkSets, type Placed } from './consistency.js';
import { bad, LineError } from './escapes.js';
import { absolute, nameWord, rdata } from './rdata.js';
import { tokenize, ZoneSyntaxError, type Entry, type Token } from './tokenize.js';

/** Options of {@link parseZoneFile}. */
export interface ParseZoneFileOptions {
  /**
   * The zone the file describes (`example.com`). Names are returned relative to it.
   * @default the file's first `$ORIGIN`
   */
  origin?: string;
}

/** What {@link parseZoneFile} returns. */
export interface ParsedZoneFile {
  /** The zone, normalized (`example.com`, no trailing dot). */
  origin: string;
  /** The records, names relative to `origin` (`@` for the apex), host names absolute without the final dot. */
  records: DnsRecordInput[];
}

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
  if (/^\d+$/.test(word)) return Number(word);
  if (!/^(?:\d+[smhdw])+$/i.test(word)) return undefined;
  let total = 0;
  for (const [, n, unit] of word.toLowerCase().matchAll(/(\d+)([smhdw])/g))
    total += Number(n) * (UNITS[unit ?? 's'] ?? 1);
  return total;
}

/** A full name as the zone's relative name: `@`, `www`, `a.b`; a name outside the zone is refused. */
function relative(full: string, zone: string): string {
  if (full === zone) return '@';
  if (full.endsWith(`.${zone}`)) return full.slice(0, -(zone.length + 1));
  return bad(`the name "${full}." is outside the zone ${zone}`);
}

/**
 * Reads an RFC 1035 master file as BIND reads it, for the record types the SDK models: `$ORIGIN` (`.`
 * included), `$TTL`, `@`, relative and absolute names, an omitted owner (the previous one), the class `IN`
 * (or `CLASS1`) before or after the TTL, TTLs with units (`1h`, `1w2d`), parentheses across lines, `;`
 * comments, quoted strings with `\"`, `\\` and `\DDD` escapes (bytes, which must form UTF-8 text), several
 * strings per TXT record (one value), RFC 3597 generic data (`\# 4 C0000201`) and `TYPEnnn` type names.
 * SOA records are skipped; with no TTL anywhere, records take the SOA's minimum (RFC 2308). The same
 * record twice is one record. Each record is checked as `dns.create` checks its input, and the result is
 * always something {@link formatZoneFile} writes back to the same record sets.
 *
 * @throws {ValidationError} naming the line of every problem (`fields` keyed `line <n>`): a syntax error,
 *   an invalid escape (`\256`, `\01`), a value that is not UTF-8, a name holding an escaped dot or byte
 *   or written in UTF-8 (it would become another name), a name outside the origin, a class other than IN, a record type the
 *   SDK does not handle, `$INCLUDE` or `$GENERATE`, a CNAME beside other data or a second CNAME, two TXT
 *   records that differ only in where their strings are cut, or a bad record.
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { parseZoneFile } from 'setec-hosting/zone';
 *
 * const { origin, records } = parseZoneFile(await readFile('example.com.zone', 'utf8'), { origin: 'example.com' });
 * ```
 */
export function parseZoneFile(text: string, options: ParseZoneFileOptions = {}): ParsedZoneFile {
  if (typeof text !== 'string')
    throw new ValidationError('The zone file must be text', { fields: { text: ['must be a string'] } });
  let zone = options.origin === undefined ? undefined : normalizeDomain(options.origin, 'origin');
  let origin = zone;
  let defaultTtl: number | undefined;
  // Without $TTL, a record without a TTL takes the last one stated (RFC 1035 section 5.1).
  let lastTtl: number | undefined;
  let owner: string | undefined;
  const placed: Placed[] = [];
  const seen = new Map<string, Placed>();
  const errors = new FieldErrors();
  let entries: Entry[];
  try {
    entries = tokenize(text);
  } catch (error) {
    if (!(error instanceof ZoneSyntaxError)) throw error;
    errors.add(`line ${error.line}`, error.message);
    errors.throwIfAny('Invalid zone file');
    return { origin: '', records: [] };
  }
  for (const entry of entries) {
    try {
      const words = [...entry.tokens];
      const first = words[0] as Token;
      if (!entry.indented && !first.quoted && first.text.startsWith('$')) {
        const directive = first.text.toUpperCase();
        if (directive === '$ORIGIN') {
          if (words.length !== 2) bad('$ORIGIN takes one name');
          const named = absolute(nameWord(words[1] as Token), origin);
          // `$ORIGIN .` (BIND writes it) is the root: names after it are absolute.
          // Inside the zone an origin may hold service labels (`_tcp.example.com.`, as BIND writes it).
          origin = named === '' ? '' : normalizeHostname(named, 'origin');
          if (origin === '') continue;
          zone ??= normalizeDomain(origin, 'origin');
          if (origin !== zone && !origin.endsWith(`.${zone}`)) {
            // Every relative name after it would be outside too: one error says it, not one per record.
            errors.add(
              `line ${entry.line}`,
              `$ORIGIN ${origin}. is outside the zone ${zone}: is the file for ${origin}?`,
            );
            break;
          }
        } else if (directive === '$TTL') {
          defaultTtl = words.length === 2 ? parseTtl(words[1]?.text ?? '') : undefined;
          if (defaultTtl === undefined) bad('$TTL takes one TTL such as 3600 or 1h');
        } else {
          bad(`${first.text} is not supported (only $ORIGIN and $TTL)`);
        }
        continue;
      }
      if (!entry.indented) owner = absolute(nameWord(words.shift() as Token), origin);
      else if (owner === undefined) bad('the first record has no owner name');
      let ttl: number | undefined;
      let classSeen = false;
      for (let w = words[0]; w && !w.quoted; w = words[0]) {
        const asTtl = ttl === undefined ? parseTtl(w.text) : undefined;
        if (asTtl !== undefined) ttl = asTtl;
        else if (!classSeen && CLASS.test(w.text)) {
          if (!/^(?:IN|CLASS1)$/i.test(w.text)) bad(`only the class IN is supported, not the class ${w.text}`);
          classSeen = true;
        } else break;
        words.shift();
      }
      if (ttl !== undefined) lastTtl = ttl;
      const typeWord = words.shift();
      if (!typeWord || typeWord.quoted) bad('the record has no type');
      const written = (typeWord as Token).text.toUpperCase();
      const type = /^TYPE\d+$/.test(written) ? (TYPE_NUMBERS[written.slice(4)] ?? written) : written;
      if (type === 'SOA') {
        // The zone's own name when neither the option nor a $ORIGIN gave it (a file that starts `$ORIGIN .`).
        if (zone === undefined && owner) origin = zone = normalizeDomain(owner, 'origin');
        // No TTL anywhere: BIND takes the SOA's minimum (RFC 2308) for every record without one.
        const minimum = words[0]?.text !== '\\#' && words.length === 7 ? parseTtl(words[6]?.text ?? '') : undefined;
        if (ttl === undefined && defaultTtl === undefined && lastTtl === undefined) defaultTtl = minimum;
        continue;
      }
      if (!TYPES.includes(type)) bad(`the record type ${written} is not supported (${TYPES.join(', ')})`);
      if (ttl !== undefined && ttl > MAX_TTL) bad(`the TTL ${ttl} is over ${MAX_TTL}`);
      if (zone === undefined || owner === undefined) return bad('no origin');
      const { pieces, ...data } = rdata(type as DnsRecordType, words, origin);
      const effective = ttl ?? defaultTtl ?? lastTtl;
      const input: DnsRecordInput = {
        type: type as DnsRecordType,
        name: relative(owner, zone),
        ...data,
        ...(effective === undefined ? {} : { ttl: effective }),
      };
      const valid = normalizeRecord(input, '', zone);
      // The same record twice is one record, as in BIND.
      const key = `${valid.name}\u0000${valid.type}\u0000${recordIdentity(valid)}`;
      const twin = seen.get(key);
      if (twin && twin.pieces !== pieces)
        bad(
          `this TXT record and the one on line ${twin.line} differ only in where their strings are cut; the SDK holds a TXT value as one text and would merge them`,
        );
      if (twin) continue;
      const here = { record: input, line: entry.line, pieces };
      seen.set(key, here);
      placed.push(here);
    } catch (error) {
      if (error instanceof LineError) errors.add(`line ${entry.line}`, error.message);
      else if (error instanceof ValidationError)
        for (const [field, messages] of Object.entries(error.fields))
          errors.add(`line ${entry.line}`, `${field} ${messages.join(', ')}`);
      else throw error;
    }
  }
  checkSets(placed, errors);
  errors.throwIfAny('Invalid zone file');
  if (zone === undefined)
    throw new ValidationError('The zone file has no $ORIGIN; pass the origin option', {
      fields: { origin: ['is required when the file has no $ORIGIN'] },
    });
  return { origin: zone, records: placed.map((p) => p.record) };
}
