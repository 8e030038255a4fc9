/**
 * Table 1b of `npm run bench:zone`: the same 100-set plan applied to a real PowerDNS server (`pdns_server` with
 * the gsqlite3 backend, started on free ports of 127.0.0.1 and stopped by its pid). Skipped with a notice
 * when pdns_server is not installed.
 */
import type { DnsRecord, DnsRecordInput } from 'setec-hosting';
import { createPowerDnsProvider } from 'setec-hosting/powerdns';
import { applyPlan, planZone } from 'setec-hosting/zone';
import { pdnsServerPath, startPdnsServer } from '../test/support/pdns-process.js';
import { printTable, summarize } from './report.js';

const ms = (x: number) => x.toFixed(2);

/** Plans and applies `desiredFrom(listing)` on PowerDNS `rounds` times; prints requests and times. */
export async function benchPowerDns(
  domain: string,
  listing: readonly DnsRecord[],
  desiredFrom: (listing: readonly DnsRecord[]) => DnsRecordInput[],
  rounds: number,
): Promise<void> {
  if (!pdnsServerPath) {
    console.log('1b. PowerDNS: skipped (pdns_server and pdns-backend-sqlite3 are not installed)\n');
    return;
  }
  const server = await startPdnsServer();
  try {
    await server.createZone(domain);
    const methods: string[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      methods.push(input instanceof Request ? input.method : (init?.method ?? 'GET'));
      return globalThis.fetch(input, init);
    };
    const provider = createPowerDnsProvider({ apiKey: server.apiKey, baseUrl: server.apiUrl, fetch });
    const seed = listing.filter((r) => !(r.name === '@' && r.type === 'NS')).map(({ id: _id, ...r }) => r);
    const plans: number[] = [];
    const applies: number[] = [];
    let counts = { plan: 0, apply: 0, byMethod: '' };
    for (let round = 0; round < rounds; round++) {
      await provider.dns.reset(domain);
      await provider.dns.writeSets(domain, { replace: seed });
      const desired = desiredFrom(await provider.dns.list(domain));
      const start = methods.length;
      let t = performance.now();
      const plan = await planZone(provider, domain, desired);
      plans.push(performance.now() - t);
      const middle = methods.length;
      t = performance.now();
      await applyPlan(provider, plan);
      applies.push(performance.now() - t);
      const sent = methods.slice(middle);
      const byMethod = new Map<string, number>();
      for (const m of sent) byMethod.set(m, (byMethod.get(m) ?? 0) + 1);
      counts = {
        plan: middle - start,
        apply: sent.length,
        byMethod: [...byMethod].map(([k, n]) => `${n} ${k}`).join(', '),
      };
      if (plan.changes.length !== 100) throw new Error(`expected 100 changed sets, got ${plan.changes.length}`);
    }
    const p = summarize(plans);
    const a = summarize(applies);
    printTable(`1b. The same plan on a real PowerDNS server (pdns_server, gsqlite3, 127.0.0.1; ${rounds} rounds)`, [
      {
        'applyPlan writes with': 'writeSets (one PATCH)',
        'plan requests': counts.plan,
        'apply requests': counts.apply,
        'apply requests by kind': counts.byMethod,
        'plan ms (mean)': ms(p.mean),
        'apply ms (mean)': ms(a.mean),
        'apply ms (min–max)': `${ms(Math.min(...applies))}–${ms(Math.max(...applies))}`,
      },
    ]);
  } finally {
    await server.stop();
  }
}
