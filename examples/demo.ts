/**
 * `npm run demo`: the SDK's main job, end to end, through the public API only.
 *
 * Without `HOSTINGER_API_TOKEN` it starts the built-in Hostinger simulator on 127.0.0.1 and walks through
 * everything, DNS writes included. With the variable set it talks to the real API and runs only the
 * read-only steps (nothing is created, bought or deleted).
 */
import { rmSync } from 'node:fs';
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

// A closed stdout (`npm run demo | head`) ends the demo quietly instead of with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
}

/** Prints rows as aligned columns, cutting the widest cells (with …) so no line reaches 100 columns. */
function table(rows: readonly object[]): void {
  if (rows.length === 0) return void console.log('  (none)');
  const keys = Object.keys(rows[0]!);
  const cells = [keys, ...rows.map((row) => keys.map((k) => String((row as Record<string, unknown>)[k] ?? '')))];
  const widths = keys.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  while (2 + widths.reduce((a, b) => a + b, 0) + 2 * (keys.length - 1) > 98) {
    widths[widths.indexOf(Math.max(...widths))]!--;
  }
  const fit = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
  for (const row of cells)
    console.log(`  ${row.map((c, i) => fit(c, widths[i]!).padEnd(widths[i]!)).join('  ')}`.trimEnd());
}

const CATALOG_ROWS = 8;
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
    (mode) => `hostinger.json written, mode 0${mode}`,
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
  table(
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
    table(records(before));

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
        'Merging 2 records twice (no change the 2nd time)',
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
      table(records(after.filter((r) => r.name === 'demo')));
    }
  }

  const names = ['setec-demo-shop.com', 'setec-demo-shop.net', 'example.com'];
  const availability = await run(
    'Checking domain availability',
    () => requireCapability(provider, 'domains').checkAvailability(names),
    (a) => `${a.filter((x) => x.available).length}/${a.length} available`,
  );
  table(availability);

  const vms = await run(
    'Listing VMs',
    () => requireCapability(provider, 'vps').list(),
    (v) => `${v.length} VM(s)`,
  );
  table(
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
  table(centers);
  const keys = await run(
    'Listing SSH keys',
    () => requireCapability(provider, 'sshKeys').list(),
    (k) => `${k.length} key(s)`,
  );
  table(keys.map(({ id, name, fingerprint }) => ({ id, name, fingerprint })));
  const subscriptions = await run(
    'Listing subscriptions',
    () => requireCapability(provider, 'billing').listSubscriptions(),
    (s) => `${s.length} subscription(s)`,
  );
  table(
    subscriptions.map(({ id, name, status, price, currency, period, renews_at }) => ({
      id,
      name,
      status,
      price,
      currency,
      period: period ?? '',
      renews: renews_at.slice(0, 10),
    })),
  );
  const catalog = await run(
    'Reading the catalog',
    () => requireCapability(provider, 'billing').getCatalog(),
    (c) => `${c.length} price(s), the first ${Math.min(CATALOG_ROWS, c.length)} shown`,
  );
  table(
    catalog.slice(0, CATALOG_ROWS).map(({ id, name, category, price_cents, currency, period }) => ({
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
