import { randomUUID } from 'node:crypto';
import { ConfigStoreError } from '../core/errors.js';
import { jitter, sleep, type UnstorageLike } from './storage.js';

/** Timings of the lock item (see {@link withStorageLock}). */
export interface StorageLockTimings {
  ttlMs: number;
  settleMs: number;
  waitMs: number;
}

interface LockValue {
  owner: string;
  expires: number;
}

function readLock(value: unknown): LockValue | undefined {
  const v = value as Partial<LockValue> | null;
  return v && typeof v === 'object' && typeof v.owner === 'string' && typeof v.expires === 'number'
    ? { owner: v.owner, expires: v.expires }
    : undefined;
}

/**
 * Runs `fn` holding a lock item at `lockKey`, taken through the storage itself (unstorage has no
 * set-if-absent). Fischer's timed mutual exclusion: wait until the item is absent or expired, write our token,
 * wait `settleMs`, read it back; we hold the lock only if our token is still there. This excludes every other
 * writer as long as each one's read-then-write round takes less than `settleMs`; a process that measures a
 * slower round does not enter, and waits for its own item to expire before trying again. The item expires
 * after `ttlMs`, so a crashed holder blocks others for at most that long. `fn` receives a check that
 * re-reads the item, for a last look before writing.
 *
 * @throws {ConfigStoreError} (`reason: 'locked'`) after `waitMs` without the lock, or when the check finds
 * that the lock expired and was taken by another writer.
 */
export async function withStorageLock<T>(
  storage: UnstorageLike,
  lockKey: string,
  timings: StorageLockTimings,
  fn: (stillHeld: () => Promise<void>) => Promise<T>,
): Promise<T> {
  const token = randomUUID();
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    const before = Date.now();
    const held = readLock(await storage.getItem(lockKey));
    if (!held || held.expires <= Date.now()) {
      await storage.setItem(lockKey, JSON.stringify({ owner: token, expires: Date.now() + timings.ttlMs }));
      if (Date.now() - before < timings.settleMs) {
        await sleep(timings.settleMs);
        if (readLock(await storage.getItem(lockKey))?.owner === token) break;
      }
    }
    if (Date.now() - started > timings.waitMs) {
      throw new ConfigStoreError(`Timed out waiting for the lock ${lockKey}`, { reason: 'locked', path: lockKey });
    }
    await jitter(Math.min(100, timings.settleMs * 2 ** Math.min(attempt, 4)));
  }
  const stillHeld = async () => {
    if (readLock(await storage.getItem(lockKey))?.owner !== token) {
      throw new ConfigStoreError(`Lost the lock ${lockKey} (it expired and another writer took it); nothing written`, {
        reason: 'locked',
        path: lockKey,
      });
    }
  };
  try {
    return await fn(stillHeld);
  } finally {
    if (readLock(await storage.getItem(lockKey).catch(() => undefined))?.owner === token) {
      await storage.removeItem(lockKey).catch(() => undefined);
    }
  }
}
