/**
 * Lists, creates and deletes DNS records with the Hostinger adapter.
 *
 *   npx tsx examples/hostinger-dns.ts                         # against a local Hostinger simulator
 *   HOSTINGER_API_TOKEN=... HOSTINGER_DOMAIN=mydomain.tld npx tsx examples/hostinger-dns.ts   # the real API
 *
 * Against the real API this adds and then removes a TXT record named `_setec-example`.
 */
import type { DnsRecord } from 'setec-hosting';
import { createHostingerProvider } from 'setec-hosting/hostinger';
import { createHostingerSimulator } from 'setec-hosting/testing';

function print(title: string, records: DnsRecord[]): void {
  console.log(`\n${title}`);
  console.table(
    records.map(({ id, type, name, content, ttl, priority }) => ({ id, type, name, content, ttl, priority })),
  );
}

async function main(): Promise<void> {
  const token = process.env.HOSTINGER_API_TOKEN;
  const simulator = token ? undefined : createHostingerSimulator();
  const baseUrl = simulator ? await simulator.listen() : undefined;
  const domain = process.env.HOSTINGER_DOMAIN ?? 'example.com';
  const hostinger = createHostingerProvider({
    apiKey: token ?? simulator!.token,
    ...(baseUrl ? { baseUrl } : {}),
    userAgent: 'setec-example',
  });
  console.log(simulator ? `Using the Hostinger simulator at ${baseUrl}` : 'Using the real Hostinger API');

  try {
    print(`Records of ${domain}`, await hostinger.dns.list(domain));

    const record = {
      type: 'TXT' as const,
      name: '_setec-example',
      content: `created by setec-hosting at ${new Date().toISOString()}`,
      ttl: 300,
    };
    await hostinger.dns.create(domain, record);
    // Hostinger applies writes asynchronously; the simulator shows them at once.
    print(
      'After create',
      (await hostinger.dns.list(domain)).filter((r) => r.name === record.name),
    );

    await hostinger.dns.delete(domain, record.name, record.type);
    const left = (await hostinger.dns.list(domain)).filter((r) => r.name === record.name);
    console.log(`\nAfter delete: ${left.length} record(s) named ${record.name}`);
  } finally {
    await simulator?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
