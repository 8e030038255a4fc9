/**
 * Removing a token from texts that came back from upstream (an error body may echo it).
 *
 * @internal
 * @module
 */

const REDACTED = '[REDACTED]';
// Shorter tokens are removed only where they stand alone: inside a word they are a coincidence, and
// replacing every `e` of a message would make it unreadable while hiding nothing.
const ANYWHERE_FROM = 8;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A function that replaces every occurrence of `token` in a text with `[REDACTED]`, in any letter case
 * (an upstream may echo it lower- or upper-cased). A token under 8 characters is replaced only where it
 * is not part of a longer run of letters and digits; an empty token changes nothing.
 *
 * @example
 * ```ts
 * const scrub = tokenScrubber('AbC123xyz');
 * scrub('token abc123XYZ is invalid'); // 'token [REDACTED] is invalid'
 * tokenScrubber('e')('Hostinger: e'); // 'Hostinger: [REDACTED]'
 * ```
 */
export function tokenScrubber(token: string): (text: string) => string {
  if (token.length === 0) return (text) => text;
  const body = escape(token);
  const pattern =
    token.length >= ANYWHERE_FROM
      ? new RegExp(body, 'giu')
      : new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => text.replace(pattern, REDACTED);
}
