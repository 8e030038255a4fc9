import { createProviderSimulator, type ProviderSimulator, simulatorSettings } from '../core/provider-simulator.js';
import { createHzApp } from './app.js';
import { catalogRoutes } from './catalog.js';
import { serverRoutes } from './servers.js';
import { sshKeyRoutes } from './ssh-keys.js';
import { errorBody } from './responses.js';
import { createHzState } from './seed.js';
import type { HetznerSimulatorState, HzRuntime } from './state.js';

/** Options of {@link createHetznerSimulator}. */
export interface HetznerSimulatorOptions {
  /**
   * The API token requests must carry as `Authorization: Bearer <token>`.
   * @default 'test-token'
   */
  token?: string;
  /**
   * Start with the seeded project (zones `example.com` and `setec-demo.org`, servers `web-1` and `db-1`,
   * two SSH keys); `false` starts with none of those (locations, server types and images stay).
   * @default true
   */
  seed?: boolean;
  /**
   * The origin and path `handlers()` intercepts; its path must be `/v1`, like the API's. A server started
   * with `listen()` serves the API under `<origin>/v1`.
   * @default 'https://api.hetzner.cloud/v1'
   */
  baseUrl?: string;
  /**
   * The clock the rate-limit bucket reads (epoch milliseconds).
   * @default Date.now
   */
  now?: () => number;
}

/** A stateful in-memory fake of the Hetzner Cloud API subset the SDK uses. */
export interface HetznerSimulator extends ProviderSimulator<HetznerSimulatorState> {
  /**
   * The project, for assertions and set-up (mutable: e.g. `actionPolls = 5` for slower actions,
   * `failActions.push({ command: 'create_rrset', code: 'action_failed' })`, `rateLimitRemaining = 0`).
   */
  readonly state: HetznerSimulatorState;
}

/**
 * Creates a Hetzner Cloud API simulator: DNS zones and record sets (the SOA and apex NS created with a
 * zone, values in zone-file form, TXT quoted), every write answered with an action that reports `running`
 * for `state.actionPolls` reads before it succeeds (or fails, see `state.failActions`), servers with power
 * actions, server types with prices per location, images per architecture, locations, pricing and SSH keys;
 * with Bearer auth, pagination (`per_page` up to 50, 100 for record sets, `meta.pagination`),
 * `RateLimit-*` headers, `{error: {code, message, details}}` errors and fault injection.
 * @throws ValidationError when `token` is not a valid Bearer token (empty, spaces, non-ASCII characters)
 * @example
 * const sim = createHetznerSimulator();
 * const server = setupServer(...sim.handlers());
 * sim.inject({ status: 503, method: 'GET', path: '/v1/zones/example.com' });
 */
export function createHetznerSimulator(options: HetznerSimulatorOptions = {}): HetznerSimulator {
  const settings = simulatorSettings(options, 'https://api.hetzner.cloud/v1');
  const runtime: HzRuntime = { state: createHzState(settings.seed) };
  return createProviderSimulator({
    settings,
    // `baseUrl` ends in the API's `/v1`, which the routes carry: the handlers intercept everything under it.
    apiPrefix: '',
    runtime,
    freshState: () => createHzState(settings.seed),
    app: createHzApp(runtime, settings.token, options.now ?? Date.now, [catalogRoutes, serverRoutes, sshKeyRoutes]),
    faultErrorBody: (status, message) => errorBody(status, message),
  }) as HetznerSimulator;
}
