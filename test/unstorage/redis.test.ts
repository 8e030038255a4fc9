import { spawn } from 'node:child_process';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createStorage, prefixStorage, type Storage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { UnstorageConfigStore } from '../../src/unstorage/index.js';
import { CANARY, config } from '../config/helpers.js';
import { describeWithRedis, useRedisServer } from '../support/redis-server.js';
import { storeSuite } from './store-suite.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const CHILD = path.join(import.meta.dirname, 'redis-child.ts');

/** Starts the child script; resolves with its stdout once it exits with code 0. */
function child(args: string[], onReady?: (write: (line: string) => void) => void) {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: REPO });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (onReady && stdout.includes('ready')) {
      const ready = onReady;
      onReady = undefined;
      ready((line) => proc.stdin.write(`${line}\n`));
    }
  });
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<string>((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`child exited ${code}: ${stderr}`))));
  });
}

describeWithRedis('unstorage: UnstorageConfigStore on a real Redis server', () => {
  const redis = useRedisServer();
  let client: Redis;
  const storages: Storage[] = [];
  beforeAll(() => {
    client = new Redis(redis.url());
  });
  afterEach(async () => {
    await Promise.all(storages.splice(0).map((s) => s.dispose()));
  });
  afterAll(async () => {
    await client?.quit();
  });

  // Each storage gets its own driver base, so tests never see each other's keys.
  const bases = new WeakMap<Storage, string>();
  const newStorage = (base = `t-${randomUUID()}`) => {
    const storage = createStorage({ driver: redisDriver({ url: redis.url(), base }) });
    storages.push(storage);
    bases.set(storage, base);
    return storage;
  };
  const rawKey = (storage: Storage, key: string) => `${bases.get(storage)}:${key}`;

  storeSuite({
    storage: async () => newStorage(),
    raw: (storage, key) => client.get(rawKey(storage, key)),
    writeRaw: async (storage, key, text) => {
      await client.set(rawKey(storage, key), text);
    },
  });

  it('two processes sharing one Redis see each other’s saves', async () => {
    const base = `t-${randomUUID()}`;
    await child([redis.url(), base, 'save', CANARY]);
    const store = new UnstorageConfigStore(newStorage(base));
    expect((await store.get('hostinger'))?.api_key).toBe(CANARY);
    await store.save(config({ api_key: 'saved-by-the-test' }));
    const seen = JSON.parse(await child([redis.url(), base, 'get']));
    expect(seen).toEqual(config({ api_key: 'saved-by-the-test' }));
  });

  it('two processes running 50 update() increments each end at 100', async () => {
    const base = `t-${randomUUID()}`;
    const go: ((line: string) => void)[] = [];
    let bothReady!: () => void;
    const ready = new Promise<void>((resolve) => (bothReady = resolve));
    const runs = [0, 1].map(() =>
      child([redis.url(), base, 'increment', '50'], (write) => {
        go.push(write);
        if (go.length === 2) bothReady();
      }),
    );
    // Both wait on stdin until the other is ready, so their updates overlap.
    await Promise.race([ready, Promise.all(runs)]);
    for (const write of go) write('go');
    await Promise.all(runs);
    const store = new UnstorageConfigStore(newStorage(base));
    expect((await store.get('hostinger'))?.extra.count).toBe('100');
  }, 60_000);

  it('updates through the compare-and-set path: no lock item is ever written', async () => {
    const storage = newStorage();
    const written: string[] = [];
    const spied = {
      ...storage,
      setItem: (key: string, value: string) => (written.push(key), storage.setItem(key, value)),
    };
    const store = new UnstorageConfigStore(spied as Storage);
    await Promise.all(
      Array.from({ length: 10 }, () =>
        store.update('hostinger', (c) => config({ extra: { count: String(Number(c?.extra.count ?? '0') + 1) } })),
      ),
    );
    expect((await store.get('hostinger'))?.extra.count).toBe('10');
    expect(written.filter((key) => key.endsWith('.lock'))).toEqual([]);
    expect(written.filter((key) => key.includes('hostinger'))).toEqual([]);
  });

  it('a prefixStorage() wrapper is detected and updated through the lock instead, at the right key', async () => {
    const storage = newStorage();
    const store = new UnstorageConfigStore(prefixStorage(storage, 'outer'), { lockSettleMs: 20 });
    await Promise.all(
      Array.from({ length: 10 }, () =>
        store.update('hostinger', (c) => config({ extra: { count: String(Number(c?.extra.count ?? '0') + 1) } })),
      ),
    );
    const raw = await client.get(rawKey(storage, 'outer:setec-hosting:hostinger'));
    expect(JSON.parse(raw!).extra.count).toBe('10');
    expect(await client.exists(rawKey(storage, 'setec-hosting:hostinger'))).toBe(0);
  });

  it('update honours the driver’s ttl option like its own writes', async () => {
    const base = `t-${randomUUID()}`;
    const storage = createStorage({ driver: redisDriver({ url: redis.url(), base, ttl: 3600 }) });
    storages.push(storage);
    await new UnstorageConfigStore(storage).update('hostinger', () => config());
    const ttl = await client.ttl(`${base}:setec-hosting:hostinger`);
    expect(ttl).toBeGreaterThan(3000);
    expect(ttl).toBeLessThanOrEqual(3600);
  });
});
