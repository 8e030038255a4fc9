/** Small shared pieces of the DigitalOcean adapter tests. */
import { createDigitalOceanProvider, type DigitalOceanProviderOptions } from '../../src/digitalocean/index.js';
import type { DigitalOceanSimulator } from '../../src/testing/index.js';

/** A provider on the simulator behind msw; retries keep their defaults unless given. */
export function providerFor(sim: DigitalOceanSimulator, options: Partial<DigitalOceanProviderOptions> = {}) {
  return createDigitalOceanProvider({ apiKey: sim.token, baseUrl: sim.baseUrl, ...options });
}

/** `METHOD /path` of every request the simulator received, record and droplet ids as `{id}`. */
export function calls(sim: DigitalOceanSimulator): string[] {
  return sim.requests.map((r) => `${r.method} ${r.path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`);
}

/** Requests that change something (everything but GET). */
export function writes(sim: DigitalOceanSimulator): string[] {
  return calls(sim).filter((c) => !c.startsWith('GET '));
}
