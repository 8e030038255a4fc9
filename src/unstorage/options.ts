import { ValidationError } from '../core/errors.js';
import type { StorageLockTimings } from './storage-lock.js';
import type { UnstorageLike } from './storage.js';

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

/** The checked options with their defaults. */
export interface ResolvedOptions {
  prefix: string;
  timings: StorageLockTimings;
  onWarning: (message: string) => void;
}

/**
 * Checks the storage and the options before the store is built.
 * @throws {ValidationError} for a storage without the item methods, a malformed prefix or bad lock timings.
 */
export function resolveOptions(storage: UnstorageLike, options: UnstorageConfigStoreOptions): ResolvedOptions {
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
  const given = {
    lockTtlMs: options.lockTtlMs ?? 10_000,
    lockSettleMs: options.lockSettleMs ?? 50,
    waitMs: options.waitMs ?? 30_000,
  };
  const bad = Object.entries(given).filter(([, v]) => typeof v !== 'number' || !Number.isFinite(v) || v <= 0);
  if (bad.length > 0) {
    throw new ValidationError('Lock timings must be positive numbers of milliseconds', {
      fields: Object.fromEntries(bad.map(([k]) => [k, ['must be a positive number']])),
    });
  }
  return {
    prefix,
    timings: { ttlMs: given.lockTtlMs, settleMs: given.lockSettleMs, waitMs: given.waitMs },
    onWarning: options.onWarning ?? ((message) => process.emitWarning(message, { code: 'SETEC_HOSTING_CONFIG' })),
  };
}
