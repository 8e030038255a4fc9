import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createStorage, type Storage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ProviderConfig } from '../../src/config/config-store.js';
import { configureFromStore } from '../../src/config/configure.js';
import { EncryptedConfigStore } from '../../src/config/encrypted-store.js';
import type { Provider } from '../../src/core/provider.js';
import { ProviderRegistry } from '../../src/core/registry.js';
import { UnstorageConfigStore } from '../../src/unstorage/index.js';
import { CANARY, config } from '../config/helpers.js';
import { describeWithRedis, useRedisServer } from '../support/redis-server.js';

describeWithRedis('unstorage: EncryptedConfigStore over UnstorageConfigStore on a real Redis server', () => {
  const redis = useRedisServer();
  const key = randomBytes(32);
  let client: Redis;
  let storage: Storage;
  let base: string;
  beforeAll(() => {
    client = new Redis(redis.url());
    base = `t-${randomUUID()}`;
    storage = createStorage({ driver: redisDriver({ url: redis.url(), base }) });
  });
  afterAll(async () => {
    await storage?.dispose();
    await client?.quit();
  });
  const encrypted = () =>
    new EncryptedConfigStore(new UnstorageConfigStore(storage), {
      keys: { k1: key.toString('base64') },
      primaryKeyId: 'k1',
    });

  /** Every value in this test's keyspace, as Redis holds it. */
  async function everything(): Promise<string> {
    const keys = await client.keys(`${base}:*`);
    return (await Promise.all(keys.map(async (k) => `${k}=${await client.get(k)}`))).join('\n');
  }

  it('keeps no plaintext token in Redis, through save and update', async () => {
    const store = encrypted();
    await store.save(config({ api_secret: `${CANARY}-secret` }));
    await Promise.all(
      Array.from({ length: 5 }, () =>
        store.update!('hostinger', (c) => c && { ...c, extra: { n: String(Number(c.extra.n ?? '0') + 1) } }),
      ),
    );
    const dump = await everything();
    expect(dump).toContain(`${base}:setec-hosting:hostinger=`);
    expect(dump).not.toContain(CANARY);
    expect(JSON.parse((await client.get(`${base}:setec-hosting:hostinger`))!).api_key).toMatch(/^enc:v2:k1:/);
    expect(await store.get('hostinger')).toEqual(config({ api_secret: `${CANARY}-secret`, extra: { n: '5' } }));
  });

  it('configureFromStore builds providers from the decrypted configs, unchanged', async () => {
    const store = encrypted();
    await store.save(config());
    const registry = new ProviderRegistry();
    const received: ProviderConfig[] = [];
    registry.registerProvider({
      name: 'hostinger',
      displayName: 'Hostinger',
      create: (c) => {
        received.push(c);
        return {
          name: 'hostinger',
          displayName: 'Hostinger',
          testConnection: async () => undefined,
        } satisfies Provider;
      },
    });
    expect((await configureFromStore(store, registry)).map((p) => p.name)).toEqual(['hostinger']);
    expect(received[0]?.api_key).toBe(CANARY);
  });
});
