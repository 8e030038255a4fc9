import { X509Certificate } from 'node:crypto';
import acme from 'acme-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDns01Solver } from '../../src/acme/index.js';
import { createPowerDnsProvider } from '../../src/powerdns/index.js';
import { describeWithPdns, startPdnsServer, type PdnsServer } from '../support/pdns-server.js';
import { describeWithPebble, startPebble, type Pebble } from '../support/pebble.js';

describeWithPdns('acme: a certificate from pebble over DNS-01, written to a real PowerDNS server', () => {
  describeWithPebble('pebble queries the PowerDNS server the SDK wrote to', () => {
    let pdns: PdnsServer;
    let pebble: Pebble;
    let provider: ReturnType<typeof createPowerDnsProvider>;

    beforeAll(async () => {
      pdns = await startPdnsServer();
      await pdns.createZone('example.test');
      provider = createPowerDnsProvider({ apiKey: pdns.apiKey, baseUrl: pdns.apiUrl });
      await provider.dns.create('example.test', {
        type: 'TXT',
        name: '_acme-challenge',
        content: 'another-client',
        ttl: 120,
      });
      pebble = await startPebble(`127.0.0.1:${pdns.dnsPort}`);
      acme.axios.defaults.httpsAgent = pebble.agent;
    }, 60_000);
    afterAll(async () => {
      await pebble?.stop();
      await pdns?.stop();
    });

    it('issues example.test and *.example.test in one order; only the other client’s value is left', async () => {
      const client = new acme.Client({
        directoryUrl: pebble.directoryUrl,
        accountKey: await acme.crypto.createPrivateKey(),
      });
      const [, csr] = await acme.crypto.createCsr({
        commonName: 'example.test',
        altNames: ['example.test', '*.example.test'],
      });
      const solver = createDns01Solver(provider, {
        nameservers: [`127.0.0.1:${pdns.dnsPort}`],
        intervalMs: 100,
        timeoutMs: 20_000,
      });
      const presented = new Map<string, number>();
      const validatedAfter: number[] = [];
      const pem = await client.auto({
        csr,
        email: 'admin@example.test',
        termsOfServiceAgreed: true,
        challengePriority: solver.challengePriority,
        skipChallengeVerification: true,
        async challengeCreateFn(authz, challenge, keyAuthorization) {
          presented.set(keyAuthorization, performance.now());
          await solver.challengeCreateFn(authz, challenge, keyAuthorization);
        },
        // acme-client removes a challenge once the CA has validated it.
        async challengeRemoveFn(authz, challenge, keyAuthorization) {
          validatedAfter.push(performance.now() - presented.get(keyAuthorization)!);
          await solver.challengeRemoveFn(authz, challenge, keyAuthorization);
        },
      });
      const names = new X509Certificate(pem).subjectAltName?.split(', ').sort();
      expect(names).toEqual(['DNS:*.example.test', 'DNS:example.test']);
      const left = (await provider.dns.list('example.test')).filter((r) => r.name === '_acme-challenge');
      expect(left.map((r) => r.content)).toEqual(['another-client']);
      expect(validatedAfter).toHaveLength(2);
      console.log(`present → validated on PowerDNS: ${validatedAfter.map((ms) => `${Math.round(ms)} ms`).join(', ')}`);
    }, 90_000);
  });
});
