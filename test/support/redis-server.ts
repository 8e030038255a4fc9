/**
 * A real `redis-server` for tests: each call to {@link startRedisServer} starts its own server on a free port of
 * 127.0.0.1, in a fresh temporary directory, with persistence off (`--save '' --appendonly no`); it is ready once
 * it answers PING, and `stop()` ends it by its pid and removes the directory.
 *
 * Without `redis-server` on PATH, {@link describeWithRedis} skips its suite after printing one notice; under
 * `CI=true` a missing server is a failure instead (`.ci/run` installs the Debian package `redis-server`).
 *
 * @example
 * ```ts
 * describeWithRedis('my suite on Redis', () => {
 *   const redis = useRedisServer();
 *   it('works', async () => { const client = new Redis(redis.url()); ... });
 * });
 * ```
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { redisServerPath, startRedisServer, type RedisServer } from './redis-process.js';

export { redisServerPath, startRedisServer, type RedisServer } from './redis-process.js';

/**
 * Starts one server for the enclosing `describe` (beforeAll) and stops it afterwards (afterAll).
 * The returned object's getters read the running server.
 */
export function useRedisServer(): { url(): string; port(): number; server(): RedisServer } {
  let server: RedisServer | undefined;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });
  const current = () => {
    if (!server) throw new Error('the Redis server is not started yet (use it inside a test or hook)');
    return server;
  };
  return { url: () => current().url, port: () => current().port, server: current };
}

let noticePrinted = false;

/**
 * `describe` when `redis-server` is on PATH. Otherwise: under `CI=true`, a suite whose one test fails saying the
 * server is missing; elsewhere `describe.skip`, after printing a notice once.
 */
export const describeWithRedis = ((name: string, fn: () => void) => {
  if (redisServerPath) return describe(name, fn);
  if (process.env.CI === 'true' || process.env.CI === '1') {
    return describe(name, () => {
      it('needs redis-server on PATH (CI installs the Debian package redis-server)', () => {
        throw new Error('redis-server is not on PATH: under CI=true the Redis tests must run, not skip');
      });
    });
  }
  if (!noticePrinted) {
    noticePrinted = true;
    console.warn('redis-server is not on PATH: the tests that need a real Redis server are skipped.');
  }
  return describe.skip(name, fn);
}) as (name: string, fn: () => void) => void;
