import type { Server } from 'node:http';
import { createSimulatorApp } from './app.js';
import { FaultQueue, type SimulatorFault, sleep } from './faults.js';
import { createState } from './seed.js';
import { type SimAnswer, startServer, stopServer } from './server.js';
import type { SimRuntime, SimulatorState } from './state.js';
import { loadMsw, networkError, readBody } from './transport.js';

/**
 * An msw request handler (msw's `RequestHandler`), as returned by `sim.handlers()`. Declared as `any` so the type
 * declarations of `setec-hosting/testing` load without msw installed (msw is an optional peer), while
 * `setupServer(...sim.handlers())` still type-checks; write `sim.handlers<RequestHandler>()` for msw's own type.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: msw is an optional peer
export type MswRequestHandler = any;

/** Options of {@link createHostingerSimulator}. */
export interface HostingerSimulatorOptions {
  /**
   * The API token requests must carry as `Authorization: Bearer <token>`.
   * @default 'test-token'
   */
  token?: string;
  /**
   * Start with the seeded account (3 domains with zones, 2 VMs, 3 SSH keys, subscriptions); `false` starts
   * with no domains, VMs, keys or subscriptions (catalog, data centers, templates and payment methods stay).
   * @default true
   */
  seed?: boolean;
  /**
   * The origin `handlers()` intercepts.
   * @default 'https://developers.hostinger.com'
   */
  baseUrl?: string;
  /**
   * Public keys per page of `GET /api/vps/v1/public-keys`.
   * @default 15
   */
  pageSize?: number;
}

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

/** A stateful in-memory fake of the Hostinger API subset the SDK uses. */
export interface HostingerSimulator {
  readonly token: string;
  readonly baseUrl: string;
  /** Web-standard handler: answers like Hostinger; usable as a `fetch` replacement. Rejects with a `TypeError` for an injected network error. */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** msw handlers serving `baseUrl` (requires `msw` to be installed; see {@link MswRequestHandler}). */
  handlers<Handler = MswRequestHandler>(baseUrl?: string): Handler[];
  /** Starts a real HTTP server on 127.0.0.1. @returns its origin, `http://127.0.0.1:<port>` */
  listen(port?: number): Promise<string>;
  /** Stops every server started by `listen()`. */
  close(): Promise<void>;
  /** Answers the next `times` matching requests with a fault (status, network error or delay). */
  inject(fault: SimulatorFault): void;
  /** Milliseconds added before every response. @default 0 */
  latencyMs: number;
  /** Every request received, oldest first. */
  readonly requests: readonly SimulatorRequestLog[];
  /** State back to the ready-made account (or the empty one); faults, latency and the request log cleared. */
  reset(): void;
  /** The account, for assertions and set-up (mutable; `state.paymentPending` makes purchases answer 202). */
  readonly state: SimulatorState;
}

/**
 * Creates a Hostinger API simulator: DNS zones (record-set semantics, quoted TXT, `[DNS:4008]` conflicts),
 * domains, VPS, SSH keys and billing, with Bearer auth, Hostinger-shaped errors and fault injection.
 * @example
 * const sim = createHostingerSimulator();
 * const server = setupServer(...sim.handlers());
 * sim.inject({ status: 429, headers: { 'Retry-After': '2' }, body: 'error code: 1015' });
 */
export function createHostingerSimulator(options: HostingerSimulatorOptions = {}): HostingerSimulator {
  const token = options.token ?? 'test-token';
  const seed = options.seed ?? true;
  const baseUrl = (options.baseUrl ?? 'https://developers.hostinger.com').replace(/\/+$/, '');
  const runtime: SimRuntime = { state: createState(seed), pageSize: options.pageSize ?? 15 };
  const app = createSimulatorApp(runtime, token);
  const faults = new FaultQueue();
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

  const sim: HostingerSimulator = {
    token,
    baseUrl,
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
    handlers<Handler>(origin = baseUrl): Handler[] {
      const { http, HttpResponse } = loadMsw();
      const handlers = [
        http.all(`${origin.replace(/\/+$/, '')}/api/*`, async ({ request }) => {
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
      runtime.state = createState(seed);
      faults.clear();
      log.length = 0;
      sim.latencyMs = 0;
    },
  };
  return sim;
}
