import { ConfigStoreError, ValidationError } from '../core/errors.js';
import {
  assertProviderName,
  checkChangedConfig,
  normalizeProviderConfig,
  type ConfigChange,
  type ConfigStore,
  type ProviderConfig,
} from '../config/config-store.js';
import { compareAndSet, findRedisTarget, verifyRedisTarget, type RedisTarget } from './redis-cas.js';
import { withStorageLock } from './storage-lock.js';
import { inProcessQueue, jitter, type UnstorageLike } from './storage.js';

/** Options of {@link UnstorageConfigStore}. */
export interface UnstorageConfigStoreOptions {
  /**
   * Key prefix of every item: one item per provider at `<prefix>:<provider>`. Segments separated by `:`, each of
   * letters, digits, `_`, `-` and `.` (not starting with `.`); `''` stores at the root of the storage.
   * @default 'setec-hosting'
   */
  prefix?: string;
  /**
   * Receives warnings: an item under the prefix that `list()` skips (corrupt, or not a provider name).
   * Each distinct message is reported once per store.
   * @default (message) => process.emitWarning(message, { code: 'SETEC_HOSTING_CONFIG' })
   */
  onWarning?: (message: string) => void;
  /**
   * Lock path only (drivers other than Redis): the lock item expires after this many ms, so a crashed
   * holder blocks other writers at most this long.
   * @default 10000
   */
  lockTtlMs?: number;
  /**
   * Lock path only: how long a writer waits after writing the lock item before reading it back. Mutual exclusion
   * holds while every storage read-then-write round completes faster than this.
   * @default 50
   */
  lockSettleMs?: number;
  /**
   * How long `save`, `delete` and `update` wait for the lock (or, on Redis, keep retrying a contended update)
   * before failing with `ConfigStoreError` (`reason: 'locked'`).
   * @default 30000
   */
  waitMs?: number;
}

const PREFIX = /^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*(?::[A-Za-z0-9_-][A-Za-z0-9_.-]*)*)?$/;
const LOCK_SUFFIX = '.lock';

/**
 * A {@link ConfigStore} over any unstorage `Storage` (Redis, fs, Cloudflare KV, S3, memory...): one item per
 * provider at `<prefix>:<provider>`, holding the same JSON text as a {@link FileConfigStore} file, with the same
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
 * In one process, calls for the same provider queue instead of competing. The unstorage fs driver writes files
 * with the default mode and not atomically: for files on one machine, prefer {@link FileConfigStore}.
 *
 * @example
 * ```ts
 * import { createStorage } from 'unstorage';
 * import redisDriver from 'unstorage/drivers/redis';
 * import { UnstorageConfigStore } from 'setec-hosting/unstorage';
 *
 * const storage = createStorage({ driver: redisDriver({ url: process.env.REDIS_URL }) });
 * const store = new UnstorageConfigStore(storage, { prefix: 'setec-hosting' });
 * await store.save({ provider: 'hostinger', api_key: token, api_secret: '', extra: {}, connected: false });
 * ```
 */
export class UnstorageConfigStore implements ConfigStore {
  /** The key prefix, `''` for the root of the storage. */
  readonly prefix: string;
  readonly #storage: UnstorageLike;
  readonly #onWarning: (message: string) => void;
  readonly #warned = new Set<string>();
  readonly #timings: { ttlMs: number; settleMs: number; waitMs: number };
  #redis: Promise<boolean> | undefined;

  /** @throws {ValidationError} for a storage without the item methods, a malformed prefix or bad lock timings. */
  constructor(storage: UnstorageLike, options: UnstorageConfigStoreOptions = {}) {
    const s = storage as Partial<UnstorageLike> | null | undefined;
    if (
      !s ||
      ['getItem', 'setItem', 'removeItem', 'getKeys'].some((m) => typeof s[m as keyof UnstorageLike] !== 'function')
    ) {
      throw new ValidationError('storage must be an unstorage Storage (createStorage())', {
        fields: { storage: ['must have getItem, setItem, removeItem and getKeys'] },
      });
    }
    const prefix = options.prefix ?? 'setec-hosting';
    if (typeof prefix !== 'string' || !PREFIX.test(prefix)) {
      throw new ValidationError(`Invalid prefix ${JSON.stringify(String(prefix)).slice(0, 80)}`, {
        fields: { prefix: ['must be segments of letters, digits, _ - . separated by :'] },
      });
    }
    const timings = {
      ttlMs: options.lockTtlMs ?? 10_000,
      settleMs: options.lockSettleMs ?? 50,
      waitMs: options.waitMs ?? 30_000,
    };
    const bad = Object.entries(timings).filter(([, v]) => !Number.isFinite(v) || v <= 0);
    if (bad.length > 0) {
      throw new ValidationError('Lock timings must be positive numbers of milliseconds', {
        fields: Object.fromEntries(bad.map(([k]) => [k, ['must be a positive number']])),
      });
    }
    this.prefix = prefix;
    this.#storage = storage;
    this.#timings = timings;
    this.#onWarning =
      options.onWarning ?? ((message) => process.emitWarning(message, { code: 'SETEC_HOSTING_CONFIG' }));
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
    return this.#parse(provider, await this.#storage.getItem(this.#key(provider)));
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
      await this.#storage.setItem(this.#key(clean.provider), serialize(clean));
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
      const existed = (await this.#storage.getItem(key)) !== null;
      await stillHeld();
      if (existed) await this.#storage.removeItem(key);
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
      const next = checkChangedConfig(provider, change(this.#parse(provider, await this.#storage.getItem(key))));
      await stillHeld();
      if (next) await this.#storage.setItem(key, serialize(next));
      else await this.#storage.removeItem(key);
      return next;
    });
  }

  async #redisUpdate(provider: string, target: RedisTarget, change: ConfigChange) {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      const raw = await target.client.get(target.rawKey);
      const next = checkChangedConfig(provider, change(this.#parse(provider, raw)));
      if (await compareAndSet(target, raw, next && serialize(next))) return next;
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
    const names = (await this.#storage.getKeys(this.prefix))
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
        ? verifyRedisTarget(this.#storage, probe)
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
      return withStorageLock(this.#storage, `${key}${LOCK_SUFFIX}`, this.#timings, fn);
    });
  }

  #parse(provider: string, value: unknown): ProviderConfig | undefined {
    if (value === null || value === undefined) return undefined;
    const key = this.#key(provider);
    const corrupt = (why: string) =>
      new ConfigStoreError(`Config item ${key} ${why}; it was left unchanged (fix or delete it)`, {
        reason: 'corrupt',
        path: key,
      });
    let data = value;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        // The parse error quotes the text, which may hold the token: keep it out of the error.
        throw corrupt('is not valid JSON');
      }
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw corrupt('is not a JSON object');
    let config: ProviderConfig;
    try {
      config = normalizeProviderConfig(data);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      throw corrupt(`is not a valid provider config (bad ${Object.keys(error.fields).join(', ')})`);
    }
    if (config.provider !== provider) throw corrupt(`holds the config of provider "${config.provider}"`);
    return config;
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

/** The same text as a FileConfigStore file. */
function serialize(config: ProviderConfig): string {
  return JSON.stringify(config, null, 2);
}
