/**
 * Options every HTTP adapter shipped with the package takes (`createHostingerProvider`, ...).
 *
 * @module
 */

/** Retry settings of an adapter. */
export interface AdapterRetryOptions {
  /**
   * Retries after the first attempt (so at most `limit + 1` requests).
   * @default 3
   */
  limit?: number;
  /**
   * The longest `Retry-After` wait, in seconds, the client sleeps through. A longer wait is not
   * slept: the call rejects at once with a `RateLimitError` carrying `retryAfter`.
   * @default 60
   */
  maxRetryAfter?: number;
}

/**
 * A key-value store shared by several processes or machines (an unstorage `Storage` fits, e.g. on
 * Redis). Adapters keep in it only "paused until" times, under keys that hold a hash of the token,
 * never the token.
 */
export interface SharedCooldownStore {
  /** The value stored under `key`, or `null`/`undefined` when there is none. */
  getItem(key: string): Promise<unknown>;
  /** Stores `value` under `key`. */
  setItem(key: string, value: string): Promise<void>;
}

/** Options of every HTTP adapter. */
export interface AdapterOptions {
  /** The provider's API token. Sent only as `Authorization: Bearer`, never in an error or a log. */
  apiKey: string;
  /** The API origin (tests point it at a simulator). Redirects are never followed. */
  baseUrl?: string;
  /** A `fetch` implementation. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /**
   * Milliseconds per attempt, the answer's body included. For a deadline over the whole call
   * (retries included), pass `signal: AbortSignal.timeout(ms)` to the method: it rejects with `TimeoutError`.
   * @default 30000
   */
  timeout?: number;
  /** Retries: `limit` (default 3) and `maxRetryAfter` seconds (default 60). */
  retry?: AdapterRetryOptions;
  /**
   * Your product's token, sent in front of the SDK's own: `User-Agent: <userAgent> setec-hosting/<version>`.
   * @default undefined (just `setec-hosting/<version>`)
   */
  userAgent?: string;
  /**
   * A store shared by every instance that uses the same token (any unstorage `Storage` fits, e.g. on
   * Redis): after a 429 that asks for a wait, the time the wait ends is recorded there under a key made
   * of the provider name and a hash of the token, and every instance sharing the store waits until then
   * before its next request. A pause longer than `retry.maxRetryAfter` rejects at once with
   * `RateLimitError`. A store that fails, throws, hands back something that is not a time, or has not
   * answered within `timeout` is skipped (the request goes on as without it), and the call's `signal`
   * aborts a wait on it: a store that never answers (Redis down) cannot hold a call.
   * @default undefined (each instance backs off on its own)
   * @example
   * ```ts
   * import { createStorage } from 'unstorage';
   * import redisDriver from 'unstorage/drivers/redis';
   *
   * const sharedCooldown = createStorage({ driver: redisDriver({ url: process.env.REDIS_URL }) });
   * const provider = createHostingerProvider({ apiKey: token, sharedCooldown });
   * ```
   */
  sharedCooldown?: SharedCooldownStore;
}
