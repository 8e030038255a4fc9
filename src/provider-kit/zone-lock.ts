/**
 * One queue per key for the whole process: what {@link DnsSource.lockKey} asks the kit for, and what an
 * adapter uses for requests its API takes one at a time.
 *
 * @module
 */
import type { DnsSource } from './dns-source.js';

const tails = new Map<string, Promise<unknown>>();

/**
 * Runs `work` after every earlier call with the same `key` has settled (a failure does not block the next);
 * without a key, at once. Keys leave the map when their queue is empty.
 *
 * @example
 * ```ts
 * await exclusive('powerdns http://127.0.0.1:8081 example.com', () => readThenWrite());
 * ```
 */
export function exclusive<T>(key: string | undefined, work: () => Promise<T>): Promise<T> {
  if (key === undefined) return work();
  const run = (tails.get(key) ?? Promise.resolve()).then(work, work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, settled);
  void settled.then(() => {
    if (tails.get(key) === settled) tails.delete(key);
  });
  return run;
}

/** `work` under the source's lock for `zone`, if it names one. */
export const lockedFor = <T>(source: DnsSource, zone: string, work: () => Promise<T>): Promise<T> =>
  exclusive(source.lockKey?.(zone), work);
