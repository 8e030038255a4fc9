import { describe, expect, it } from 'vitest';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import { runConformance, testProvider } from '../../src/testing/index.js';
import { useSimulatorServer } from '../support/msw.js';

// The Hostinger adapter against the simulator, through msw (every request and response is checked
// against Hostinger's spec when HOSTINGER_OPENAPI is set). Retries are off so a failure shows at once.
const { sim, baseUrl } = useSimulatorServer();
const factory = () => createHostingerProvider({ apiKey: sim.token, baseUrl, retry: { limit: 0 } });

testProvider(factory, {
  domain: 'example.com',
  name: 'hostinger',
  capabilities: ['dns', 'domains', 'vps', 'sshKeys', 'billing'],
});

describe('testing: conformance kit on the Hostinger adapter', () => {
  it('leaves the simulated zone as it found it after the whole kit', async () => {
    const before = await factory().dns.list('example.com');
    const results = await runConformance(factory, { domain: 'example.com' });
    expect(results.filter((r) => !r.ok).map((r) => r.name)).toEqual([]);
    expect(await factory().dns.list('example.com')).toEqual(before);
    // The kit went through the wire: writes were validated by Hostinger's endpoint, then applied.
    const calls = new Set(sim.requests.map((r) => `${r.method} ${r.path}`));
    expect(calls).toContain('POST /api/dns/v1/zones/example.com/validate');
    expect(calls).toContain('PUT /api/dns/v1/zones/example.com');
    expect(calls).toContain('DELETE /api/dns/v1/zones/example.com');
  }, 60_000);
});
