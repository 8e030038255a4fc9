/**
 * Backslash escapes of master files as BIND reads them (RFC 1035 section 5.1): `\DDD` is the byte DDD
 * (exactly three digits, at most 255), `\X` is X. Character-strings become bytes, then text that must be
 * valid UTF-8; names keep only escapes that spell an ordinary host-name character.
 *
 * @internal
 * @module
 */

/** A problem in one entry; the parser adds the line number. */
export class LineError extends Error {}

/** Throws a {@link LineError}. */
export const bad = (message: string): never => {
  throw new LineError(message);
};

const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** The bytes a character-string (as written, escapes included) stands for. */
export function stringBytes(text: string): Uint8Array {
  if (!text.includes('\\')) return encoder.encode(text);
  const out: number[] = [];
  for (let i = 0; i < text.length;) {
    const ch = text[i] as string;
    if (ch !== '\\') {
      const cp = text.codePointAt(i) ?? 0;
      const s = String.fromCodePoint(cp);
      for (const b of encoder.encode(s)) out.push(b);
      i += s.length;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) bad('a backslash ends the value');
    if (next !== undefined && next >= '0' && next <= '9') {
      const digits = text.slice(i + 1, i + 4);
      if (!/^\d{3}$/.test(digits)) bad(`"\\${digits.replace(/\D.*$/, '')}" is not an escape: \\DDD takes three digits`);
      const value = Number(digits);
      if (value > 255) bad(`"\\${digits}" is not an escape: \\DDD is a byte, 0 to 255`);
      out.push(value);
      i += 4;
    } else {
      const s = String.fromCodePoint(text.codePointAt(i + 1) ?? 0);
      for (const b of encoder.encode(s)) out.push(b);
      i += 1 + s.length;
    }
  }
  return Uint8Array.from(out);
}

/** Bytes as text; bytes that are not valid UTF-8 are refused (never replaced by U+FFFD). */
export function textOf(bytes: Uint8Array, what: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const shown = [...bytes].map((b) =>
      b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\${String(b).padStart(3, '0')}`,
    );
    return bad(`the ${what} "${shown.join('')}" is not valid UTF-8 text, which is what the SDK stores`);
  }
}

/**
 * True when a character-string as written is its own text: no backslash, and no lone UTF-16 surrogate
 * (which has no UTF-8 form). Most strings of a zone file are; they skip the trip through bytes.
 */
export function plainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) return false;
    if (c >= 0xd800 && c <= 0xdfff) {
      if (c > 0xdbff || i + 1 >= text.length) return false;
      const low = text.charCodeAt(i + 1);
      if (low < 0xdc00 || low > 0xdfff) return false;
      i++;
    }
  }
  return true;
}

/** The length in UTF-8 bytes of text without lone surrogates. */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A pair of surrogates is 4 bytes for 2 code units; other code units past 0x7f are 2 or 3 bytes.
    if (c >= 0x80) n += c >= 0xd800 && c <= 0xdfff ? 1 : c >= 0x800 ? 2 : 1;
  }
  return n;
}

/** A character-string as written → its text. */
export const stringText = (text: string, what: string): string =>
  plainText(text) ? text : textOf(stringBytes(text), what);

const HOST_CHAR = /^[A-Za-z0-9_*-]$/;

const NON_ASCII = /[^\u0000-\u007f]/u;

/** The A-label spelling of a name written with non-ASCII characters, for the error message. */
function aLabel(text: string): string {
  try {
    return `"${new URL(`http://${text}`).hostname}"`;
  } catch {
    return 'its A-label (xn--...)';
  }
}

/**
 * A domain name as written → the same name with escapes decoded, when every escape spells an ordinary
 * host-name character (`w\097w` is `waw`). An escaped dot (`a\.b`: one label holding a dot) or an escaped
 * byte that is not such a character (`b\195\188cher`, `a\032b`) would become another name: refused.
 * So is a name written with non-ASCII characters (`bücher`): BIND reads its UTF-8 bytes as they are,
 * which is not the IDN name (`xn--bcher-kva`) the SDK would make of it.
 */
export function nameText(text: string): string {
  if (NON_ASCII.test(text))
    bad(
      `the name "${text}" holds characters outside ASCII, which BIND reads as raw bytes, not as the IDN name; write ${aLabel(text)}`,
    );
  if (!text.includes('\\')) return text;
  let out = '';
  for (let i = 0; i < text.length;) {
    const ch = text[i] as string;
    if (ch !== '\\') {
      out += ch;
      i++;
      continue;
    }
    const next = text[i + 1] ?? '';
    let decoded: string;
    if (next >= '0' && next <= '9') {
      const digits = text.slice(i + 1, i + 4);
      if (!/^\d{3}$/.test(digits) || Number(digits) > 255)
        bad(`the name "${text}" holds "\\${digits}", which is not an escape (\\DDD is a byte, 0 to 255)`);
      decoded = String.fromCharCode(Number(digits));
      i += 4;
    } else {
      decoded = next;
      i += 2;
    }
    if (!HOST_CHAR.test(decoded))
      bad(
        `the name "${text}" holds an escaped ${decoded === '.' ? '"." inside a label' : 'byte'}; the SDK stores host names only and would change it into another name`,
      );
    out += decoded;
  }
  return out;
}
