import type { Server } from 'node:http';
import { FaultQueue, type SimulatorFault, sleep } from '../simulator/faults.js';
import { type SimAnswer, startServer, stopServer } from '../simulator/server.js';
import type { MswRequestHandler, SimulatorRequestLog } from '../simulator/simulator.js';
import { loadMsw, networkError, readBody } from '../simulator/transport.js';
import { createDoApp } from './app.js';
import { errorBody } from './responses.js';
import { createDoState } from './seed.js';
import type { DigitalOceanSimulatorState, DoRuntime } from './state.js';

/** Options of {@link createDigitalOceanSimulator}. */
export interface DigitalOceanSimulatorOptions {
  /**
   * The API token requests must carry as `Authorization: Bearer <token>`.
   * @default 'test-token'
   */
  token?: string;
  /**
   * Start with the seeded account (zones `example.com` and `setec-demo.org`, droplets `web-1` and `db-1`,
   * two SSH keys); `false` starts with none of those (regions, sizes and images stay).
   * @default true
   */
  seed?: boolean;
  /**
   * The origin `handlers()` intercepts.
   * @default 'https://api.digitalocean.com'
   */
  baseUrl?: string;
  /**
   * The clock the rate-limit headers read (epoch milliseconds).
   * @default Date.now
   */
  now?: () => number;
}

/** A stateful in-memory fake of the DigitalOcean API v2 subset the SDK uses. */
export interface DigitalOceanSimulator {
  readonly token: string;
  readonly baseUrl: string;
  /** Web-standard handler: answers like DigitalOcean; usable as a `fetch` replacement. Rejects with a `TypeError` for an injected network error. */
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
  /**
   * The account, for assertions and set-up (mutable: e.g. set a droplet's `locked` to see the 422 an action
   * gets while another runs, or `rateLimitRemaining = 0` to spend the rate limit).
   */
  readonly state: DigitalOceanSimulatorState;
}

/**
 * Creates a DigitalOcean API v2 simulator: domains and per-record DNS (SOA and apex NS listed as records,
 * hostnames absolute with a trailing dot in `data`), droplets (created `new` without addresses, power
 * actions), regions, sizes, images, SSH keys and the account, with Bearer auth, pagination
 * (`per_page` up to 200, `links.pages.next`), rate-limit headers, `{id, message, request_id}` errors and
 * fault injection.
 * @example
 * const sim = createDigitalOceanSimulator();
 * const server = setupServer(...sim.handlers());
 * sim.inject({ status: 429, headers: { 'retry-after': '2' } });
 */
export function createDigitalOceanSimulator(options: DigitalOceanSimulatorOptions = {}): DigitalOceanSimulator {
  const token = options.token ?? 'test-token';
  const seed = options.seed ?? true;
  const baseUrl = (options.baseUrl ?? 'https://api.digitalocean.com').replace(/\/+$/, '');
  const runtime: DoRuntime = { state: createDoState(seed) };
  const app = createDoApp(runtime, token, options.now ?? Date.now);
  const faults = new FaultQueue(errorBody);
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

  const sim: DigitalOceanSimulator = {
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
        http.all(`${origin.replace(/\/+$/, '')}/v2/*`, async ({ request }) => {
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
      runtime.state = createDoState(seed);
      faults.clear();
      log.length = 0;
      sim.latencyMs = 0;
    },
  };
  return sim;
}
