import { describe, expect, it } from 'vitest';
import { createHetznerProvider } from '../../src/hetzner/index.js';
import { runConformance, testProvider } from '../../src/testing/index.js';
import { useHetznerServer } from '../support/msw.js';

// The Hetzner adapter against its simulator, through msw (every request and response is checked against
// Hetzner's spec when HETZNER_OPENAPI is set). Retries are off so a failure shows at once; actions are
// polled every millisecond.
const { sim, baseUrl } = useHetznerServer();
const factory = () =>
  createHetznerProvider({ apiKey: sim.token, baseUrl, retry: { limit: 0 }, actions: { intervalMs: 1 } });

testProvider(factory, {
  domain: 'example.com',
  name: 'hetzner',
  capabilities: ['dns', 'vps', 'sshKeys', 'billing'],
});

describe('testing: conformance kit on the Hetzner adapter', () => {
  it('passes every check of its groups but subscriptions, which it names as not supported', async () => {
    const before = await factory().dns.list('example.com');
    const results = await runConformance(factory, { domain: 'example.com' });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const skipped = results.filter((r) => r.skipped).map((r) => [r.name, r.skipped]);
    expect(skipped.filter(([, why]) => why !== 'the provider has no domains group')).toEqual([
      [
        'models: billing.listSubscriptions returns Subscription objects',
        'not supported: hetzner does not support billing.listSubscriptions',
      ],
    ]);
    expect(await factory().dns.list('example.com')).toEqual(before);
    const calls = new Set(sim.requests.map((r) => `${r.method} ${r.path}`));
    expect(calls).toContain('POST /v1/zones/example.com/rrsets');
    expect(calls).toContain('GET /v1/actions');
  }, 60_000);
});
