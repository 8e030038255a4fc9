/**
 * How a failed write says it changed nothing, so that callers (`applyPlan`, the CLI's rollback file) tell a
 * refusal from a write that stopped midway.
 * @module
 */
import { HostingError, TimeoutError } from './errors.js';

const NOTHING_WRITTEN = Symbol.for('setec-hosting.nothing-written');

/**
 * Marks `error` as thrown by a write that committed nothing (a check before anything was sent, or a
 * refusal of an all-or-nothing request), and returns it. An error without this mark may come from a
 * write that landed in part.
 *
 * @example
 * ```ts
 * import { markNothingWritten } from 'setec-hosting/provider-kit';
 *
 * try { await client.request({ method: 'POST', path: 'zones/example.com/validate', json }); }
 * catch (error) { throw markNothingWritten(error); }
 * ```
 */
export function markNothingWritten<E>(error: E): E {
  if (typeof error === 'object' && error !== null && Object.isExtensible(error))
    Object.defineProperty(error, NOTHING_WRITTEN, { value: true, enumerable: false, configurable: true });
  return error;
}

/**
 * True when `error` is marked by {@link markNothingWritten}: the write that threw it changed nothing.
 *
 * @example
 * ```ts
 * if (!wroteNothing(error)) await saveRollbackFile();
 * ```
 */
export function wroteNothing(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { [NOTHING_WRITTEN]?: true })[NOTHING_WRITTEN] === true
  );
}

/**
 * True for a provider's answer that refused a request (HTTP 4xx: bad input, a conflict, a rate limit),
 * which the request itself did not carry out. A timeout, an abort, a network error or a 5xx may have
 * landed, so they are not refusals.
 *
 * @example
 * ```ts
 * if (isRefusal(error)) markNothingWritten(error); // for a write sent as one all-or-nothing request
 * ```
 */
export function isRefusal(error: unknown): boolean {
  return error instanceof HostingError && !(error instanceof TimeoutError) && error.status >= 400 && error.status < 500;
}
