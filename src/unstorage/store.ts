import { ConfigStoreError } from '../core/errors.js';
import {
  assertProviderName,
  checkChangedConfig,
  normalizeProviderConfig,
  type ConfigChange,
  type ConfigStore,
  type ProviderConfig,
} from '../config/config-store.js';
import { compareAndSet, findRedisTarget, verifyRedisTarget, type RedisTarget } from './redis-cas.js';
import { parseItem, serializeConfig } from './items.js';
import { resolveOptions, type UnstorageConfigStoreOptions } from './options.js';
import { reach, reachable } from './reachable.js';
import { withStorageLock, type StorageLockTimings } from './storage-lock.js';
import { inProcessQueue, jitter, type UnstorageLike } from './storage.js';

const LOCK_SUFFIX = '.lock';

/**
 * A {@link ConfigStore} over any unstorage `Storage` (Redis, fs, Cloudflare KV, S3, memory...): one item per
 * provider at `<prefix>:<provider>`, holding the same JSON text as a `FileConfigStore` (from `setec-hosting`) file, with the same
 * provider-name rules and errors. Nothing is written for a malformed name or config.
 *
 * `update()` is atomic across processes:
 * - **Redis** (unstorage's `redis` driver, found through `storage.getMount()` and checked once with a probe
 *   item): an optimistic compare-and-set. The item is read through the driver's ioredis client, `change`
 *   computes the new config, and a Lua script writes it only if the item still holds what was read;
 *   otherwise the round starts again with the fresh value. No lock, so nothing is left behind by a crash,
 *   and plain `save()`/`delete()` need no lock either. `change` may run more than once: keep it a pure
 *   function of its argument.
 * - **Every other driver**: a lock item `<prefix>:<provider>.lock` with an expiry, taken through the storage
 *   itself (write a token, wait `lockSettleMs`, read it back), and held by `save`, `delete` and `update`.
 *   It excludes other writers while each storage round trip is faster than `lockSettleMs`, and a crashed
 *   holder blocks others for `lockTtlMs` at most. It is not safe on eventually consistent stores
 *   (Cloudflare KV, S3 without strong consistency): there, keep one writer per provider.
 *
 * **When the store is down**, every call rejects with a `ConfigStoreError` whose `reason` is `'unreachable'` and
 * whose message says so (the driver's error is its `cause`). How soon depends on the driver: ioredis, under
 * unstorage's Redis driver, by default queues commands while it reconnects (up to 20 attempts each), so a call
 * can hang for many seconds, and it logs "Unhandled error event" on every failed attempt. Pass it options that
 * fail fast, and listen for its errors (see the example): `maxRetriesPerRequest: 1` (a command fails after one
 * failed reconnection), `connectTimeout: 2000`, and a `retryStrategy` that keeps reconnecting in the background
 * (`(times) => Math.min(times * 200, 2000)`), so the store works again as soon as Redis is back.
 *
 * In one process, calls for the same provider queue instead of competing. The unstorage fs driver writes files
 * with the default mode and not atomically: for files on one machine, prefer `FileConfigStore` (from `setec-hosting`).
 *
 * @example
 * ```ts
 * import { createStorage } from 'unstorage';
 * import redisDriver from 'unstorage/drivers/redis';
 * import { UnstorageConfigStore } from 'setec-hosting/unstorage';
 *
 * const driver = redisDriver({
 *   url: process.env.REDIS_URL,
 *   // Fail fast while Redis is down (a call rejects in about a second), reconnect in the background.
 *   maxRetriesPerRequest: 1,
 *   connectTimeout: 2000,
 *   retryStrategy: (times: number) => Math.min(times * 200, 2000),
 * });
 * const storage = createStorage({ driver });
 * // ioredis logs "Unhandled error event" for each failed reconnection unless something listens.
 * (driver.getInstance?.() as import('ioredis').Redis).on('error', (e) => console.warn('redis:', e.message));
 * const store = new UnstorageConfigStore(storage, { prefix: 'setec-hosting' });
 * await store.save({ provider: 'hostinger', api_key: token, api_secret: '', extra: {}, connected: false });
 * ```
 */
export class UnstorageConfigStore implements ConfigStore {
  /** The key prefix, `''` for the root of the storage. */
  readonly prefix: string;
  readonly #storage: UnstorageLike;
  // The same storage, whose failures say that the store is unreachable.
  readonly #items: UnstorageLike;
  readonly #onWarning: (message: string) => void;
  readonly #warned = new Set<string>();
  readonly #timings: StorageLockTimings;
  #redis: Promise<boolean> | undefined;

  /** @throws {ValidationError} for a storage without the item methods, a malformed prefix or bad lock timings. */
  constructor(storage: UnstorageLike, options: UnstorageConfigStoreOptions = {}) {
    const resolved = resolveOptions(storage, options);
    this.prefix = resolved.prefix;
    this.#storage = storage;
    this.#items = reachable(storage);
    this.#timings = resolved.timings;
    this.#onWarning = resolved.onWarning;
  }

