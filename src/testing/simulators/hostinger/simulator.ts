import { createProviderSimulator, type ProviderSimulator, simulatorSettings } from '../core/provider-simulator.js';
import { createSimulatorApp } from './app.js';
import { errorBody } from './responses.js';
import { createState } from './seed.js';
import type { SimRuntime, SimulatorState } from './state.js';

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

/** A stateful in-memory fake of the Hostinger API subset the SDK uses. */
export interface HostingerSimulator extends ProviderSimulator<SimulatorState> {
  /** The account, for assertions and set-up (mutable; `state.paymentPending` makes purchases answer 202). */
  readonly state: SimulatorState;
}

/**
 * Creates a Hostinger API simulator: DNS zones (record-set semantics, quoted TXT, `[DNS:4008]` conflicts),
 * domains, VPS, SSH keys and billing, with Bearer auth, Hostinger-shaped errors and fault injection.
 * @throws ValidationError when `token` is not a valid Bearer token (empty, spaces, non-ASCII characters)
 * @example
 * const sim = createHostingerSimulator();
 * const server = setupServer(...sim.handlers());
 * sim.inject({ status: 429, headers: { 'Retry-After': '2' }, body: 'error code: 1015' });
 */
export function createHostingerSimulator(options: HostingerSimulatorOptions = {}): HostingerSimulator {
  const settings = simulatorSettings(options, 'https://developers.hostinger.com');
  const runtime: SimRuntime = { state: createState(settings.seed), pageSize: options.pageSize ?? 15 };
  return createProviderSimulator({
    settings,
    apiPrefix: '/api',
    runtime,
    freshState: () => createState(settings.seed),
    app: createSimulatorApp(runtime, settings.token),
    faultErrorBody: errorBody,
  });
}
