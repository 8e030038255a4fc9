import { X509Certificate } from 'node:crypto';
import acme from 'acme-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDns01Solver } from '../../src/acme/index.js';
import type { Provider } from '../../src/core/provider.js';
import { createMemoryProvider } from '../../src/testing/index.js';
import { describeWithPebble, startPebble, type Pebble } from '../support/pebble.js';
import { startZoneDnsServer, type ZoneDnsServer } from '../support/zone-dns-server.js';

describeWithPebble('acme: a certificate from pebble, validated against records the SDK wrote', () => {
  let provider: Provider;
  let dns: ZoneDnsServer;
  let pebble: Pebble;

  beforeAll(async () => {
    provider = createMemoryProvider({
      zones: { 'example.test': [{ type: 'TXT', name: '_acme-challenge', content: 'another-client', ttl: 120 }] },
    });
    dns = await startZoneDnsServer(provider, ['example.test']);
    pebble = await startPebble(dns.address);
    acme.axios.defaults.httpsAgent = pebble.agent;
  }, 30_000);
  afterAll(async () => {
    await pebble?.stop();
    await dns?.stop();
  });

  it('issues example.test and *.example.test in one order and leaves only the other client’s value', async () => {
    const client = new acme.Client({
      directoryUrl: pebble.directoryUrl,
      accountKey: await acme.crypto.createPrivateKey(),
    });
    const [, csr] = await acme.crypto.createCsr({
      commonName: 'example.test',
      altNames: ['example.test', '*.example.test'],
    });
    const solver = createDns01Solver(provider, { nameservers: [dns.address], intervalMs: 50, timeoutMs: 10_000 });
    const pem = await client.auto({
      csr,
      email: 'admin@example.test',
      termsOfServiceAgreed: true,
      ...solver,
      skipChallengeVerification: true,
    });
    const names = new X509Certificate(pem).subjectAltName?.split(', ').sort();
    expect(names).toEqual(['DNS:*.example.test', 'DNS:example.test']);
    const left = (await provider.dns!.list('example.test')).filter((r) => r.name === '_acme-challenge');
    expect(left.map((r) => r.content)).toEqual(['another-client']);
    expect(dns.queries.filter((q) => q === '_acme-challenge.example.test TXT').length).toBeGreaterThan(1);
  }, 60_000);
});
