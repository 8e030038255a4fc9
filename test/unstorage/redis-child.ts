/**
 * A second process for the Redis tests: `node --import tsx redis-child.ts <redis-url> <base> <command> [arg]`.
 * Commands: `save <api_key>`; `get` (prints the config as JSON); `increment <n>` (prints "ready", waits for a
 * line on stdin, then runs n concurrent update() increments of extra.count).
 */
import { createInterface } from 'node:readline';
import { createStorage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';
import { UnstorageConfigStore } from '../../src/unstorage/index.js';

const [url, base, command, arg] = process.argv.slice(2);
const storage = createStorage({ driver: redisDriver({ url, base }) });
const store = new UnstorageConfigStore(storage);

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
