import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import Redis from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHostingerSimulator, type HostingerSimulator } from '../../src/testing/index.js';
import { describeWithRedis, useRedisServer } from '../support/redis-server.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const CHILD = path.join(import.meta.dirname, 'cooldown-child.ts');

/** Starts one instance; `ready` once it is connected to Redis, `run()` lets it send and resolves with its outcome. */
function instance(args: string[]) {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: REPO });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const ready = new Promise<void>((resolve) =>
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready')) resolve();
    }),
  );
  const exited = new Promise<void>((resolve) => proc.on('close', () => resolve()));
  return {
    ready: Promise.race([ready, exited.then(() => Promise.reject(new Error(`instance exited: ${err}`)))]),
    async run(): Promise<Record<string, unknown>> {
      proc.stdin.write('go\n');
      await exited;
      const last = out.trim().split('\n').at(-1) ?? '';
      if (!last.startsWith('{')) throw new Error(`instance failed: ${err}`);
      return JSON.parse(last) as Record<string, unknown>;
    },
  };
}

describeWithRedis('unstorage: sharedCooldown on a real Redis server', () => {
  const redis = useRedisServer();
  let sim: HostingerSimulator;
  let server: ServerType;
  let origin = '';
  const arrivals: number[] = [];

  beforeAll(async () => {
    sim = createHostingerSimulator();
    // The simulator behind a real server on 127.0.0.1 that notes when each request arrives.
    server = serve({
      fetch: (request: Request) => {
        arrivals.push(Date.now());
        return sim.fetch(request);
      },
      port: 0,
      hostname: '127.0.0.1',
    });
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it('two processes on one Redis: after one sees a 429 with Retry-After: 2, the other’s next request waits until the cool-down ends', async () => {
    sim.inject({ status: 429, headers: { 'Retry-After': '2' }, times: 1 });
    const first = instance([redis.url(), origin, sim.token, '0']);
    const second = instance([redis.url(), origin, sim.token, '3']);
    await Promise.all([first.ready, second.ready]);

    expect(await first.run()).toEqual({ ok: false, name: 'RateLimitError', retryAfter: 2 });
    expect(arrivals).toHaveLength(1);
    const client = new Redis(redis.url());
    const keys = await client.keys('setec-hosting:cooldown:*');
    const until = Number(await client.get(keys[0]!));
    await client.quit();
    expect(keys).toEqual([expect.stringMatching(/^setec-hosting:cooldown:hostinger:[0-9a-f]{32}$/)]);
    expect(keys[0]).not.toContain(sim.token);
    expect(until).toBeGreaterThanOrEqual(arrivals[0]! + 2000);

    const outcome = await second.run();
    expect(outcome).toEqual({ ok: true, records: expect.any(Number) });
    expect(outcome.records).toBeGreaterThan(0);
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]!).toBeGreaterThanOrEqual(until);
  }, 60_000);
});
