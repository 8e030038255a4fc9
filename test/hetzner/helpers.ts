/** Small shared pieces of the Hetzner adapter tests. */
import { createHetznerProvider, type HetznerProviderOptions } from '../../src/hetzner/index.js';
import type { HetznerSimulator } from '../../src/testing/index.js';

/** A provider on the simulator behind msw; actions polled every millisecond so tests do not wait. */
export function providerFor(sim: HetznerSimulator, options: Partial<HetznerProviderOptions> = {}) {
  return createHetznerProvider({ apiKey: sim.token, baseUrl: sim.baseUrl, actions: { intervalMs: 1 }, ...options });
}

/** `METHOD /path` of every request the simulator received, numeric ids as `{id}`. */
export function calls(sim: HetznerSimulator): string[] {
  return sim.requests.map((r) => `${r.method} ${r.path.replace(/^\/v1/, '').replace(/\/\d+(?=\/|$)/g, '/{id}')}`);
}

/** Requests that change something (everything but GET). */
export function writes(sim: HetznerSimulator): string[] {
  return calls(sim).filter((c) => !c.startsWith('GET '));
}

/** The values of one set as the simulator stores them. */
export function values(sim: HetznerSimulator, zone: string, name: string, type: string): string[] | undefined {
  return sim.state.zones
    .get(zone)
    ?.rrsets.get(`${name}/${type}`)
    ?.records.map((r) => r.value)
    .sort();
}
