import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { codeOf } from './fs-util.js';

/** Who holds a lock file: written into it before the lock exists under its name. */
export interface LockOwner {
  /** Process id of the holder. */
  pid: number;
  /** `os.hostname()` of the holder: a pid only means something on its own host. */
  host: string;
  /** Random, unique per lock taken. */
  nonce: string;
  /** When the holder process started (ms since the epoch, `performance.timeOrigin`). */
  since: number;
  /** Linux only: the holder's start time in clock ticks since boot (`/proc/<pid>/stat`), to tell a reused pid apart. */
  start?: string;
}

/** What the owner recorded in a lock tells about it. */
export type OwnerState = 'alive' | 'dead' | 'unknown';

/** Linux: field 22 of `/proc/<pid>/stat`, the process start time; `undefined` elsewhere or when gone. */
async function startTimeOf(pid: number): Promise<string | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')', which ends it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

let ownStart: Promise<string | undefined> | undefined;

/** A fresh owner record for this process. */
export async function newOwner(): Promise<LockOwner> {
  ownStart ??= startTimeOf(process.pid);
  const start = await ownStart;
  return {
    pid: process.pid,
    host: os.hostname(),
    nonce: randomBytes(8).toString('hex'),
    since: Math.round(performance.timeOrigin),
    ...(start === undefined ? {} : { start }),
  };
}

/** Reads an owner record; `undefined` for anything else (an empty file, a bare pid from older versions). */
export function parseOwner(text: string): LockOwner | undefined {
  let data: Partial<Record<keyof LockOwner, unknown>>;
  try {
    data = JSON.parse(text) as typeof data;
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { pid, host, nonce, since, start } = data;
  // pid 0 and negative pids name process groups in process.kill: never accept them.
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return undefined;
  if (typeof host !== 'string' || typeof nonce !== 'string' || typeof since !== 'number') return undefined;
  if (start !== undefined && typeof start !== 'string') return undefined;
  return { pid, host, nonce, since, ...(start === undefined ? {} : { start }) };
}

/**
 * Whether a lock's owner still runs. `unknown` when there is no readable owner or it lives on another
 * host (a shared network directory): the caller then falls back to the lock's age.
 */
export async function ownerState(owner: LockOwner | undefined): Promise<OwnerState> {
  if (!owner || owner.host !== os.hostname()) return 'unknown';
  if (owner.pid === process.pid) {
    // This very process, unless an earlier process had the same pid (a restarted container's pid 1).
    return owner.since === Math.round(performance.timeOrigin) ? 'alive' : 'dead';
  }
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if (codeOf(error) === 'ESRCH') return 'dead';
    // EPERM: the process exists but belongs to another user.
  }
  if (owner.start !== undefined) {
    const start = await startTimeOf(owner.pid);
    if (start !== undefined && start !== owner.start) return 'dead'; // the pid now belongs to another process
  }
  return 'alive';
}

/** Whether process `pid` of this host is gone (ESRCH); used for leftover files named by their writer's pid. */
export function pidIsGone(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return codeOf(error) === 'ESRCH';
  }
}
