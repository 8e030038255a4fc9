/**
 * A second process for the multi-process tests: `node --import tsx store-child.ts <driver> <where> <command> [arg]`,
 * with driver `redis` (where: `<url>|<base>`) or `fs` (where: a directory; the lock path, short settle time).
 * Commands: `save <api_key>`; `get` (prints the config as JSON); `increment <n>` (prints "ready", waits for a
 * line on stdin, then runs n concurrent update() increments of extra.count).
 */
import { createInterface } from 'node:readline';
import { createStorage } from 'unstorage';
import fsDriver from 'unstorage/drivers/fs';
import redisDriver from 'unstorage/drivers/redis';
import { UnstorageConfigStore } from '../../src/unstorage/index.js';

const [driver, where, command, arg] = process.argv.slice(2) as [string, string, string, string | undefined];
const [url, base] = where.split('|');
const storage = createStorage({ driver: driver === 'fs' ? fsDriver({ base: where }) : redisDriver({ url, base }) });
const store = new UnstorageConfigStore(storage, driver === 'fs' ? { lockSettleMs: 25, lockTtlMs: 2000 } : {});

if (command === 'save') {
  await store.save({ provider: 'hostinger', api_key: arg!, api_secret: '', extra: {}, connected: true });
} else if (command === 'get') {
  console.log(JSON.stringify((await store.get('hostinger')) ?? null));
} else if (command === 'increment') {
  console.log('ready');
  await new Promise((resolve) => createInterface({ input: process.stdin }).once('line', resolve));
  await Promise.all(
    Array.from({ length: Number(arg) }, () =>
      store.update('hostinger', (c) => {
        const current = c ?? { provider: 'hostinger', api_key: 'k', api_secret: '', extra: {}, connected: false };
        return { ...current, extra: { count: String(Number(current.extra.count ?? '0') + 1) } };
      }),
    ),
  );
}
await storage.dispose();
process.exit(0);
