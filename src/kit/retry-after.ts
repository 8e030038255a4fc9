/**
 * Reading the headers that say how long to wait: `Retry-After` (delta seconds or an HTTP date) and
 * `RateLimit-Reset`-style epoch seconds. Adapters combine them in their `retryAfterMs` hook.
 *
 * @internal
 * @module
 */

/**
 * Reads a `Retry-After` header value as milliseconds: delta seconds (`"2"`, `"0"`) or an HTTP date
 * (a past date gives 0). A negative, non-numeric or empty value is treated as absent (`undefined`).
 */
export function readRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date always names a weekday or a month; this keeps "-1" or "soon" from parsing as dates.
  if (!/[a-z]{3}/i.test(text) || !/\d/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * Reads an epoch-seconds reset time (`ratelimit-reset: 1767225600`) as the milliseconds left until
 * then (0 when it has passed). Anything but a non-negative number is treated as absent.
 */
export function readResetEpoch(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim() ?? '';
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  return Math.max(0, Math.round(Number(text) * 1000 - now));
}
