/**
 * `npm run demo`: the SDK's main job, end to end, through the public API only.
 *
 * Without `HOSTINGER_API_TOKEN` it starts the built-in Hostinger simulator on 127.0.0.1 and walks through
 * everything, DNS writes included. With the variable set it talks to the real API and runs only the
 * read-only steps (nothing is created, bought or deleted).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  configureFromStore,
  FileConfigStore,
  isHostingError,
  listProviders,
  requireCapability,
  type DnsRecord,
  type Provider,
} from 'setec-hosting';
import 'setec-hosting/hostinger/register';
import { createHostingerSimulator } from 'setec-hosting/testing';

const realToken = process.env.HOSTINGER_API_TOKEN;
const live = Boolean(realToken);
const steps = live ? 12 : 16;
let step = 0;

async function run<T>(title: string, fn: () => Promise<T>, summary: (value: T) => string): Promise<T> {
  const started = performance.now();
  process.stdout.write(`[${++step}/${steps}] ${title} ... `);
  const value = await fn();
  console.log(`${summary(value)} (${Math.round(performance.now() - started)} ms)`);
  return value;
}

const records = (list: DnsRecord[]) =>
  list.map(({ id, type, name, content, ttl, priority }) => ({ id, type, name, content, ttl, priority }));

const sim = live ? undefined : createHostingerSimulator();
const baseUrl = sim ? await sim.listen() : undefined;
const dir = await mkdtemp(join(tmpdir(), 'setec-demo-'));
console.log(
  live ? 'Using the real Hostinger API (read-only steps).\n' : `Hostinger simulator listening on ${baseUrl}\n`,
);

try {
  await run(
    'Registered providers',
    async () => listProviders(),
    (defs) => defs.map((d) => `${d.name} (${d.displayName})`).join(', '),
  );

  const store = new FileConfigStore(join(dir, 'hosting'));
  await run(
    'Saving credentials with FileConfigStore',
    async () => {
      await store.save({
        provider: 'hostinger',
        api_key: realToken ?? sim!.token,
        api_secret: '',
        extra: baseUrl ? { base_url: baseUrl } : {},
        connected: false,
      });
      const mode = (await stat(join(dir, 'hosting', 'hostinger.json'))).mode & 0o777;
      return mode.toString(8);
    },
    (mode) => `hostinger.json written with mode 0${mode}`,
  );

  const [provider] = (await run(
    'Configuring providers from the store',
    () => configureFromStore(store),
    (ps) => `${ps.length} provider(s)`,
  )) as [Provider];
  await run(
    'Testing the connection',
    () => provider.testConnection(),
    () => 'ok',
  );

  const domains = await run(
    'Listing domains',
    () => requireCapability(provider, 'domains').list(),
    (ds) => `${ds.length} domain(s)`,
  );
  console.table(
    domains.map(({ name, status, expires_at, locked, privacy_protection }) => ({
      name,
      status,
      expires_at,
      locked,
      privacy_protection,
    })),
  );

  const domain = domains[0]?.name;
  if (domain) {
    const dns = requireCapability(provider, 'dns');
    const before = await run(
      `Listing DNS records of ${domain}`,
      () => dns.list(domain),
      (rs) => `${rs.length} record(s)`,
    );
    console.table(records(before));

    if (!live) {
      await run(
        'Creating A record demo → 203.0.113.10',
        () => dns.create(domain, { type: 'A', name: 'demo', content: '203.0.113.10', ttl: 3600 }),
        () => 'created',
      );
      const batch = [
        { type: 'A' as const, name: 'demo', content: '203.0.113.11', ttl: 3600 },
        { type: 'TXT' as const, name: 'demo', content: 'v=demo; merged by setec-hosting' },
      ];
      await run(
        'Merging 2 records, twice (the second call changes nothing)',
        async () => {
          await dns.update(domain, batch);
          await dns.update(domain, batch);
          return (await dns.list(domain)).filter((r) => r.name === 'demo');
        },
        (demo) => `${demo.length} record(s) named demo`,
      );
      await run(
        'Deleting the demo A record 203.0.113.10 only',
        () => dns.delete(domain, 'demo', 'A', { content: '203.0.113.10' }),
        () => 'deleted',
      );
      const after = await run(
        `Listing DNS records of ${domain} again`,
        () => dns.list(domain),
        (rs) => `${rs.length} record(s)`,
      );
      console.table(records(after.filter((r) => r.name === 'demo')));
    }
  }

  const names = ['setec-demo-shop.com', 'setec-demo-shop.net', 'example.com'];
  const availability = await run(
    'Checking domain availability',
    () => requireCapability(provider, 'domains').checkAvailability(names),
    (a) => `${a.filter((x) => x.available).length}/${a.length} available`,
  );
  console.table(availability);

  const vms = await run(
    'Listing VMs',
    () => requireCapability(provider, 'vps').list(),
    (v) => `${v.length} VM(s)`,
  );
  console.table(
    vms.map(({ id, name, status, plan, region, ipv4, cpus, memory_mb, disk_gb }) => ({
      id,
      name,
      status,
      plan,
      region,
      ipv4,
      cpus,
      memory_mb,
      disk_gb,
    })),
  );
  const centers = await run(
    'Listing data centers',
    () => requireCapability(provider, 'vps').listDataCenters(),
    (d) => `${d.length} data center(s)`,
  );
  console.table(centers);
  const keys = await run(
    'Listing SSH keys',
    () => requireCapability(provider, 'sshKeys').list(),
    (k) => `${k.length} key(s)`,
  );
  console.table(keys.map(({ id, name, fingerprint }) => ({ id, name, fingerprint })));
  const subscriptions = await run(
    'Listing subscriptions',
    () => requireCapability(provider, 'billing').listSubscriptions(),
    (s) => `${s.length} subscription(s)`,
  );
  console.table(subscriptions);
  const catalog = await run(
    'Reading the catalog',
    () => requireCapability(provider, 'billing').getCatalog(),
    (c) => `${c.length} price(s)`,
  );
  console.table(
    catalog.slice(0, 8).map(({ id, name, category, price_cents, currency, period }) => ({
      id,
      name,
      category,
      price_cents,
      currency,
      period,
    })),
  );
  console.log('\nDone.');
} catch (error) {
  console.error(
    `\nfailed: ${isHostingError(error) ? `${error.name} (${error.status}): ${error.message}` : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  await sim?.close();
  await rm(dir, { recursive: true, force: true });
}
