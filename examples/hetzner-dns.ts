/**
 * Lists, creates and deletes DNS records with the Hetzner adapter: record sets written one request per
 * set, each write resolving once Hetzner's action has succeeded (so the listing right after shows it).
 *
 *   npx tsx examples/hetzner-dns.ts                                        # against a local Hetzner simulator
 *   HCLOUD_TOKEN=... HCLOUD_DOMAIN=mydomain.tld npx tsx examples/hetzner-dns.ts   # the real API
 *
 * Against the real API this adds and then removes a TXT record and an MX record named `_setec-example`.
 */
import type { DnsRecord } from 'setec-hosting';
import { createHetznerProvider } from 'setec-hosting/hetzner';
import { createHetznerSimulator } from 'setec-hosting/testing';

function print(title: string, records: DnsRecord[]): void {
  console.log(`\n${title}`);
  console.table(
    records.map(({ id, type, name, content, ttl, priority }) => ({ id, type, name, content, ttl, priority })),
  );
}

async function main(): Promise<void> {
  const token = process.env.HCLOUD_TOKEN;
  const simulator = token ? undefined : createHetznerSimulator();
  // The simulator serves the API under /v1, as Hetzner does.
  const baseUrl = simulator ? `${await simulator.listen()}/v1` : undefined;
  const domain = process.env.HCLOUD_DOMAIN ?? 'example.com';
  const hetzner = createHetznerProvider({
    apiKey: token ?? simulator!.token,
    ...(baseUrl ? { baseUrl, actions: { intervalMs: 50 } } : {}),
    userAgent: 'setec-example',
  });
  console.log(simulator ? `Using the Hetzner simulator at ${baseUrl}` : 'Using the real Hetzner Cloud API');

  try {
    print(`Records of ${domain}`, await hetzner.dns.list(domain));

    const name = '_setec-example';
    await hetzner.dns.create(domain, {
      type: 'TXT',
      name,
      content: `created at ${new Date().toISOString()}`,
      ttl: 300,
    });
    // The MX priority goes into the value (`10 mail.<domain>.`), the host with its trailing dot.
    await hetzner.dns.create(domain, { type: 'MX', name, content: `mail.${domain}`, priority: 10, ttl: 300 });
    print(
      'After create',
      (await hetzner.dns.list(domain)).filter((r) => r.name === name),
    );

    await hetzner.dns.delete(domain, name, 'TXT');
    await hetzner.dns.delete(domain, name, 'MX');
    const left = (await hetzner.dns.list(domain)).filter((r) => r.name === name);
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
