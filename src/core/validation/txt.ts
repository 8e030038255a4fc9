/**
 * TXT record values in DNS presentation form: a value is one or more `"quoted"` character-strings,
 * each at most 255 bytes. Models hold the plain value; these helpers convert at the wire boundary.
 *
 * @module
 */

/** The most bytes one DNS character-string may hold. */
export const TXT_CHUNK_BYTES = 255;

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Splits a plain TXT value into chunks of at most 255 UTF-8 bytes, never inside a code point.
 * An empty value is one empty chunk.
 */
export function splitTxt(value: string): string[] {
  const chunks: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of value) {
    const size = utf8Length(ch.codePointAt(0) ?? 0);
    if (bytes + size > TXT_CHUNK_BYTES) {
      chunks.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  chunks.push(current);
  return chunks;
}

/**
 * Formats a plain TXT value for the wire: `"chunk1" "chunk2"`, each chunk ≤ 255 UTF-8 bytes,
 * `"` and `\` escaped. Always quotes: pass a value through {@link parseTxt} first if it may
 * already be quoted (`normalizeRecord` does).
 *
 * @example
 * ```ts
 * formatTxt('v=spf1 -all'); // '"v=spf1 -all"'
 * ```
 */
export function formatTxt(value: string): string {
  return splitTxt(value)
    .map((chunk) => `"${chunk.replace(/["\\]/g, (c) => `\\${c}`)}"`)
    .join(' ');
}

const QUOTED = /^\s*"(?:[^"\\]|\\[\s\S])*"(?:\s+"(?:[^"\\]|\\[\s\S])*")*\s*$/;
const CHUNK = /"((?:[^"\\]|\\[\s\S])*)"/g;

function unescapeChunk(chunk: string): string {
  if (!/\\\d{3}/.test(chunk)) return chunk.replace(/\\([\s\S])/g, '$1');
  // `\DDD` escapes are raw bytes: rebuild the byte string, then decode it as UTF-8.
  const encoder = new TextEncoder();
  const bytes: number[] = [];
  for (let i = 0; i < chunk.length;) {
    const escaped = /^\\(\d{3}|[\s\S])/.exec(chunk.slice(i, i + 4));
    if (escaped?.[1] !== undefined) {
      const code = escaped[1];
      if (/^\d{3}$/.test(code)) bytes.push(Number(code) & 0xff);
      else bytes.push(...encoder.encode(code));
      i += escaped[0].length;
    } else {
      const ch = String.fromCodePoint(chunk.codePointAt(i) ?? 0);
      bytes.push(...encoder.encode(ch));
      i += ch.length;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/**
 * Parses a TXT value in presentation form (`"a" "b"`) back to the plain value (`ab`), undoing
 * `\"`, `\\` and `\DDD` escapes. A value that is not entirely quoted strings is returned unchanged.
 *
 * @example
 * ```ts
 * parseTxt('"v=spf1 " "-all"'); // 'v=spf1 -all'
 * parseTxt('plain text');       // 'plain text'
 * ```
 */
export function parseTxt(wire: string): string {
  // The common case, one quoted string without escapes: no regular expression needed.
  const last = wire.length - 1;
  if (last > 0 && wire[0] === '"' && wire.indexOf('"', 1) === last && !wire.includes('\\')) return wire.slice(1, last);
  if (!QUOTED.test(wire)) return wire;
  let out = '';
  for (const match of wire.matchAll(CHUNK)) out += unescapeChunk(match[1] ?? '');
  return out;
}
