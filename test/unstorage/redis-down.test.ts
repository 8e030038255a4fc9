import type { Redis } from 'ioredis';
import { createStorage, type Storage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';
import { afterAll, expect, it, vi } from 'vitest';
import { ConfigStoreError } from '../../src/core/errors.js';
import { UnstorageConfigStore } from '../../src/unstorage/index.js';
import { config } from '../config/helpers.js';
import { describeWithRedis, startRedisServer, type RedisServer } from '../support/redis-server.js';

// A real redis-server that goes away while a store uses it, with the driver options the store's
// documentation gives for failing fast.
vi.setConfig({ testTimeout: 60_000 });

describeWithRedis('unstorage: UnstorageConfigStore when Redis goes down', () => {
  let server: RedisServer | undefined;
  let storage: Storage | undefined;
  const driverErrors: string[] = [];
  const unhandled: string[] = [];

  afterAll(async () => {
    await storage?.dispose();
    await server?.stop();
  });

  it('every call rejects with a ConfigStoreError that says the store is unreachable, and nothing floods the log', async () => {
    server = await startRedisServer();
    const driver = redisDriver({
      url: server.url,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (times: number) => Math.min(times * 200, 2000),
    });
    storage = createStorage({ driver });
    (driver.getInstance!() as Redis).on('error', (e: Error) => void driverErrors.push(e.message));
    const consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      unhandled.push(args.map(String).join(' '));
    });
    try {
      const store = new UnstorageConfigStore(storage, { prefix: 'down' });
      await store.save(config());
      expect(await store.get('hostinger')).toEqual(config());

      await server.stop();
      server = undefined;
      const failures = await Promise.all([
        store.get('hostinger').catch((e: unknown) => e),
        store.save(config({ api_key: 'while-down' })).catch((e: unknown) => e),
        store.update('hostinger', (c) => c && { ...c, connected: true }).catch((e: unknown) => e),
        store.delete('hostinger').catch((e: unknown) => e),
        store.list().catch((e: unknown) => e),
      ]);
      for (const failure of failures) {
        expect(failure).toBeInstanceOf(ConfigStoreError);
        expect(failure).toMatchObject({ reason: 'unreachable' });
        expect((failure as Error).message).toMatch(/^The config store is unreachable \(\w+ down:?[\w-]*\): /);
      }
      expect(unhandled.filter((line) => line.includes('Unhandled error event'))).toEqual([]);
      expect(driverErrors.length).toBeGreaterThan(0); // the listener heard them instead
    } finally {
      consoleError.mockRestore();
    }
  });
});
