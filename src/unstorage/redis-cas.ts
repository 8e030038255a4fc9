import { randomUUID } from 'node:crypto';
import type { UnstorageLike } from './storage.js';

/** The ioredis calls the compare-and-set path needs (a `Redis` or `Cluster` instance has them). */
interface RedisClientLike {
  get(key: string): Promise<string | null>;
  eval(script: string, numKeys: number, ...args: string[]): Promise<unknown>;
}

/** Where one storage key lives in Redis, found through the storage's redis driver. */
export interface RedisTarget {
  client: RedisClientLike;
  /** The key as Redis sees it (the driver's `base` joined to the key inside the mount). */
  rawKey: string;
  /** The driver's `ttl` option in seconds, applied by writes like the driver's own `setItem`. */
  ttl: number | undefined;
}

// Writes (or deletes) KEYS[1] only if it still holds ARGV[2] (ARGV[1] = '1') or is still absent (ARGV[1] = '0').
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '1' then
  if current ~= ARGV[2] then return 0 end
elseif current then
  return 0
end
if ARGV[3] == 'del' then
  redis.call('DEL', KEYS[1])
elseif ARGV[5] ~= '' then
  redis.call('SET', KEYS[1], ARGV[4], 'EX', ARGV[5])
else
  redis.call('SET', KEYS[1], ARGV[4])
end
return 1`;

const joinKeys = (...keys: string[]) => keys.join(':').replace(/:+/g, ':').replace(/^:|:$/g, '');

/** The redis driver's client and raw key for `key` (already normalised), or `undefined` for any other driver. */
export function findRedisTarget(storage: UnstorageLike, key: string): RedisTarget | undefined {
  const mount = storage.getMount?.(key);
  const driver = mount?.driver;
  if (!mount || driver?.name !== 'redis' || typeof driver.getInstance !== 'function') return undefined;
  const client = driver.getInstance() as Partial<RedisClientLike> | undefined;
  if (typeof client?.get !== 'function' || typeof client.eval !== 'function') return undefined;
  const options = (driver.options ?? {}) as { base?: unknown; ttl?: unknown };
  const base = typeof options.base === 'string' ? options.base : '';
  const relative = key.startsWith(mount.base) ? key.slice(mount.base.length) : key;
  const ttl = typeof options.ttl === 'number' && options.ttl > 0 ? options.ttl : undefined;
  return { client: client as RedisClientLike, rawKey: joinKeys(base, relative), ttl };
}

/**
 * Checks that writes through `storage` at `probeKey` land at the raw key computed for it. A wrapper such as
 * unstorage's `prefixStorage()` adds a prefix the mount lookup does not show; then this returns false and the
 * caller uses the lock path instead.
 */
export async function verifyRedisTarget(storage: UnstorageLike, probeKey: string): Promise<boolean> {
  const target = findRedisTarget(storage, probeKey);
  if (!target) return false;
  const token = `probe-${randomUUID()}`;
  await storage.setItem(probeKey, token);
  try {
    return (await target.client.get(target.rawKey)) === token;
  } finally {
    await storage.removeItem(probeKey);
  }
}

/**
 * One optimistic round: `false` when the key no longer holds `expected` (`null`: absent), and nothing was
 * written; otherwise `next` (`undefined`: delete) is stored.
 */
export async function compareAndSet(target: RedisTarget, expected: string | null, next: string | undefined) {
  const result = await target.client.eval(
    COMPARE_AND_SET,
    1,
    target.rawKey,
    expected === null ? '0' : '1',
    expected ?? '',
    next === undefined ? 'del' : 'set',
    next ?? '',
    next !== undefined && target.ttl ? String(target.ttl) : '',
  );
  return Number(result) === 1;
}
