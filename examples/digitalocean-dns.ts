/**
 * Lists, creates and deletes DNS records with the DigitalOcean adapter, and shows what a zone looks
 * like through the SDK (the SOA is left out; SRV and CAA fields folded into `content`).
 *
 *   npx tsx examples/digitalocean-dns.ts                      # against a local DigitalOcean simulator
 *   DIGITALOCEAN_TOKEN=... DIGITALOCEAN_DOMAIN=mydomain.tld npx tsx examples/digitalocean-dns.ts   # the real API
 *
 * Against the real API this adds and then removes a TXT record and an MX record named `_setec-example`.
 */
import type { DnsRecord } from 'setec-hosting';
import { createDigitalOceanProvider } from 'setec-hosting/digitalocean';
import { createDigitalOceanSimulator } from 'setec-hosting/testing';

function print(title: string, records: DnsRecord[]): void {
  console.log(`\n${title}`);
  console.table(
    records.map(({ id, type, name, content, ttl, priority }) => ({ id, type, name, content, ttl, priority })),
  );
}

async function main(): Promise<void> {
  const token = process.env.DIGITALOCEAN_TOKEN;
  const simulator = token ? undefined : createDigitalOceanSimulator();
  const baseUrl = simulator ? await simulator.listen() : undefined;
  const domain = process.env.DIGITALOCEAN_DOMAIN ?? 'example.com';
  const digitalocean = createDigitalOceanProvider({
    apiKey: token ?? simulator!.token,
    ...(baseUrl ? { baseUrl } : {}),
    userAgent: 'setec-example',
  });
  console.log(simulator ? `Using the DigitalOcean simulator at ${baseUrl}` : 'Using the real DigitalOcean API');

  try {
    print(`Records of ${domain}`, await digitalocean.dns.list(domain));

    const name = '_setec-example';
    await digitalocean.dns.create(domain, {
      type: 'TXT',
      name,
      content: `created by setec-hosting at ${new Date().toISOString()}`,
      ttl: 300,
    });
    // The host name goes out as `mail.<domain>.` (DigitalOcean reads a name without the dot as relative).
    await digitalocean.dns.create(domain, { type: 'MX', name, content: `mail.${domain}`, priority: 10, ttl: 300 });
    print(
      'After create',
      (await digitalocean.dns.list(domain)).filter((r) => r.name === name),
    );

    // Overwrite replaces only the named set: the MX record stays.
    await digitalocean.dns.update(domain, [{ type: 'TXT', name, content: 'replaced', ttl: 300 }], { overwrite: true });
    print(
      'After overwrite of the TXT set',
      (await digitalocean.dns.list(domain)).filter((r) => r.name === name),
    );

    await digitalocean.dns.delete(domain, name, 'TXT');
    await digitalocean.dns.delete(domain, name, 'MX');
    const left = (await digitalocean.dns.list(domain)).filter((r) => r.name === name);
    console.log(`\nAfter delete: ${left.length} record(s) named ${name}`);
    if (left.length !== 0) process.exitCode = 1;
  } finally {
    await simulator?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
