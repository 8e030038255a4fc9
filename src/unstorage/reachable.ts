import { ConfigStoreError, isHostingError } from '../core/errors.js';
import type { UnstorageLike } from './storage.js';

// A driver's message may hold a connection URL: never its user name or password.
const withoutUserInfo = (text: string) => text.replace(/\/\/[^/@\s]*@/g, '//');

/**
 * Runs one storage call. A failure of the storage itself (Redis down, a network error, a driver that gave
 * up) becomes a `ConfigStoreError` with `reason: 'unreachable'` that says so and names the item; the SDK's
 * own errors pass through unchanged.
 * @throws {ConfigStoreError} `reason: 'unreachable'`, the driver's error as `cause`.
 */
export async function reach<T>(key: string, what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isHostingError(error)) throw error;
    const detail = withoutUserInfo(error instanceof Error ? error.message : String(error));
    throw new ConfigStoreError(`The config store is unreachable (${what} ${key || 'the keys'}): ${detail}`, {
      reason: 'unreachable',
      path: key,
      cause: error,
    });
  }
}

/** The item methods of `storage`, each through {@link reach}; everything else as it is. */
export function reachable(storage: UnstorageLike): UnstorageLike {
  return {
    getItem: (key) => reach(key, 'reading', () => storage.getItem(key)),
    setItem: (key, value) => reach(key, 'writing', () => storage.setItem(key, value)),
    removeItem: (key) => reach(key, 'removing', () => storage.removeItem(key)),
    getKeys: (base) => reach(base ?? '', 'listing', () => storage.getKeys(base)),
    ...(storage.getMount ? { getMount: (key?: string) => storage.getMount!(key) } : {}),
  };
}
