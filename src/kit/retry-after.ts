/**
 * Reading the headers that say how long to wait: `Retry-After` (delta seconds or an HTTP date) and
 * `RateLimit-Reset`-style epoch seconds. Adapters combine them in their `retryAfterMs` hook.
 *
 * @module
 */

/**
 * The longest wait (ms) a header can ask for: a year. A larger or overflowing value (`"9999…9"`) is
 * read as this, so a wait is always a finite integer.
 */
export const MAX_WAIT_MS = 365 * 24 * 3600 * 1000;

const DELTA = /^\d+(\.\d+)?(e\+?\d+)?$/i;
const clamp = (ms: number): number => Math.min(MAX_WAIT_MS, Math.max(0, Math.round(ms)));

/**
 * Reads a `Retry-After` header value as milliseconds: delta seconds (`"2"`, `"0"`) or an HTTP date
 * (a past date gives 0), at most a year. A negative, non-numeric or empty value is
 * treated as absent (`undefined`).
 */
export function readRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  // Delta seconds; exponent notation (`1e400`) is read too, as the large wait it means.
  if (DELTA.test(text)) return clamp(Number(text) * 1000);
  // An HTTP date always names a weekday or a month; this keeps "-1" or "soon" from parsing as dates.
  if (!/[a-z]{3}/i.test(text) || !/\d/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return clamp(at - now);
}

/**
 * Reads an epoch-seconds reset time (`ratelimit-reset: 1767225600`) as the milliseconds left until
 * then (0 when it has passed; at most a year). Anything but a non-negative number is
 * treated as absent.
 */
export function readResetEpoch(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim() ?? '';
  if (!DELTA.test(text)) return undefined;
  return clamp(Number(text) * 1000 - now);
}
