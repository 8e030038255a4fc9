/**
 * `get` latency of the credential stores: FileConfigStore, UnstorageConfigStore on a real Redis (unstorage's
 * redis driver over ioredis, a private redis-server on 127.0.0.1), the same wrapped in EncryptedConfigStore,
 * and the in-memory stores for reference. Prints one table (markdown with `BENCH_MARKDOWN=1`); docs/benchmarks.md
 * records a run. Needs `redis-server` on PATH.
 *
 * Run: `npm run bench:config` (`BENCH_TIME=<ms per store>`, default 3000, spread over 3 rounds).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Bench } from 'tinybench';
import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';
import redisDriver from 'unstorage/drivers/redis';
import {
  EncryptedConfigStore,
  FileConfigStore,
  MemoryConfigStore,
  type ConfigStore,
  type ProviderConfig,
} from '../src/index.js';
import { UnstorageConfigStore } from '../src/unstorage/index.js';
import { startRedisServer } from '../test/support/redis-process.js';
import { printTable, ratio, summarize } from './report.js';

const TIME = Number(process.env.BENCH_TIME ?? 3000);
const ROUNDS = 3;
const config: ProviderConfig = {
  provider: 'hostinger',
  api_key: 'x'.repeat(48),
  api_secret: '',
  extra: { base_url: 'https://developers.hostinger.com' },
  connected: true,
};
const keys = { primary: randomBytes(32) };
const encrypt = (inner: ConfigStore) => new EncryptedConfigStore(inner, { keys, primaryKeyId: 'primary' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setec-bench-config-'));
const redis = await startRedisServer();
const redisStorage = createStorage({ driver: redisDriver({ url: redis.url }) });
try {
  const stores: [string, ConfigStore][] = [
    ['MemoryConfigStore', new MemoryConfigStore()],
    ['UnstorageConfigStore, memory driver', new UnstorageConfigStore(createStorage({ driver: memoryDriver() }))],
    ['FileConfigStore', new FileConfigStore(path.join(dir, 'files'))],
    ['EncryptedConfigStore over FileConfigStore', encrypt(new FileConfigStore(path.join(dir, 'encrypted-files')))],
    ['UnstorageConfigStore, Redis', new UnstorageConfigStore(redisStorage, { prefix: 'plain' })],
    [
      'EncryptedConfigStore over UnstorageConfigStore, Redis',
      encrypt(new UnstorageConfigStore(redisStorage, { prefix: 'enc' })),
    ],
  ];
  for (const [name, store] of stores) {
    await store.save(config);
    if ((await store.get('hostinger'))?.api_key !== config.api_key)
      throw new Error(`${name}: get returned another config`);
  }
  // Rounds rotate the order, so a burst of load on the shared machine does not land on one store only.
  const samples = new Map(stores.map(([name]) => [name, [] as number[]]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < stores.length; k++) {
      const [name, store] = stores[(k + round) % stores.length]!;
      const bench = new Bench({ time: TIME / ROUNDS, warmupTime: 100, retainSamples: true, throws: true });
      bench.add(name, () => store.get('hostinger'));
      await bench.run();
      const result = bench.tasks[0]!.result;
      if (result.state !== 'completed') throw new Error(`${name}: ${result.state}`);
      samples.get(name)!.push(...(result.latency.samples ?? []));
    }
  }
  const stats = new Map([...samples].map(([name, s]) => [name, summarize(s)]));
  const file = stats.get('FileConfigStore')!;
  const rows = [...stats].map(([name, s]) => ({
    store: name,
    samples: s.n,
    'mean (µs)': (s.mean * 1000).toFixed(1),
    '± 95% (µs)': (s.ci95 * 1000).toFixed(1),
    'p50 (µs)': (s.p50 * 1000).toFixed(1),
    'p99 (µs)': (s.p99 * 1000).toFixed(1),
    'p50 / file': ratio(s.p50, file.p50),
  }));
  console.log(
    `node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(2)}, ${TIME} ms per store`,
  );
  printTable('ConfigStore.get latency (one provider, warm)', rows);
} finally {
  await redisStorage.dispose();
  await redis.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
