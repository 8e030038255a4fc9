import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import type { Provider } from '../../src/core/provider.js';
import { startZoneDnsServer, type ZoneDnsServer } from '../support/zone-dns-server.js';
import { startFixture, type CliFixture } from './run-cli.js';

const TOKEN = 'cli-acme-token-8c1d';
let fixture: CliFixture;
let provider: Provider;
let server: ZoneDnsServer;

beforeAll(async () => {
  fixture = await startFixture(TOKEN);
  provider = createHostingerProvider({ apiKey: TOKEN, baseUrl: fixture.origin });
  server = await startZoneDnsServer(provider, ['example.com', 'example.net']);
});
afterAll(async () => {
  await server.stop();
  await fixture.close();
});

async function challenge(): Promise<string[]> {
  return (await provider.dns!.list('example.com'))
    .filter((r) => r.type === 'TXT' && r.name === '_acme-challenge.shop')
    .map((r) => r.content)
    .sort();
}

describe('cli: acme', () => {
  it('present and cleanup take lego’s exec arguments and wait for the nameservers', async () => {
    const flags = ['--nameserver', server.address, '--interval', '0.05'];
    const present = await fixture.run(['acme', 'present', '_acme-challenge.shop.example.com.', 'lego-value', ...flags]);
    expect(present.code).toBe(0);
    expect(present.stderr).toContain('presented and answered');
    expect(await challenge()).toEqual(['lego-value']);
    expect(server.queries).toContain('_acme-challenge.shop.example.com TXT');
    const cleanup = await fixture.run(['acme', 'cleanup', '_acme-challenge.shop.example.com.', 'lego-value', ...flags]);
    expect(cleanup.code).toBe(0);
    expect(await challenge()).toEqual([]);
  });

  it('certbot-auth and certbot-cleanup read certbot’s variables; nameservers may come from the environment', async () => {
    const env = {
      CERTBOT_DOMAIN: 'shop.example.com',
      CERTBOT_VALIDATION: 'certbot-value',
      SETEC_HOSTING_ACME_NAMESERVERS: server.address,
    };
    const auth = await fixture.run(['acme', 'certbot-auth', '--interval', '0.05'], { env });
    expect(auth.code).toBe(0);
    expect(await challenge()).toEqual(['certbot-value']);
    const cleanup = await fixture.run(['acme', 'certbot-cleanup'], { env });
    expect(cleanup.code).toBe(0);
    expect(await challenge()).toEqual([]);
  });

  it('without certbot’s variables, the hook fails naming them and writes nothing', async () => {
    const result = await fixture.run(['acme', 'certbot-auth', '--nameserver', server.address]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('CERTBOT_DOMAIN');
    expect(await challenge()).toEqual([]);
  });
});
