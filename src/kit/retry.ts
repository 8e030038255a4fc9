/**
 * Retry policy of the adapters: which failures are retried and how long to wait.
 * ky runs the loop (attempt counting, abortable sleep, body replay); this file only decides.
 *
 * @internal
 * @module
 */
import { isHTTPError, isTimeoutError as isKyTimeoutError } from 'ky';

/** First back-off cap (ms); it doubles per retry. */
const BASE_DELAY_MS = 300;
/** Largest back-off cap (ms). */
const MAX_BACKOFF_MS = 10_000;

/**
 * Full-jitter exponential back-off (AWS "full jitter"): a wait drawn from
 * `[0, min(10000, 300·2^(n−1))]` ms for retry number `n` (1-based).
 */
export function backoffDelay(retry: number, random: () => number = Math.random): number {
  const cap = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * (cap + 1));
}

/** A failure as the retry policy sees it. */
export type FailureKind = 'rate-limited' | 'server' | 'network' | 'timeout' | 'redirect' | 'other';

/** Classifies an error thrown by ky (an HTTP status, a per-attempt timeout, a network failure). */
export function failureKind(error: unknown): FailureKind {
  if (isHTTPError(error)) {
    const status = error.response.status;
    if (status === 429) return 'rate-limited';
    return status >= 500 && status <= 599 ? 'server' : 'other';
  }
  if (isKyTimeoutError(error)) return 'timeout';
  if (error instanceof TypeError) {
    const cause = (error as { cause?: unknown }).cause;
    const detail = `${error.message} ${cause instanceof Error ? cause.message : String(cause ?? '')}`;
    return /redirect/i.test(detail) ? 'redirect' : 'network';
  }
  return 'other';
}

/** What {@link planRetry} needs to know about one call. */
export interface RetryContext {
  /** Whether sending the request twice has the same effect as once. */
  idempotent: boolean;
  /** `retry.maxRetryAfter` in ms. */
  maxRetryAfterMs: number;
  /** The wait (ms) an answer's headers ask for, `undefined` when they name none. */
  requestedWait: (headers: Headers, now: number) => number | undefined;
  random?: () => number;
  now?: () => number;
}

/**
 * The wait (ms) before retry number `retry`, or `undefined` when the failure must not be retried.
 * 429 is retried for every method (the provider refused it at its edge, nothing was applied);
 * 5xx, timeouts and network failures only for idempotent requests.
 */
export function planRetry(error: unknown, retry: number, context: RetryContext): number | undefined {
  const kind = failureKind(error);
  const random = context.random ?? Math.random;
  if (kind === 'rate-limited' || (kind === 'server' && context.idempotent)) {
    const after = isHTTPError(error)
      ? context.requestedWait(error.response.headers, (context.now ?? Date.now)())
      : undefined;
    if (after === undefined) return backoffDelay(retry, random);
    return after > context.maxRetryAfterMs ? undefined : after;
  }
  if ((kind === 'network' || kind === 'timeout') && context.idempotent) return backoffDelay(retry, random);
  return undefined;
}
