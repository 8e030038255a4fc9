/**
 * `setec-hosting/unstorage`: provider credentials in any unstorage driver (Redis, fs, Cloudflare KV, S3,
 * memory...), so that every instance of a service reads and writes the same configs. `unstorage` is an optional
 * peer dependency: install it (and the driver's own client, e.g. `ioredis`) to use this entry. This entry has no
 * side effects and imports nothing from `unstorage` itself.
 *
 * @example
 * ```ts
 * import { createStorage } from 'unstorage';
 * import redisDriver from 'unstorage/drivers/redis';
 * import { configureFromStore } from 'setec-hosting';
 * import { UnstorageConfigStore } from 'setec-hosting/unstorage';
 * import 'setec-hosting/hostinger/register';
 *
 * const storage = createStorage({ driver: redisDriver({ url: process.env.REDIS_URL }) });
 * const providers = await configureFromStore(new UnstorageConfigStore(storage));
 * ```
 *
 * @module
 */
export { UnstorageConfigStore } from './store.js';
export type { UnstorageConfigStoreOptions } from './store.js';
export type { UnstorageLike, UnstorageDriverLike } from './storage.js';
