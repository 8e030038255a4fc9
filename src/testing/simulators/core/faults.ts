/**
 * Fault injection both simulators share: which request a fault matches, how many times, and the answer it
 * gives instead of (or before) the normal response.
 * @module
 */

/** A fault the simulator answers instead of (or before) the normal response. */
export interface SimulatorFault {
  /** Status to answer with. Without `status` and `networkError` the fault only delays the normal response. */
  status?: number;
  /**
   * How many matching requests the fault answers.
   * @default 1
   */
  times?: number;
  /** Response headers, e.g. `{ 'Retry-After': '2' }`. */
  headers?: Record<string, string>;
  /**
   * Response body, sent as given. A fault with a status and no body answers the provider's JSON error shape.
   */
  body?: string;
  /** Only requests with this method match (case-insensitive). */
  method?: string;
  /** Only requests whose path equals this string, or matches this RegExp. */
  path?: string | RegExp;
  /** Fail the connection instead of answering (msw `HttpResponse.error()`, a destroyed socket on `listen()`). */
  networkError?: boolean;
  /** Wait this long before answering (or before the normal response when the fault has no status). */
  delayMs?: number;
}

/** Marker header on fault responses, so spec checks can tell a deliberate off-spec answer from a simulator bug. */
export const FAULT_HEADER = 'x-simulator-fault';

/**
 * What the simulator does with a request when a fault matches.
 * @internal
 */
export type FaultOutcome =
  | { kind: 'delay'; delayMs: number }
  | { kind: 'network-error'; delayMs: number }
  | { kind: 'response'; delayMs: number; response: Response };

interface ActiveFault {
  fault: SimulatorFault;
  remaining: number;
}

const STATUS_TEXT: Record<number, string> = {
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * The JSON error body a fault without `body` answers, e.g. Hostinger's `{message, correlation_id}`.
 * @internal
 */
export type FaultErrorBody = (status: number, message: string) => unknown;

/**
 * Queue of injected faults; the first one that matches a request answers it.
 * @internal
 */
export class FaultQueue {
  #faults: ActiveFault[] = [];

  /** @param errorBody the provider's error shape for faults that give a status and no body */
  constructor(private readonly errorBody: FaultErrorBody) {}

  /**
   * Queues `fault` behind the ones already queued.
   * @throws RangeError when `times` is not greater than 0, `status` is not a whole number from 200 to 599
   * (what a `Response` can carry), or `delayMs` is negative or not finite; nothing is queued then
   */
  add(fault: SimulatorFault): void {
    const times = fault.times ?? 1;
    if (!(times > 0)) throw new RangeError('inject: times must be greater than 0');
    const { status, delayMs } = fault;
    if (status !== undefined && !(Number.isInteger(status) && status >= 200 && status <= 599))
      throw new RangeError('inject: status must be a whole number from 200 to 599');
    if (delayMs !== undefined && !(Number.isFinite(delayMs) && delayMs >= 0))
      throw new RangeError('inject: delayMs must be a finite number of milliseconds, 0 or more');
    this.#faults.push({ fault, remaining: times });
  }

  /** Drops every queued fault. */
  clear(): void {
    this.#faults = [];
  }

  /** Consumes one use of the first matching fault and says what to do, or `undefined` when none matches. */
  take(method: string, path: string): FaultOutcome | undefined {
    const index = this.#faults.findIndex(({ fault }) => matches(fault, method, path));
    if (index === -1) return undefined;
    const active = this.#faults[index]!;
    active.remaining -= 1;
    if (active.remaining <= 0) this.#faults.splice(index, 1);
    const { fault } = active;
    const delayMs = fault.delayMs ?? 0;
    if (fault.networkError) return { kind: 'network-error', delayMs };
    if (fault.status === undefined) return { kind: 'delay', delayMs };
    return { kind: 'response', delayMs, response: faultResponse(fault, fault.status, this.errorBody) };
  }
}

function matches(fault: SimulatorFault, method: string, path: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false;
  if (fault.path === undefined) return true;
  return typeof fault.path === 'string' ? fault.path === path : fault.path.test(path);
}

function faultResponse(fault: SimulatorFault, status: number, errorBody: FaultErrorBody): Response {
  const headers = new Headers(fault.headers);
  headers.set(FAULT_HEADER, 'true');
  let body: string | null = fault.body ?? null;
  if (body === null && status >= 400) {
    body = JSON.stringify(errorBody(status, STATUS_TEXT[status] ?? 'Error'));
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  } else if (body !== null && !headers.has('content-type')) {
    headers.set('content-type', 'text/plain; charset=UTF-8');
  }
  // 204/304 must not carry a body.
  if (status === 204 || status === 304) body = null;
  return new Response(body, { status, headers });
}

/**
 * Sleeps `ms`, rejecting early with the signal's reason when it aborts.
 * @internal
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
