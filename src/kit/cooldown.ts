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
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** One instance's view of the shared pause. A store that fails is ignored: the pause is a courtesy. */
export class SharedCooldown {
  readonly #store: SharedCooldownStore;
  readonly #key: string;
  readonly #provider: string;
  readonly #maxWaitMs: number;
  #known = 0;

  constructor(store: SharedCooldownStore, provider: string, token: string, maxWaitSeconds: number) {
    this.#store = store;
    this.#provider = provider;
    this.#key = cooldownKey(provider, token);
    this.#maxWaitMs = maxWaitSeconds * 1000;
  }

  /**
   * Waits until the shared pause has ended.
   * @throws {RateLimitError} at once when the pause lasts longer than `retry.maxRetryAfter`.
   */
  async wait(operation: string, signal: AbortSignal | undefined): Promise<void> {
    const stored = await this.#store.getItem(this.#key).catch(() => undefined);
    this.#known = Math.max(this.#known, readUntil(stored));
    const left = this.#known - Date.now();
    if (left <= 0) return;
    if (left > this.#maxWaitMs) {
      const retryAfter = Math.ceil(left / 1000);
      throw new RateLimitError(
        `Rate limited on ${operation}: another client with this token was asked to wait ${retryAfter} s more, longer than the ${this.#maxWaitMs / 1000} s the client waits automatically`,
        { provider: this.#provider, retryAfter, attempts: 0 },
      );
    }
    await sleep(left, signal);
  }

  /** Records that the provider asked to wait `ms` from now (a shorter pause never replaces a longer one). */
  async record(ms: number): Promise<void> {
    const until = Date.now() + ms;
    if (until <= this.#known) return;
    this.#known = until;
    await this.#store.setItem(this.#key, String(until)).catch(() => undefined);
  }
}
