/**
 * One instance of the shared cool-down test: a Hostinger provider whose `sharedCooldown` is an unstorage
 * Storage on Redis. Prints "ready", waits for a line on stdin, lists `example.com` and prints the outcome as JSON.
 * Arguments: <redis url> <API origin> <token> <retry limit>.
 */
import { createInterface } from 'node:readline';
import { createStorage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';
import { createHostingerProvider } from '../../src/hostinger/index.js';

const [url, origin, token, limit] = process.argv.slice(2) as [string, string, string, string];
const storage = createStorage({ driver: redisDriver({ url }) });
const provider = createHostingerProvider({
  apiKey: token,
  baseUrl: origin,
  sharedCooldown: storage,
  retry: { limit: Number(limit) },
});
// Connect before "ready", so the measured request is not slowed by the first connection.
await storage.hasItem('warm-up');
console.log('ready');
await new Promise((resolve) => createInterface({ input: process.stdin }).once('line', resolve));
const outcome = await provider.dns.list('example.com').then(
  (records) => ({ ok: true, records: records.length }),
  (error: Error & { retryAfter?: number }) => ({ ok: false, name: error.name, retryAfter: error.retryAfter }),
);
console.log(JSON.stringify(outcome));
await storage.dispose();
process.exit(0);
