import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupDns01, presentDns01 } from '../../src/acme/index.js';
import type { Provider } from '../../src/core/provider.js';
import { createDigitalOceanProvider } from '../../src/digitalocean/index.js';
import { createHetznerProvider } from '../../src/hetzner/index.js';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import {
  createDigitalOceanSimulator,
  createHetznerSimulator,
  createHostingerSimulator,
  createMemoryProvider,
} from '../../src/testing/index.js';
import { startZoneDnsServer, type ZoneDnsServer } from '../support/zone-dns-server.js';

interface Target {
  provider: Provider;
  close(): Promise<void>;
}

const TOKEN = 'acme-simulator-token-41';
const targets: Record<string, () => Promise<Target>> = {
  memory: async () => ({ provider: createMemoryProvider({ zones: { 'example.com': [] } }), close: async () => {} }),
  hostinger: async () => {
    const sim = createHostingerSimulator({ token: TOKEN });
    const origin = await sim.listen();
    return { provider: createHostingerProvider({ apiKey: TOKEN, baseUrl: origin }), close: () => sim.close() };
  },
  digitalocean: async () => {
    const sim = createDigitalOceanSimulator({ token: TOKEN });
    const origin = await sim.listen();
    return { provider: createDigitalOceanProvider({ apiKey: TOKEN, baseUrl: origin }), close: () => sim.close() };
  },
  hetzner: async () => {
    const sim = createHetznerSimulator({ token: TOKEN });
    const origin = await sim.listen();
    return { provider: createHetznerProvider({ apiKey: TOKEN, baseUrl: `${origin}/v1` }), close: () => sim.close() };
  },
};

async function values(provider: Provider, name: string): Promise<string[]> {
  return (await provider.dns!.list('example.com'))
    .filter((r) => r.type === 'TXT' && r.name === name)
    .map((r) => r.content)
    .sort();
}

for (const [name, start] of Object.entries(targets)) {
  describe(`acme on ${name}: append, remove only one's own value, follow a CNAME`, () => {
    let target: Target;
    let dns: ZoneDnsServer;
    let options: { nameservers: string[]; intervalMs: number; timeoutMs: number };
    beforeAll(async () => {
      target = await start();
      dns = await startZoneDnsServer(target.provider, ['example.com']);
      options = { nameservers: [dns.address], intervalMs: 20, timeoutMs: 10_000 };
      await target.provider.dns!.create('example.com', {
        type: 'CNAME',
        name: '_acme-challenge.shop',
        content: 'shop-validation.example.com',
        ttl: 300,
      });
    });
    afterAll(async () => {
      await dns?.stop();
      await target?.close();
    });

    it('an apex and a wildcard value sit side by side; cleanup of one leaves the other', async () => {
      await presentDns01(target.provider, 'example.com', 'apex-value', options);
      await presentDns01(target.provider, '*.example.com', 'wildcard-value', options);
      expect(await values(target.provider, '_acme-challenge')).toEqual(['apex-value', 'wildcard-value']);
      await cleanupDns01(target.provider, 'example.com', 'apex-value', options);
      await cleanupDns01(target.provider, 'example.com', 'apex-value', options);
      expect(await values(target.provider, '_acme-challenge')).toEqual(['wildcard-value']);
    });

    it('a delegated challenge name is written at its CNAME target', async () => {
      await presentDns01(target.provider, 'shop.example.com', 'delegated-value', options);
      expect(await values(target.provider, 'shop-validation')).toEqual(['delegated-value']);
      await cleanupDns01(target.provider, 'shop.example.com', 'delegated-value', options);
      expect(await values(target.provider, 'shop-validation')).toEqual([]);
    });
  });
}
