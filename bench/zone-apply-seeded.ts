/**
 * Table 1c of `npm run bench:zone`: the same 100-set plan applied to providers seeded through the SDK itself
 * (`dns.reset`, then `dns.writeSets` of the listing): a real PowerDNS server (`pdns_server` with the gsqlite3
 * backend, started on free ports of 127.0.0.1 and stopped by its pid; skipped with a notice when it is not
 * installed) and the DigitalOcean simulator. Each provider's requests are counted by method at its `fetch`.
 */
import type { DnsRecord, DnsRecordInput, Provider } from 'setec-hosting';
import { createDigitalOceanProvider } from 'setec-hosting/digitalocean';
import { createPowerDnsProvider } from 'setec-hosting/powerdns';
import { createDigitalOceanSimulator } from 'setec-hosting/testing';
import { applyPlan, planZone } from 'setec-hosting/zone';
import { pdnsServerPath, startPdnsServer } from '../test/support/pdns-process.js';
import { applyColumns, countKinds, printTable } from './report.js';

/** A provider to bench, built around a `fetch` that counts its requests; `stop` ends its server. */
interface Target {
  label: string;
  provider(fetch: typeof globalThis.fetch): Provider;
  stop(): Promise<void>;
}

async function powerDns(domain: string): Promise<Target | undefined> {
  if (!pdnsServerPath) {
    console.log('1c. PowerDNS: skipped (pdns_server and pdns-backend-sqlite3 are not installed)\n');
    return undefined;
  }
  const server = await startPdnsServer();
  await server.createZone(domain);
  return {
    label: 'PowerDNS, pdns_server + gsqlite3 (writeSets: one PATCH)',
    provider: (fetch) => createPowerDnsProvider({ apiKey: server.apiKey, baseUrl: server.apiUrl, fetch }),
    stop: () => server.stop(),
  };
}

async function digitalOcean(domain: string): Promise<Target> {
  const sim = createDigitalOceanSimulator();
  const baseUrl = await sim.listen();
  if (!sim.state.domains.has(domain)) throw new Error(`the DigitalOcean simulator has no zone ${domain}`);
  return {
    label: 'DigitalOcean simulator (writeSets: one request per record)',
    provider: (fetch) => {
      // Seeding and the rounds together send a few thousand requests: far from the real hourly limit's concern.
      sim.state.rateLimitRemaining = 1_000_000;
      return createDigitalOceanProvider({ apiKey: sim.token, baseUrl, fetch });
    },
    stop: () => sim.close(),
  };
}

/** Plans and applies `desiredFrom(listing)` on each provider `rounds` times; prints requests and times. */
export async function benchSeeded(
  domain: string,
  listing: readonly DnsRecord[],
  desiredFrom: (listing: readonly DnsRecord[]) => DnsRecordInput[],
  rounds: number,
): Promise<void> {
  const rows: Record<string, unknown>[] = [];
  for (const start of [powerDns, digitalOcean]) {
    const target = await start(domain);
    if (!target) continue;
    try {
      rows.push(await benchOne(target, domain, listing, desiredFrom, rounds));
    } finally {
      await target.stop();
    }
  }
  printTable(`1c. The same plan on providers seeded through the SDK (${rounds} rounds)`, rows);
}

async function benchOne(
  target: Target,
  domain: string,
  listing: readonly DnsRecord[],
  desiredFrom: (listing: readonly DnsRecord[]) => DnsRecordInput[],
  rounds: number,
): Promise<Record<string, unknown>> {
  const methods: string[] = [];
  const provider = target.provider((input, init) => {
    methods.push(input instanceof Request ? input.method : (init?.method ?? 'GET'));
    return globalThis.fetch(input, init);
  });
  const dns = provider.dns!;
  const seed = listing.filter((r) => !(r.name === '@' && r.type === 'NS')).map(({ id: _id, ...r }) => r);
  const plans: number[] = [];
  const applies: number[] = [];
  let counts = { plan: 0, apply: 0, byMethod: '' };
  for (let round = 0; round < rounds; round++) {
    await dns.reset(domain);
    await dns.writeSets!(domain, { replace: seed });
    const desired = desiredFrom(await dns.list(domain));
    const start = methods.length;
    let t = performance.now();
    const plan = await planZone(provider, domain, desired);
    plans.push(performance.now() - t);
    const middle = methods.length;
    t = performance.now();
    await applyPlan(provider, plan);
    applies.push(performance.now() - t);
    const sent = methods.slice(middle);
    counts = { plan: middle - start, apply: sent.length, byMethod: countKinds(sent) };
    if (plan.changes.length !== 100) throw new Error(`expected 100 changed sets, got ${plan.changes.length}`);
  }
  return { 'applyPlan on': target.label, ...applyColumns(counts, plans, applies) };
}
