/**
 * Text from a provider (TXT values, names) shown on a terminal: control characters would move the
 * cursor, set the window title or forge extra lines, so they are shown as escapes instead.
 *
 * @module
 */

// C0 controls, DEL, C1 controls (some terminals read 0x9b as CSI), line/paragraph separators and the
// bidirectional overrides that reorder what is shown.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Shows control characters as escapes: C0 and DEL as `\DDD` (as a zone file writes them, so `\010` is a
 * newline and `\027` is ESC), other invisible controls as `\u{XXXX}`. Printable text is unchanged.
 *
 * @example
 * ```ts
 * printable('a\u001b[2Jb\nc'); // 'a\\027[2Jb\\010c'
 * ```
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0x7f ? `\\${String(code).padStart(3, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
