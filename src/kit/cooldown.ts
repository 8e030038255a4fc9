/**
 * A rate-limit pause shared by every instance that uses the same token: after a 429 that asks for a
 * wait, the time the wait ends is written to a shared store, and every instance reads it before
 * each request. The store's key holds a hash of the token, never the token.
 *
 * @internal
 * @module
 */
import { createHash } from 'node:crypto';
import type { SharedCooldownStore } from '../core/adapter-options.js';
import { RateLimitError } from '../core/errors.js';

/** The store key of one provider and token: `setec-hosting:cooldown:<provider>:<sha256(token), 32 hex>`. */
export function cooldownKey(provider: string, token: string): string {
  const hash = createHash('sha256').update(`setec-hosting:${provider}:${token}`).digest('hex').slice(0, 32);
  return `setec-hosting:cooldown:${provider}:${hash}`;
}

/** The "paused until" epoch ms a store holds (stores may hand back a number or its text). */
function readUntil(value: unknown): number {
  const until = typeof value === 'string' ? Number(value) : value;
  return typeof until === 'number' && Number.isFinite(until) ? until : 0;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
/**
 * Runs one store call, bounded: it resolves with the store's value, or with `undefined` when the store
 * throws (synchronously too), rejects, or has not answered within `ms`. It rejects only with the signal's
 * reason, as soon as the caller aborts. A store that never answers cannot hold a request past its timeout.
 */
function bounded<T>(call: () => T | Promise<T>, ms: number, signal: AbortSignal | undefined): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const done = (settle: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = () => done(() => reject(signal!.reason as Error));
    const timer = setTimeout(() => done(() => resolve(undefined)), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    Promise.resolve()
      .then(call)
      .then(
        (value) => done(() => resolve(value)),
        () => done(() => resolve(undefined)),
      );
  });
}

/** One instance's view of the shared pause, as {@link sharedCooldown} returns it. */
export interface SharedCooldown {
  /**
   * Waits until the shared pause has ended.
   * @throws {RateLimitError} at once when the pause lasts longer than `retry.maxRetryAfter`.
   * @throws the signal's reason when it aborts, also while the store has not answered.
   */
  wait(operation: string, signal: AbortSignal | undefined): Promise<void>;
  /** Records that the provider asked to wait `ms` from now (a shorter pause never replaces a longer one). */
  record(ms: number, signal: AbortSignal | undefined): Promise<void>;
}

/**
 * One instance's view of the shared pause. A store that fails, throws, answers something that is not a
 * time, or does not answer within the request's timeout is skipped: the pause is a courtesy.
 * `timeoutMs` bounds each store call (the request's own timeout).
 */
export function sharedCooldown(
  store: SharedCooldownStore,
  provider: string,
  token: string,
  maxWaitSeconds: number,
  timeoutMs: number,
): SharedCooldown {
  const key = cooldownKey(provider, token);
  let known = 0;
  return {
    async wait(operation, signal) {
      const stored = await bounded(() => store.getItem(key), timeoutMs, signal);
      known = Math.max(known, readUntil(stored));
      const left = known - Date.now();
      if (left <= 0) return;
      if (left > maxWaitSeconds * 1000) {
        const retryAfter = Math.ceil(left / 1000);
        throw new RateLimitError(
          `Rate limited on ${operation}: another client with this token was asked to wait ${retryAfter} s more, longer than the ${maxWaitSeconds} s the client waits automatically`,
          { provider, retryAfter, attempts: 0 },
        );
      }
      // A call that never settles: the wait ends when `left` has passed, or the signal aborts.
      await bounded(() => new Promise<never>(() => {}), left, signal);
    },
    async record(ms, signal) {
      const until = Date.now() + ms;
      if (until <= known) return;
      known = until;
      await bounded(() => store.setItem(key, String(until)), timeoutMs, signal);
    },
  };
}
