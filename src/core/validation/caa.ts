/**
 * CAA record content (`flags tag value`, RFC 8659) in one canonical form for every provider: flags in
 * decimal, the tag in lower case, and the value bare when it is plain printable ASCII without `"`, `\`,
 * `;`, `(` or `)`, else in double quotes with `"` and `\` escaped. So `0 issue letsencrypt.org`,
 * `0 ISSUE "letsencrypt.org"` and `0 issue "letsencrypt\046org"` are all `0 issue letsencrypt.org`,
 * and `0 iodef "mailto:sec@example.com"` is `0 iodef mailto:sec@example.com`. Both forms read back the
 * same from a zone file. Adapters convert at the wire boundary: {@link parseCaa} for the parts (a
 * provider that stores them apart), `formatCaa(parts, 'always')` for an API that wants the value quoted.
 *
 * @module
 */

/** The three fields of a CAA record, the value unescaped. */
export interface CaaParts {
  flags: number;
  tag: string;
  value: string;
}

const SHAPE = /^\s*(\d{1,3})\s+([a-zA-Z0-9]+)\s+([\s\S]*?)\s*$/;
const QUOTED = /^"((?:[^"\\]|\\[\s\S])*)"$/;
const BARE = /^[\x21\x23-\x27\x2a-\x3a\x3c-\x5b\x5d-\x7e]+$/;

/** A quoted value's text: `\X` is X and `\DDD` the byte DDD (bytes read as UTF-8). */
function unescape(text: string): string {
  if (!text.includes('\\')) return text;
  const bytes: number[] = [];
  const utf8 = new TextEncoder();
  for (const [, ddd, ch = ''] of text.matchAll(/\\(\d{3})|\\?([\s\S])/gu))
    bytes.push(...(ddd ? [Number(ddd) & 0xff] : utf8.encode(ch)));
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/**
 * The parts of CAA content, or `undefined` when it is not `flags tag value` (flags 0–255).
 *
 * @example
 * ```ts
 * parseCaa('0 iodef "mailto:sec@example.com"'); // { flags: 0, tag: 'iodef', value: 'mailto:sec@example.com' }
 * ```
 */
export function parseCaa(content: string): CaaParts | undefined {
  const match = SHAPE.exec(content);
  if (!match || Number(match[1]) > 255) return undefined;
  const raw = match[3]!;
  const quoted = QUOTED.exec(raw);
  return { flags: Number(match[1]), tag: match[2]!.toLowerCase(), value: quoted ? unescape(quoted[1]!) : raw };
}

/**
 * CAA content from its parts: the canonical form, or with `'always'` the value always quoted (the form
 * PowerDNS and Hetzner want).
 *
 * @example
 * ```ts
 * formatCaa({ flags: 0, tag: 'issue', value: 'letsencrypt.org' }); // '0 issue letsencrypt.org'
 * formatCaa({ flags: 0, tag: 'issue', value: 'letsencrypt.org' }, 'always'); // '0 issue "letsencrypt.org"'
 * ```
 */
export function formatCaa(parts: CaaParts, quote: 'as-needed' | 'always' = 'as-needed'): string {
  const { flags, tag, value } = parts;
  if (quote === 'as-needed' && BARE.test(value)) return `${flags} ${tag.toLowerCase()} ${value}`;
  return `${flags} ${tag.toLowerCase()} "${value.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * CAA content in the canonical form; content that is not `flags tag value` comes back trimmed, unchanged.
 *
 * @example
 * ```ts
 * canonicalCaa('0 ISSUE "letsencrypt.org"'); // '0 issue letsencrypt.org'
 * canonicalCaa('0 issue "ca.example; account=1"'); // '0 issue "ca.example; account=1"'
 * ```
 */
export function canonicalCaa(content: string): string {
  const parts = parseCaa(content);
  return parts ? formatCaa(parts) : content.trim();
}
