import { describe, expect, it } from 'vitest';
import { createDigitalOceanProvider } from '../../src/digitalocean/index.js';
import { runConformance, testProvider } from '../../src/testing/index.js';
import { useDigitalOceanServer } from '../support/msw.js';

// The DigitalOcean adapter against its simulator, through msw (every request and response is checked
// against DigitalOcean's spec when DIGITALOCEAN_OPENAPI is set). Retries are off so a failure shows at once.
const { sim, baseUrl } = useDigitalOceanServer();
const factory = () => createDigitalOceanProvider({ apiKey: sim.token, baseUrl, retry: { limit: 0 } });

testProvider(factory, {
  domain: 'example.com',
  name: 'digitalocean',
  capabilities: ['dns', 'vps', 'sshKeys', 'billing'],
});

describe('testing: conformance kit on the DigitalOcean adapter', () => {
  it('passes every check of its groups but subscriptions, which it names as not supported', async () => {
    const before = await factory().dns.list('example.com');
    const results = await runConformance(factory, { domain: 'example.com' });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const skipped = results.filter((r) => r.skipped).map((r) => [r.name, r.skipped]);
    // Skipped: the checks of the domains group it does not have, and subscriptions, named as not supported.
    expect(skipped.filter(([, why]) => why !== 'the provider has no domains group')).toEqual([
      [
        'models: billing.listSubscriptions returns Subscription objects',
        'not supported: digitalocean does not support billing.listSubscriptions',
      ],
    ]);
    expect(skipped.every(([name]) => !name!.startsWith('dns:') && !name!.startsWith('vps:'))).toBe(true);
    expect(await factory().dns.list('example.com')).toEqual(before);
    const calls = new Set(sim.requests.map((r) => `${r.method} ${r.path.replace(/\d+$/, '{id}')}`));
    expect(calls).toContain('POST /v2/domains/example.com/records');
    expect(calls).toContain('DELETE /v2/domains/example.com/records/{id}');
  }, 60_000);
});
