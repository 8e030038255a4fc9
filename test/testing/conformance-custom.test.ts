import { describe, expect, it } from 'vitest';
import { ProviderRegistry, requireCapability } from '../../src/index.js';
import { testProvider } from '../../src/testing/index.js';
import { createPocketDns, pocketDns } from '../../examples/custom-provider.js';

// The hand-written plugin of examples/custom-provider.ts passes the kit a plugin author would run.
testProvider(() => createPocketDns({ 'example.com': [{ type: 'A', name: '@', content: '192.0.2.1' }] }), {
  domain: 'example.com',
  name: 'pocket-dns',
  capabilities: ['dns'],
});

describe('examples: custom provider', () => {
  it('registers and builds from stored config, one zone per extra.zones entry', async () => {
    const registry = new ProviderRegistry();
    registry.registerProvider(pocketDns);
    const provider = registry.createProvider('pocket-dns', {
      provider: 'pocket-dns',
      api_key: '',
      api_secret: '',
      extra: { zones: 'a.com,b.org' },
      connected: true,
    });
    const dns = requireCapability(provider, 'dns');
    await dns.create('b.org', { type: 'MX', name: '@', content: 'mail.b.org', priority: 5 });
    expect(await dns.list('b.org')).toEqual([
      { id: '@/MX/5', type: 'MX', name: '@', content: 'mail.b.org', ttl: 14400, priority: 5 },
    ]);
    expect(await dns.list('a.com')).toEqual([]);
    expect(() => requireCapability(provider, 'vps')).toThrow('pocket-dns does not support vps');
  });
});
