import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ConfigStoreError } from '../core/errors.js';
import { codeOf, lstatIfExists, openFlags, type FileConfigStoreFs } from './fs-util.js';
import { newOwner, ownerState, parseOwner, type LockOwner } from './lock-owner.js';

// One queue per lock file: concurrent saves in this process wait here instead of spinning on the lock file.
const queues = new Map<string, Promise<void>>();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` holding `lock`: in-process callers queue, other processes are kept out by the lock file.
 *
 * The lock never exists without its owner: the owner (pid, host, start time, a nonce) is written to a
 * temp file first, which is then `link`ed to the lock name (failing atomically when the lock exists).
 * A lock whose owner is gone (same host, process not alive, or its pid now names another process) is
 * broken at once. A live owner is waited for. A lock with no readable owner, or one from another host,
 * is broken once it is older than `staleLockMs`.
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

/** `.<lock name>.<pid>.<hex>.<suffix>`: the names of a lock's own temp files (see `sweepLockLeftovers`). */
export function lockSideFile(lock: string, suffix: 'tmp' | 'broken'): string {
  const name = `.${path.basename(lock)}.${process.pid}.${randomBytes(6).toString('hex')}.${suffix}`;
  return path.join(path.dirname(lock), name);
}

async function acquire(io: () => FileConfigStoreFs, lock: string, staleLockMs: number): Promise<void> {
  const started = Date.now();
  const owner = await newOwner();
  const text = `${JSON.stringify(owner)}\n`;
  let tmp: string | undefined;
  try {
    for (let attempt = 0; ; attempt++) {
      const fs = io();
      if (fs.link) {
        tmp ??= await writeOwner(fs, lockSideFile(lock, 'tmp'), text);
        try {
          await fs.link(tmp, lock);
          return;
        } catch (error) {
          if (codeOf(error) === 'ENOENT')
            tmp = undefined; // our temp file was swept away: write it again
          else if (codeOf(error) !== 'EEXIST') throw error;
        }
      } else if (await createWithOwner(fs, lock, text)) {
        return;
      }
      const held = await inspect(fs, lock);
      if (!held) continue; // released in the meantime
      if (await mayBreak(held, staleLockMs)) {
        await breakLock(fs, lock, held.ino);
        continue;
      }
      if (Date.now() - started > 3 * staleLockMs) {
        throw new ConfigStoreError(`Timed out waiting for the lock ${lock}`, { reason: 'locked', path: lock });
      }
      await sleep(Math.min(100, 2 ** Math.min(attempt, 7)) * (0.5 + Math.random() / 2));
    }
  } finally {
    if (tmp)
      await io()
        .unlink(tmp)
        .catch(() => undefined);
  }
}

interface HeldLock {
  ino: number;
  mtimeMs: number;
  owner: LockOwner | undefined;
}

async function mayBreak(held: HeldLock, staleLockMs: number): Promise<boolean> {
  const state = await ownerState(held.owner);
  return state === 'dead' || (state === 'unknown' && Date.now() - held.mtimeMs > staleLockMs);
}

async function writeOwner(fs: FileConfigStoreFs, file: string, text: string): Promise<string> {
  const handle = await fs.open(file, openFlags('create'), 0o600);
  await handle.writeFile(text).finally(() => handle.close());
  return file;
}

/** Without `link` (an injected fs that lacks it): create the lock itself with O_EXCL, then write the owner. */
async function createWithOwner(fs: FileConfigStoreFs, lock: string, text: string): Promise<boolean> {
  try {
    await writeOwner(fs, lock, text);
    return true;
  } catch (error) {
    if (codeOf(error) !== 'EEXIST') throw error;
    return false;
  }
}

/** The lock's inode, age and owner; `undefined` when it is gone. */
async function inspect(fs: FileConfigStoreFs, lock: string): Promise<HeldLock | undefined> {
  let handle: Awaited<ReturnType<FileConfigStoreFs['open']>>;
  try {
    handle = await fs.open(lock, openFlags('read'));
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const st = await handle.stat();
    return { ino: st.ino, mtimeMs: st.mtimeMs, owner: parseOwner(await handle.readFile('utf8')) };
  } finally {
    await handle.close();
  }
}

/**
 * Removes the lock judged breakable, and only that one: it is renamed aside first, and if the file moved
 * is not the one judged (another process took the lock in between), it is linked back.
 */
async function breakLock(fs: FileConfigStoreFs, lock: string, ino: number): Promise<void> {
  if (!fs.link) {
    await fs.unlink(lock).catch(() => undefined);
    return;
  }
  const aside = lockSideFile(lock, 'broken');
  try {
    await fs.rename(lock, aside);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw error;
  }
  const moved = await lstatIfExists(fs, aside);
  if (moved && moved.ino !== ino) await fs.link(aside, lock).catch(() => undefined);
  await fs.unlink(aside).catch(() => undefined);
}
