import { ConfigStoreError } from '../core/errors.js';
import { codeOf, lstatIfExists, openFlags, type FileConfigStoreFs } from './fs-util.js';

// One queue per lock file: concurrent saves in this process wait here instead of spinning on the lock file.
const queues = new Map<string, Promise<void>>();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` holding `lock`: in-process callers queue, other processes are kept out by the lock file
 * (created with O_EXCL, removed afterwards). A lock file older than `staleLockMs` was left by a crashed
 * process and is broken. Two processes breaking the same stale lock at the same instant could both
 * proceed; the window is one `unlink` wide.
 *
 * @throws {ConfigStoreError} (`reason: 'locked'`) after waiting three times `staleLockMs`.
 */
export async function withFileLock<T>(
  io: () => FileConfigStoreFs,
  lock: string,
  staleLockMs: number,
  fn: () => Promise<T>,
): Promise<T> {
  const previous = queues.get(lock) ?? Promise.resolve();
  let release!: () => void;
  const mine = previous.then(() => new Promise<void>((resolve) => (release = resolve)));
  queues.set(lock, mine);
  await previous;
  try {
    await acquire(io, lock, staleLockMs);
    try {
      return await fn();
    } finally {
      await io()
        .unlink(lock)
        .catch(() => undefined);
    }
  } finally {
    release();
    if (queues.get(lock) === mine) queues.delete(lock);
  }
}

async function acquire(io: () => FileConfigStoreFs, lock: string, staleLockMs: number): Promise<void> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await io().open(lock, openFlags('create'), 0o600);
      await handle.writeFile(`${process.pid}\n`).finally(() => handle.close());
      return;
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw error;
    }
    const st = await lstatIfExists(io(), lock);
    if (st && Date.now() - st.mtimeMs > staleLockMs) {
      // Left behind by a crashed process: break it.
      await io()
        .unlink(lock)
        .catch(() => undefined);
      continue;
    }
    if (Date.now() - started > 3 * staleLockMs) {
      throw new ConfigStoreError(`Timed out waiting for the lock ${lock}`, { reason: 'locked', path: lock });
    }
    await sleep(Math.min(100, 2 ** Math.min(attempt, 7)) * (0.5 + Math.random() / 2));
  }
}