  #key(provider: string): string {
    return this.prefix ? `${this.prefix}:${provider}` : provider;
  }

  /**
   * Reads one provider's config; `undefined` when none is stored.
   * @throws {ValidationError} for a malformed provider name (before any storage call).
   * @throws {ConfigStoreError} (`reason: 'corrupt'`) for an item that is not a config of this provider; it is left as it is.
   */
  async get(provider: string): Promise<ProviderConfig | undefined> {
    assertProviderName(provider);
    return this.#parse(provider, await this.#items.getItem(this.#key(provider)));
  }

  /**
   * Writes one provider's config.
   * @throws {ValidationError} for a malformed config or provider name (before any storage call).
   * @throws {ConfigStoreError} (`reason: 'locked'`) when the lock cannot be taken in time (drivers other than Redis).
   */
  async save(config: ProviderConfig): Promise<void> {
    const clean = normalizeProviderConfig(config);
    await this.#exclusive(clean.provider, async (stillHeld) => {
      await stillHeld();
      await this.#items.setItem(this.#key(clean.provider), serializeConfig(clean));
    });
  }

  /**
   * Removes one provider's config; `false` when none was stored.
   * @throws {ValidationError} for a malformed provider name (before any storage call).
   * @throws {ConfigStoreError} (`reason: 'locked'`) when the lock cannot be taken in time (drivers other than Redis).
   */
  async delete(provider: string): Promise<boolean> {
    assertProviderName(provider);
    const key = this.#key(provider);
    return this.#exclusive(provider, async (stillHeld) => {
      const existed = (await this.#items.getItem(key)) !== null;
      await stillHeld();
      if (existed) await this.#items.removeItem(key);
      return existed;
    });
  }

  /**
   * Atomic read-modify-write of one provider's config across every process sharing the storage; returning
   * `undefined` from `change` deletes the config. See the class notes for how, per driver. On Redis `change`
   * may run more than once (after a concurrent write), so it must not have side effects.
   * @throws {ValidationError} for a malformed provider name, or when `change` returns a config for another provider.
   * @throws {ConfigStoreError} `reason: 'corrupt'` when the stored item is not a valid config (nothing written);
   * `reason: 'locked'` when the lock, or a contended Redis update, does not succeed within `waitMs`.
   * @example
   * ```ts
   * await store.update('hostinger', (c) => c && { ...c, connected: true });
   * ```
   */
  async update(provider: string, change: ConfigChange): Promise<ProviderConfig | undefined> {
    assertProviderName(provider);
    const key = this.#key(provider);
    if (await this.#onRedis()) {
      const target = findRedisTarget(this.#storage, key);
      if (target) return inProcessQueue(this.#storage, key, () => this.#redisUpdate(provider, target, change));
    }
    return this.#exclusive(provider, async (stillHeld) => {
      const next = checkChangedConfig(provider, change(this.#parse(provider, await this.#items.getItem(key))));
      await stillHeld();
      if (next) await this.#items.setItem(key, serializeConfig(next));
      else await this.#items.removeItem(key);
      return next;
    });
  }

  async #redisUpdate(provider: string, target: RedisTarget, change: ConfigChange) {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      const key = this.#key(provider);
      const raw = await reach(key, 'reading', () => target.client.get(target.rawKey));
      const next = checkChangedConfig(provider, change(this.#parse(provider, raw)));
      if (await reach(key, 'writing', () => compareAndSet(target, raw, next && serializeConfig(next)))) return next;
      if (Date.now() - started > this.#timings.waitMs) {
        throw new ConfigStoreError(`Gave up updating ${this.#key(provider)}: other writers kept changing it`, {
          reason: 'locked',
          path: this.#key(provider),
        });
      }
      await jitter(Math.min(20, 2 ** attempt));
    }
  }

  /**
   * Every stored config under the prefix, sorted by provider. An item that is corrupt, or whose key is not a
   * provider name, is reported through `onWarning`, left as it is, and skipped.
   */
  async list(): Promise<ProviderConfig[]> {
    const base = this.prefix ? `${this.prefix}:` : '';
    const names = (await this.#items.getKeys(this.prefix))
      .filter((key) => key.startsWith(base))
      .map((key) => key.slice(base.length))
      // Deeper keys belong to longer prefixes; lock and probe items are ours.
      .filter((name) => !name.includes(':') && !name.endsWith(LOCK_SUFFIX) && !name.startsWith('.'))
      .sort();
    const configs: ProviderConfig[] = [];
    for (const name of names) {
      try {
        assertProviderName(name);
      } catch {
        this.#warn(`Ignoring item ${base}${name}: the key is not a valid provider name`);
        continue;
      }
      try {
        const config = await this.get(name);
        if (config) configs.push(config);
      } catch (error) {
        if (!(error instanceof ConfigStoreError)) throw error;
        this.#warn(`Skipping item ${base}${name}: ${error.message}`);
      }
    }
    return configs;
  }

  /** Whether update() can use the Redis compare-and-set path; probed once per store. */
  #onRedis(): Promise<boolean> {
    if (!this.#redis) {
      const probe = this.#key(`.probe-${process.pid}-${Math.random().toString(36).slice(2)}`);
      this.#redis = findRedisTarget(this.#storage, probe)
        ? reach(probe, 'probing', () => verifyRedisTarget(this.#storage, probe))
        : Promise.resolve(false);
      this.#redis.catch(() => (this.#redis = undefined));
    }
    return this.#redis;
  }

  /** Runs a write with exclusive access to one provider's item: a lock item, except on Redis where none is needed. */
  async #exclusive<T>(provider: string, fn: (stillHeld: () => Promise<void>) => Promise<T>): Promise<T> {
    const key = this.#key(provider);
    return inProcessQueue(this.#storage, key, async () => {
      if (await this.#onRedis()) return fn(async () => undefined);
      return withStorageLock(this.#items, `${key}${LOCK_SUFFIX}`, this.#timings, fn);
    });
  }

  #parse(provider: string, value: unknown): ProviderConfig | undefined {
    return parseItem(this.#key(provider), provider, value);
  }

  #warn(message: string): void {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    this.#onWarning(message);
  }

  toJSON(): { prefix: string } {
    return { prefix: this.prefix };
  }
}
