import { DNS_RECORD_TYPES, type DnsRecordInput, type DnsRecordType } from '../../core/dns.js';
import { ValidationError } from '../../core/errors.js';
import { FieldErrors } from '../../core/validation/fail.js';
import { normalizeDomain, normalizeRecord, parseTxt } from '../../core/validation/index.js';
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

class LineError extends Error {}
const bad = (message: string): never => {
  throw new LineError(message);
};

/** Decodes `\X` and `\DDD` in a name; names with other escapes are not host names and are refused later. */
function plainName(token: Token): string {
  if (token.quoted) bad(`a name cannot be quoted: "${token.text}"`);
  return token.text.replace(/\\(\d{3}|.)/g, (_, c: string) => (c.length === 3 ? String.fromCharCode(Number(c)) : c));
}

/** Turns a name as written (relative to `origin`, absolute with a final dot, or `@`) into a full name. */
function absolute(word: string, origin: string | undefined): string {
  if (word === '@') return origin ?? bad('"@" is used before any $ORIGIN (pass the origin option)');
  if (word.endsWith('.')) return word.slice(0, -1).toLowerCase();
  if (origin === undefined) bad(`the relative name "${word}" is used before any $ORIGIN (pass the origin option)`);
  return `${word}.${origin}`.toLowerCase();
}

/** A full name as the zone's relative name: `@`, `www`, `a.b`; a name outside the zone is refused. */
function relative(full: string, zone: string): string {
  if (full === zone) return '@';
  if (full.endsWith(`.${zone}`)) return full.slice(0, -(zone.length + 1));
  return bad(`the name "${full}." is outside the zone ${zone}`);
}

function rdata(
  type: DnsRecordType,
  words: Token[],
  origin: string | undefined,
): Pick<DnsRecordInput, 'content' | 'priority'> {
  const want = (n: number, form: string) => {
    if (words.length !== n) bad(`${type} takes ${form}, found ${words.length} value${words.length === 1 ? '' : 's'}`);
    return words.map((w) => w.text);
  };
  const host = (word: string) => (word === '.' ? '.' : absolute(plainName({ text: word, quoted: false }), origin));
  switch (type) {
    case 'A':
    case 'AAAA':
      return { content: want(1, 'one address')[0] as string };
    case 'CNAME':
    case 'NS':
      return { content: host(want(1, 'one host name')[0] as string) };
    case 'MX': {
      const [priority, exchange] = want(2, '"priority host"') as [string, string];
      return { content: host(exchange), priority: integer(priority, 'priority') };
    }
    case 'SRV': {
      const [priority, weight, port, target] = want(4, '"priority weight port target"') as string[];
      return {
        content: `${weight} ${port} ${host(target as string)}`,
        priority: integer(priority as string, 'priority'),
      };
    }
    case 'CAA': {
      const [flags, tag, value] = want(3, '"flags tag value"') as [string, string, string];
      return { content: `${flags} ${tag} "${value}"` };
    }
    case 'TXT':
      if (words.length === 0) bad('TXT takes one or more strings');
      // Each word is one character-string; parseTxt undoes \" \\ and \DDD (raw bytes, read as UTF-8).
      return { content: parseTxt(words.map((w) => `"${w.text}"`).join(' ')) };
  }
}

function integer(word: string, what: string): number {
  if (!/^\d{1,10}$/.test(word)) bad(`the ${what} "${word}" is not a number`);
  return Number(word);
}

/**
 * Reads an RFC 1035 master file: `$ORIGIN`, `$TTL`, `@`, relative and absolute names, an omitted owner
 * (the previous one), the optional class `IN` before or after the TTL, TTLs with units (`1h`, `1d`,
 * `1w2d`), parentheses across lines, `;` comments, and quoted TXT strings with `\"`, `\\` and `\DDD`
 * escapes, several strings per record. SOA records are skipped. Each record is checked as `dns.create`
 * checks its input.
 *
 * @throws {ValidationError} naming the line of every problem (`fields` keyed `line <n>`): a syntax error,
 *   a name outside the origin, a record type the SDK does not handle, `$INCLUDE`, or a bad record.
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
  const records: DnsRecordInput[] = [];
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
          const named = absolute(plainName(words[1] as Token), origin);
          origin = normalizeDomain(named, 'origin');
          zone ??= origin;
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
      if (!entry.indented) owner = absolute(plainName(words.shift() as Token), origin);
      else if (owner === undefined) bad('the first record has no owner name');
      let ttl: number | undefined;
      let classSeen = false;
      for (let w = words[0]; w && !w.quoted; w = words[0]) {
        const asTtl = ttl === undefined ? parseTtl(w.text) : undefined;
        if (asTtl !== undefined) ttl = asTtl;
        else if (!classSeen && /^(IN|CH|HS|CS)$/i.test(w.text)) {
          if (w.text.toUpperCase() !== 'IN') bad(`only class IN is supported, not ${w.text}`);
          classSeen = true;
        } else break;
        words.shift();
      }
      if (ttl !== undefined) lastTtl = ttl;
      const typeWord = words.shift();
      if (!typeWord || typeWord.quoted) bad('the record has no type');
      const type = (typeWord as Token).text.toUpperCase();
      if (type === 'SOA') continue;
      if (!TYPES.includes(type)) bad(`the record type ${type} is not supported (${TYPES.join(', ')})`);
      if (ttl !== undefined && ttl > MAX_TTL) bad(`the TTL ${ttl} is over ${MAX_TTL}`);
      if (zone === undefined || owner === undefined) return bad('no origin');
      const input: DnsRecordInput = {
        type: type as DnsRecordType,
        name: relative(owner, zone),
        ...rdata(type as DnsRecordType, words, origin),
        ...((ttl ?? defaultTtl ?? lastTtl) === undefined ? {} : { ttl: ttl ?? defaultTtl ?? lastTtl }),
      };
      normalizeRecord(input, '', zone);
      records.push(input);
    } catch (error) {
      if (error instanceof LineError) errors.add(`line ${entry.line}`, error.message);
      else if (error instanceof ValidationError)
        for (const [field, messages] of Object.entries(error.fields))
          errors.add(`line ${entry.line}`, `${field} ${messages.join(', ')}`);
      else throw error;
    }
  }
  errors.throwIfAny('Invalid zone file');
  if (zone === undefined)
    throw new ValidationError('The zone file has no $ORIGIN; pass the origin option', {
      fields: { origin: ['is required when the file has no $ORIGIN'] },
    });
  return { origin: zone, records };
}
