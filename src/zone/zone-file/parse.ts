import type { DnsRecordInput } from '../../core/dns.js';
import { ValidationError } from '../../core/errors.js';
import { FieldErrors } from '../../core/validation/fail.js';
import { normalizeDomain } from '../../core/validation/index.js';
import { outsideMessage, readEntry, type ReadState } from './entry.js';
import { Found } from './found.js';
import { LineError } from './escapes.js';
import type { RecordData } from './rdata.js';
import { EntryReader, ZoneSyntaxError } from './tokenize.js';

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
  const state: ReadState = {
    zone: options.origin === undefined ? undefined : normalizeDomain(options.origin, 'origin'),
    origin: undefined,
    defaultTtl: undefined,
    lastTtl: undefined,
    owner: undefined,
    ownerName: undefined,
  };
  state.origin = state.zone;
  // Records are rarely shorter than 32 characters: enough room for every name of most files from the start.
  const found = new Found(text.length / 32);
  const errors = new FieldErrors();
  const reader = new EntryReader(text);
  const data: RecordData = { content: '', priority: undefined, pieces: undefined };
  try {
    while (reader.next()) {
      try {
        if (!readEntry(reader, state, data, found)) {
          // Every later record would be refused for the same reason; the rest is still read for syntax.
          errors.add(`line ${reader.line}`, outsideMessage(state));
          while (reader.next());
          break;
        }
      } catch (error) {
        if (error instanceof LineError) errors.add(`line ${reader.line}`, error.message);
        else if (error instanceof ValidationError)
          for (const [field, messages] of Object.entries(error.fields))
            errors.add(`line ${reader.line}`, `${field} ${messages.join(', ')}`);
        else throw error;
      }
    }
  } catch (error) {
    if (!(error instanceof ZoneSyntaxError)) throw error;
    // A syntax error is the only one reported: what follows it may be read wrongly.
    const syntax = new FieldErrors();
    syntax.add(`line ${error.line}`, error.message);
    syntax.throwIfAny('Invalid zone file');
  }
  found.checkNames(errors);
  errors.throwIfAny('Invalid zone file');
  if (state.zone === undefined)
    throw new ValidationError('The zone file has no $ORIGIN; pass the origin option', {
      fields: { origin: ['is required when the file has no $ORIGIN'] },
    });
  return { origin: state.zone, records: found.records };
}
