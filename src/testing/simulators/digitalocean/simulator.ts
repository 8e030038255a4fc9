import { createProviderSimulator, type ProviderSimulator, simulatorSettings } from '../core/provider-simulator.js';
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
export interface DigitalOceanSimulator extends ProviderSimulator<DigitalOceanSimulatorState> {
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
 * @throws ValidationError when `token` is not a valid Bearer token (empty, spaces, non-ASCII characters)
 * @example
 * const sim = createDigitalOceanSimulator();
 * const server = setupServer(...sim.handlers());
 * sim.inject({ status: 429, headers: { 'retry-after': '2' } });
 */
export function createDigitalOceanSimulator(options: DigitalOceanSimulatorOptions = {}): DigitalOceanSimulator {
  const settings = simulatorSettings(options, 'https://api.digitalocean.com');
  const runtime: DoRuntime = { state: createDoState(settings.seed) };
  return createProviderSimulator({
    settings,
    apiPrefix: '/v2',
    runtime,
    freshState: () => createDoState(settings.seed),
    app: createDoApp(runtime, settings.token, options.now ?? Date.now),
    faultErrorBody: errorBody,
  });
}
