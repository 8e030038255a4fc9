/**
 * The data part of one record in a master file, for the record types the SDK models.
 *
 * @internal
 * @module
 */
import type { DnsRecordInput, DnsRecordType } from '../../core/dns.js';
import { formatTxt, parseTxt } from '../../core/validation/index.js';
import { bad, nameText, stringBytes, stringText, textOf } from './escapes.js';
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

/** `content` and `priority` of a record of `type` from the words after the type. */
export function rdata(
  type: DnsRecordType,
  words: Token[],
  origin: string | undefined,
): Pick<DnsRecordInput, 'content' | 'priority'> & { pieces?: string } {
  if (words[0]?.text === '\\#' && !words[0].quoted) return rdata(type, genericWords(type, words.slice(1)), origin);
  const want = (n: number, form: string) => {
    if (words.length !== n) bad(`${type} takes ${form}, found ${words.length} value${words.length === 1 ? '' : 's'}`);
    return words.map((w) => w.text);
  };
  const host = (word: string) => (word === '.' ? '.' : absolute(nameWord({ text: word, quoted: false }), origin));
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
      const text = stringText(value, 'CAA value');
      return { content: `${flags} ${tag} "${text.replace(/["\\]/g, (c) => `\\${c}`)}"` };
    }
    case 'TXT': {
      if (words.length === 0) bad('TXT takes one or more strings');
      // The strings of one record are one value in the SDK (written back split at 255 bytes).
      if (words.length === 1) return { content: txtContent(stringText((words[0] as Token).text, 'TXT value')) };
      const parts = words.map((w) => stringBytes(w.text));
      const all = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
      parts.reduce((at, b) => (all.set(b, at), at + b.length), 0);
      return { content: txtContent(textOf(all, 'TXT value')), pieces: parts.map((b) => b.length).join(',') };
    }
  }
}
