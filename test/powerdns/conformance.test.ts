import { createPowerDnsProvider } from '../../src/powerdns/index.js';
import { testProvider } from '../../src/testing/index.js';
import { describeWithPdns, usePdnsServer } from '../support/pdns-server.js';

// The PowerDNS adapter runs the same conformance kit as every provider, against a real pdns_server.
describeWithPdns('PowerDNS conformance (real pdns_server)', () => {
  const server = usePdnsServer(['example.org']);
  testProvider(() => createPowerDnsProvider({ apiKey: server().apiKey, baseUrl: server().apiUrl }), {
    domain: 'example.org',
    name: 'powerdns',
    capabilities: ['dns'],
  });
});
