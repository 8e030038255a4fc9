/**
 * The data part of one record in a master file, for the record types the SDK models.
 *
 * @internal
 * @module
 */
import type { DnsRecordType } from '../../core/dns.js';
import { formatTxt, parseTxt } from '../../core/validation/index.js';
import { bad, nameText, plainText, stringBytes, stringText, textOf, utf8Length } from './escapes.js';
import { genericWords } from './generic.js';
import type { Token } from './tokenize.js';

/** Turns a name as written (relative to `origin`, absolute with a final dot, or `@`) into a full name. */
export function absolute(word: string, origin: string | undefined): string {
  if (word === '@') return origin ?? bad('"@" is used before any $ORIGIN (pass the origin option)');
  if (word === '.') return '';
  if (word.endsWith('.') && !word.endsWith('\\.')) return nameText(word.slice(0, -1)).toLowerCase();
  if (origin === undefined) bad(`the relative name "${word}" is used before any $ORIGIN (pass the origin option)`);
  const name = nameText(word).toLowerCase();
  return origin === '' ? name : `${name}.${origin}`;
}

/** A name token: never quoted. */
export function nameWord(token: Token): string {
  if (token.quoted) bad(`a name cannot be quoted: "${token.text}"`);
  return token.text;
}

function integer(word: string, what: string): number {
  if (!/^\d{1,10}$/.test(word)) bad(`the ${what} "${word}" is not a number`);
  return Number(word);
}

/**
 * A TXT value in the form `normalizeRecord` reads back exactly: the text itself, or, when the text would
 * be taken for quoted strings (`"hello"` with its quotes as data), the quoted form of that text.
 */
const txtContent = (text: string) => (parseTxt(text) === text ? text : formatTxt(text));

/** What {@link rdata} found; one object per parse, filled again for every record. */
export interface RecordData {
  content: string;
  /** MX and SRV only. */
  priority: number | undefined;
  /** For a TXT record of several strings, the byte length of each (`12,4`): where its strings were cut. */
  pieces: string | undefined;
}

function want(type: DnsRecordType, found: number, n: number, form: string): void {
  if (found !== n) bad(`${type} takes ${form}, found ${found} value${found === 1 ? '' : 's'}`);
}

const host = (word: string, origin: string | undefined) => (word === '.' ? '.' : absolute(word, origin));

/**
 * Fills `out` with `content` and `priority` of a record of `type` from `words[from]` to `words[to - 1]`, the
 * words after the type (escapes as written). `generic` tells that the first of them is an unquoted `\#`.
 */
export function rdata(
  type: DnsRecordType,
  words: readonly string[],
  from: number,
  to: number,
  origin: string | undefined,
  generic: boolean,
  out: RecordData,
): void {
  if (generic) {
    const decoded = genericWords(type, words.slice(from + 1, to)).map((t: Token) => t.text);
    return rdata(type, decoded, 0, decoded.length, origin, false, out);
  }
  const found = to - from;
  out.priority = undefined;
  out.pieces = undefined;
  switch (type) {
    case 'A':
    case 'AAAA':
      want(type, found, 1, 'one address');
      out.content = words[from] as string;
      return;
    case 'CNAME':
    case 'NS':
      want(type, found, 1, 'one host name');
      out.content = host(words[from] as string, origin);
      return;
    case 'MX':
      want(type, found, 2, '"priority host"');
      out.content = host(words[from + 1] as string, origin);
      out.priority = integer(words[from] as string, 'priority');
      return;
    case 'SRV':
      want(type, found, 4, '"priority weight port target"');
      out.content = `${words[from + 1]} ${words[from + 2]} ${host(words[from + 3] as string, origin)}`;
      out.priority = integer(words[from] as string, 'priority');
      return;
    case 'CAA': {
      want(type, found, 3, '"flags tag value"');
      const text = stringText(words[from + 2] as string, 'CAA value');
      out.content = `${words[from]} ${words[from + 1]} "${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
      return;
    }
    case 'TXT':
      if (found === 0) bad('TXT takes one or more strings');
      // The strings of one record are one value in the SDK (written back split at 255 bytes).
      if (found === 1) out.content = txtContent(stringText(words[from] as string, 'TXT value'));
      else txtStrings(words, from, to, out);
  }
}

/** A TXT record of several strings: one value, and where its strings were cut. */
function txtStrings(words: readonly string[], from: number, to: number, out: RecordData): void {
  let plain = true;
  for (let k = from; k < to && plain; k++) plain = plainText(words[k] as string);
  if (plain) {
    // Without escapes, the value is the strings as written and each one's bytes its UTF-8 length.
    let text = '';
    let pieces = '';
    for (let k = from; k < to; k++) {
      const word = words[k] as string;
      text += word;
      pieces += k === from ? `${utf8Length(word)}` : `,${utf8Length(word)}`;
    }
    out.content = txtContent(text);
    out.pieces = pieces;
    return;
  }
  const parts = words.slice(from, to).map((w) => stringBytes(w));
  const all = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  parts.reduce((at, b) => (all.set(b, at), at + b.length), 0);
  out.content = txtContent(textOf(all, 'TXT value'));
  out.pieces = parts.map((b) => b.length).join(',');
}
