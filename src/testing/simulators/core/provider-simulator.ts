/**
 * What every provider simulator is made of besides its routes: the request log, fault injection, latency,
 * the `fetch` handler, msw handlers and a real server on 127.0.0.1.
 * @module
 */
import type { Server } from 'node:http';
import { ValidationError } from '../../../core/errors.js';
import { type FaultErrorBody, FaultQueue, type SimulatorFault, sleep } from './faults.js';
import { type SimAnswer, startServer, stopServer } from './server.js';
import { loadMsw, networkError, readBody } from './transport.js';

/**
 * An msw request handler (msw's `RequestHandler`), as returned by `sim.handlers()`. Declared as `any` so the type
 * declarations of `setec-hosting/testing` load without msw installed (msw is an optional peer), while
 * `setupServer(...sim.handlers())` still type-checks; write `sim.handlers<RequestHandler>()` for msw's own type.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: msw is an optional peer
export type MswRequestHandler = any;

/** One request the simulator received (headers are not logged: they carry the token). */
export interface SimulatorRequestLog {
  method: string;
  /** Path without query, e.g. `/api/dns/v1/zones/example.com`. */
  path: string;
  /** Query string with its `?`, or `''`. */
  search: string;
  /** Parsed JSON body, the raw text when it is not JSON, or `undefined` when empty. */
  body: unknown;
}

/**
 * What every provider simulator of `setec-hosting/testing` offers, whatever the provider: ways to serve it
 * (`fetch`, msw `handlers()`, a real server), fault injection, latency, the request log and its state.
 * @typeParam State the provider's simulated account
 */
export interface ProviderSimulator<State> {
  /** The API token requests must carry as `Authorization: Bearer <token>`. */
  readonly token: string;
  /** The origin `handlers()` intercepts by default, without a trailing slash. */
  readonly baseUrl: string;
  /** Web-standard handler: answers like the provider; usable as a `fetch` replacement. Rejects with a `TypeError` for an injected network error. */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** msw handlers serving `baseUrl` (requires `msw` to be installed; see {@link MswRequestHandler}). */
  handlers<Handler = MswRequestHandler>(baseUrl?: string): Handler[];
  /** Starts a real HTTP server on 127.0.0.1. @returns its origin, `http://127.0.0.1:<port>` */
  listen(port?: number): Promise<string>;
  /** Stops every server started by `listen()`. */
  close(): Promise<void>;
  /**
   * Answers the next `times` matching requests with a fault (status, network error or delay).
   * @throws RangeError when `times` is not greater than 0, `status` is not a whole number from 200 to 599, or
   * `delayMs` is negative or not finite (nothing is queued then)
   */
  inject(fault: SimulatorFault): void;
  /** Milliseconds added before every response. @default 0 */
  latencyMs: number;
  /** Every request received, oldest first. */
  readonly requests: readonly SimulatorRequestLog[];
  /** State back to the ready-made account (or the empty one); faults, latency and the request log cleared. */
  reset(): void;
  /** The account, for assertions and set-up (mutable). */
  readonly state: State;
}

/**
 * The options every simulator shares, with the defaults applied.
 * @internal
 */
export interface SimulatorSettings {
  token: string;
  seed: boolean;
  baseUrl: string;
}

/** A token as `Authorization: Bearer` carries it (RFC 6750 `b64token`). */
const TOKEN = /^[A-Za-z0-9._~+/-]+=*$/;

/**
 * Applies the shared defaults (`token` `'test-token'`, `seed` true) and drops the trailing slashes of `baseUrl`.
 * @throws ValidationError when the token could not travel in an `Authorization: Bearer` header
 * @internal
 */
export function simulatorSettings(
  options: { token?: string; seed?: boolean; baseUrl?: string },
  defaultBaseUrl: string,
): SimulatorSettings {
  const token = options.token ?? 'test-token';
  if (!TOKEN.test(token)) {
    const rule = 'must be letters, digits and -._~+/ (optionally ending in =), not empty';
    throw new ValidationError(`simulator token ${rule}`, { fields: { token: [rule] } });
  }
  return { token, seed: options.seed ?? true, baseUrl: (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, '') };
}

/**
 * What a provider gives the shared core.
 * @internal
 */
export interface ProviderSimulatorSetup<State> {
  settings: SimulatorSettings;
  /** Path prefix the msw handlers intercept under the origin, e.g. `/api` or `/v2`. */
  apiPrefix: string;
  /** Holds the current state; the provider's app reads it from here, `reset()` replaces it. */
  runtime: { state: State };
  /** A fresh account, as `settings.seed` asks. */
  freshState(): State;
  /** The provider's routes (a hono app). */
  app: { fetch(request: Request): Response | Promise<Response> };
  /** The provider's JSON error body for faults that give a status and no body. */
  faultErrorBody: FaultErrorBody;
}

/**
 * Builds a simulator around a provider's app: every request is logged, may meet an injected fault, waits
 * `latencyMs`, and is then answered by the app.
 * @internal
 */
export function createProviderSimulator<State>(setup: ProviderSimulatorSetup<State>): ProviderSimulator<State> {
  const { settings, runtime, app } = setup;
  const faults = new FaultQueue(setup.faultErrorBody);
  const log: SimulatorRequestLog[] = [];
  const servers = new Set<Server>();

  const answer = async (request: Request): Promise<SimAnswer> => {
    const url = new URL(request.url);
    log.push({ method: request.method, path: url.pathname, search: url.search, body: await readBody(request) });
    const fault = faults.take(request.method, url.pathname);
    await sleep((fault?.delayMs ?? 0) + sim.latencyMs, request.signal);
    if (fault?.kind === 'network-error') return 'network-error';
    if (fault?.kind === 'response') return fault.response;
    return app.fetch(request);
  };

  const sim: ProviderSimulator<State> = {
    token: settings.token,
    baseUrl: settings.baseUrl,
    latencyMs: 0,
    get requests() {
      return log;
    },
    get state() {
      return runtime.state;
    },
    async fetch(input, init) {
      const request = input instanceof Request && init === undefined ? input : new Request(input, init);
      const result = await answer(request);
      if (result === 'network-error') throw networkError();
      return result;
    },
    handlers<Handler>(origin = settings.baseUrl): Handler[] {
      const { http, HttpResponse } = loadMsw();
      const handlers = [
        http.all(`${origin.replace(/\/+$/, '')}${setup.apiPrefix}/*`, async ({ request }) => {
          const result = await answer(request);
          return result === 'network-error' ? HttpResponse.error() : result;
        }),
      ];
      return handlers as Handler[];
    },
    async listen(port) {
      const { server, origin } = await startServer(answer, port);
      servers.add(server);
      return origin;
    },
    async close() {
      const running = [...servers];
      servers.clear();
      await Promise.all(running.map(stopServer));
    },
    inject(fault) {
      faults.add(fault);
    },
    reset() {
      runtime.state = setup.freshState();
      faults.clear();
      log.length = 0;
      sim.latencyMs = 0;
    },
  };
  return sim;
}
