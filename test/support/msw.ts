/**
 * msw servers backed by the Hostinger or DigitalOcean simulator, with every request and simulator response
 * checked against the provider's OpenAPI spec (when `HOSTINGER_OPENAPI` / `DIGITALOCEAN_OPENAPI` is set).
 */
import { type SetupServer, setupServer } from 'msw/node';
import type { RequestHandler } from 'msw';
import type { ProviderSimulator } from '../../src/testing/index.js';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import {
  createHostingerSimulator,
  FAULT_HEADER,
  type HostingerSimulator,
  type HostingerSimulatorOptions,
} from '../../src/testing/simulators/hostinger/index.js';
import {
  createDigitalOceanSimulator,
  type DigitalOceanSimulator,
  type DigitalOceanSimulatorOptions,
} from '../../src/testing/simulators/digitalocean/index.js';
import {
  createHetznerSimulator,
  type HetznerSimulator,
  type HetznerSimulatorOptions,
} from '../../src/testing/simulators/hetzner/index.js';
import { digitalOceanSpec, hetznerSpec, hostingerSpec, type SpecChecker } from './openapi.js';

/** Options of {@link useSimulatorServer}: the simulator's options. */
export type SimulatorServerOptions = HostingerSimulatorOptions;

/** What {@link useSimulatorServer} gives a test file. */
export interface SimulatorServer<S = HostingerSimulator> {
  sim: S;
  server: SetupServer;
  baseUrl: string;
  /**
   * Stops checking the current test's requests against the spec (for tests that send invalid requests on
   * purpose, e.g. to see the simulator's 422). Responses are still checked.
   */
  allowInvalidRequests(): void;
  /** Spec violations recorded so far in the current test. */
  violations(): Promise<string[]>;
}

interface Exchange {
  method: string;
  url: string;
  request: Promise<unknown>;
  /** `fault`: an injected fault or a handler a test added with `server.use()`, both off-spec on purpose. */
  response?: Promise<{ status: number; body: unknown; fault: boolean }>;
}

async function readJson(message: Request | Response): Promise<unknown> {
  const text = await message.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Starts an msw server serving the simulator for the file's tests (`onUnhandledRequest: 'error'`).
 * After each test: fails when a request or a simulator response violated the spec, then resets the
 * simulator and the handlers.
 * @example
 * const { sim, baseUrl } = useSimulatorServer();
 * it('lists zones', async () => { ... fetch(`${baseUrl}/api/dns/v1/zones/example.com`, ...) ... });
 */
export function useSimulatorServer(options: SimulatorServerOptions = {}): SimulatorServer {
  return useCheckedServer(createHostingerSimulator(options), hostingerSpec, 'Hostinger');
}

/**
 * {@link useSimulatorServer} for the DigitalOcean simulator, checked against DigitalOcean's spec.
 * @example const { sim, baseUrl } = useDigitalOceanServer();
 */
export function useDigitalOceanServer(
  options: DigitalOceanSimulatorOptions = {},
): SimulatorServer<DigitalOceanSimulator> {
  return useCheckedServer(createDigitalOceanSimulator(options), digitalOceanSpec, 'DigitalOcean');
}

/**
 * {@link useSimulatorServer} for the Hetzner simulator, checked against Hetzner Cloud's spec.
 * @example const { sim, baseUrl } = useHetznerServer();
 */
export function useHetznerServer(options: HetznerSimulatorOptions = {}): SimulatorServer<HetznerSimulator> {
  return useCheckedServer(createHetznerSimulator(options), hetznerSpec, 'Hetzner');
}

function useCheckedServer<S extends ProviderSimulator<unknown>>(
  sim: S,
  spec: SpecChecker,
  provider: string,
): SimulatorServer<S> {
  const { specPath, validateRequest, validateResponse } = spec;
  const handlers = sim.handlers<RequestHandler>();
  const server = setupServer(...handlers);
  const exchanges = new Map<string, Exchange>();
  let checkRequests = true;

  if (specPath) {
    server.events.on('request:start', ({ request, requestId }) => {
      exchanges.set(requestId, { method: request.method, url: request.url, request: readJson(request.clone()) });
    });
    server.events.on('response:mocked', ({ response, requestId }) => {
      const exchange = exchanges.get(requestId);
      if (!exchange) return;
      const clone = response.clone();
      const overridden = server.listHandlers().length !== handlers.length;
      exchange.response = readJson(clone).then((body) => ({
        status: clone.status,
        body,
        fault: overridden || clone.headers.get(FAULT_HEADER) === 'true',
      }));
    });
  }

  const violations = async (): Promise<string[]> => {
    const found: string[] = [];
    for (const exchange of exchanges.values()) {
      const body = await exchange.request;
      if (checkRequests) found.push(...validateRequest({ method: exchange.method, url: exchange.url, body }));
      const response = await exchange.response;
      // Faults and test-added handlers are deliberately off-spec (plain-text 429s, malformed bodies).
      if (!response || response.fault || response.status === 0) continue;
      found.push(
        ...validateResponse({
          method: exchange.method,
          url: exchange.url,
          status: response.status,
          body: response.body,
        }),
      );
    }
    return found;
  };

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(async () => {
    try {
      if (specPath)
        expect(await violations(), `requests and simulator responses match the ${provider} OpenAPI spec`).toEqual([]);
    } finally {
      exchanges.clear();
      checkRequests = true;
      sim.reset();
      server.resetHandlers();
    }
  });
  afterAll(() => server.close());

  return {
    sim,
    server,
    baseUrl: sim.baseUrl,
    allowInvalidRequests: () => {
      checkRequests = false;
    },
    violations,
  };
}
