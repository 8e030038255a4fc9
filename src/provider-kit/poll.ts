/**
 * Polling with growing pauses, shared by every wait of the SDK (machines, snapshots, provider actions):
 * a deadline, a timeout error that names the last thing seen, and a stop as soon as the caller aborts.
 *
 * @module
 */
import type { CallOptions } from '../core/call-options.js';
import { TimeoutError, ValidationError } from '../core/errors.js';
import type { VmWait, VmWaitOptions } from '../core/vps.js';

/** How long a wait lasts when the caller does not say. */
export const DEFAULT_WAIT_TIMEOUT_MS = 600_000;
/** The first pause between two polls when the caller does not say. */
export const DEFAULT_WAIT_INTERVAL_MS = 2_000;
/** Pauses grow by this factor up to {@link MAX_WAIT_PAUSE_MS} (or the caller's interval, when larger). */
const GROWTH = 1.5;
const MAX_WAIT_PAUSE_MS = 30_000;

/** One poll's verdict: `done` with the value, or still waiting with what was seen (for the timeout message). */
export type PollResult<T> = { done: true; value: T } | { done: false; seen: string };

/** Options of {@link poll}. */
export interface PollOptions<T> extends CallOptions, VmWaitOptions {
  /** The provider, for the timeout error. */
  provider: string;
  /** What is awaited, for the timeout error: `'virtual machine "42" to be running'`. */
  what: string;
  /** One poll; it receives the caller's signal. A thrown error ends the wait with that error. */
  check(options: CallOptions): Promise<PollResult<T>>;
}

/**
 * Reads `wait` as the public options give it (`true`, or `{ timeoutMs?, intervalMs? }`): `undefined` when
 * the caller does not want to wait.
 * @throws {ValidationError} naming `wait` when it is neither a boolean nor positive finite numbers.
 * @example
 * ```ts
 * const wait = readWait(options?.wait); // before anything is sent
 * ```
 */
export function readWait(wait: VmWait | undefined, field = 'wait'): VmWaitOptions | undefined {
  if (wait === undefined || wait === false) return undefined;
  if (wait === true) return {};
  const fields: Record<string, string[]> = {};
  if (typeof wait !== 'object' || wait === null) fields[field] = ['must be true, false or { timeoutMs, intervalMs }'];
  else {
    for (const key of ['timeoutMs', 'intervalMs'] as const) {
      const value = wait[key];
      if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
        fields[`${field}.${key}`] = ['must be a number of milliseconds greater than 0'];
      }
    }
  }
  if (Object.keys(fields).length > 0) {
    throw new ValidationError(`Invalid wait options: ${Object.keys(fields).join(', ')}`, { fields });
  }
  return wait as VmWaitOptions;
}

/** Sleeps `ms`, or rejects with the signal's reason as soon as it aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const done = () => {
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/**
 * Calls `check` until it says `done`, pausing `intervalMs` first and then ×1.5 longer each time (at most
 * 30 s, or `intervalMs` when that is larger), never past the deadline. The first poll is immediate.
 *
 * @throws {TimeoutError} after `timeoutMs`, naming `what` and the last status seen.
 * @throws the signal's reason as soon as the caller aborts (a pause is cut short).
 * @example
 * ```ts
 * const vm = await poll({
 *   provider: 'example',
 *   what: `virtual machine "${id}" to be running`,
 *   timeoutMs: 300_000,
 *   signal,
 *   check: async (o) => {
 *     const vm = await source.get(id, o);
 *     return vm.status === 'running' ? { done: true, value: vm } : { done: false, seen: vm.status };
 *   },
 * });
 * ```
 */
export async function poll<T>(options: PollOptions<T>): Promise<T> {
  const { provider, what, check, signal } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  const interval = options.intervalMs ?? DEFAULT_WAIT_INTERVAL_MS;
  const maxPause = Math.max(MAX_WAIT_PAUSE_MS, interval);
  const deadline = Date.now() + timeoutMs;
  let next = interval;
  let polls = 0;
  for (;;) {
    signal?.throwIfAborted();
    const result = await check(signal ? { signal } : {});
    polls += 1;
    if (result.done) return result.value;
    const left = deadline - Date.now();
    if (left <= 0) {
      const seconds = Math.round(timeoutMs / 100) / 10;
      throw new TimeoutError(
        `Gave up waiting for ${what} after ${seconds} s (${polls} polls); last seen: ${result.seen || 'no status'}`,
        { provider },
      );
    }
    await pause(Math.min(next, left), signal);
    next = Math.min(next * GROWTH, maxPause);
  }
}
