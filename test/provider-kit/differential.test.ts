/**
 * Every DNS built on the provider kit behaves the same: random sequences of DNS calls run against the
 * memory provider and each adapter on its simulator, and after every step the outcome (success or the
 * error's class) and the zone must be identical everywhere. A failure prints the calls up to the step
 * where the providers disagreed, after fast-check has shrunk them.
 *
 * To add a provider, add one entry to PROVIDERS.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DnsCapability, DnsRecord, DnsRecordInput, DnsRecordType } from '../../src/index.js';
import { createDigitalOceanProvider } from '../../src/digitalocean/index.js';
import { createHetznerProvider } from '../../src/hetzner/index.js';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import {
  createDigitalOceanSimulator,
  createHetznerSimulator,
  createHostingerSimulator,
  createMemoryProvider,
} from '../../src/testing/index.js';

const ZONE = 'example.com';

/** One DNS per provider, on a zone `example.com` holding nothing but (perhaps) its apex NS records. */
const PROVIDERS: Array<{ name: string; dns: () => Promise<DnsCapability> }> = [
  {
    name: 'memory',
    dns: async () => createMemoryProvider({ zones: { [ZONE]: [] }, seed: false }).dns!,
  },
  {
    name: 'hostinger',
    dns: async () => {
      const sim = createHostingerSimulator();
      sim.state.zones.set(ZONE, []);
      return createHostingerProvider({ apiKey: sim.token, baseUrl: sim.baseUrl, fetch: sim.fetch }).dns;
    },
  },
  {
    name: 'digitalocean',
    dns: async () => {
      const sim = createDigitalOceanSimulator();
      const dns = createDigitalOceanProvider({ apiKey: sim.token, baseUrl: sim.baseUrl, fetch: sim.fetch }).dns;
      const sets = (await dns.list(ZONE)).filter((r) => !isApexNs(r));
      await dns.writeSets!(ZONE, { delete: sets.map(({ name, type }) => ({ name, type })) });
      return dns;
    },
  },
  {
    name: 'hetzner',
    dns: async () => {
      const sim = createHetznerSimulator();
      const options = { apiKey: sim.token, baseUrl: sim.baseUrl, fetch: sim.fetch, actions: { intervalMs: 1 } };
      const dns = createHetznerProvider(options).dns;
      const sets = (await dns.list(ZONE)).filter((r) => !isApexNs(r));
      await dns.writeSets!(ZONE, { delete: sets.map(({ name, type }) => ({ name, type })) });
      return dns;
    },
  },
];

const isApexNs = (r: DnsRecord) => r.name === '@' && r.type === 'NS';

// Mixed-case names and types, values that need quoting, priorities, and few enough of each to collide.
const names = fc.constantFrom('@', 'www', 'WWW', 'Mail', 'txt', '_dmarc', 'alias');
const values: Record<string, fc.Arbitrary<{ content: string; priority?: number }>> = {
  A: fc.record({ content: fc.constantFrom('192.0.2.1', '192.0.2.2', '198.51.100.7') }),
  AAAA: fc.record({ content: fc.constantFrom('2001:db8::1', '2001:DB8:0::2') }),
  MX: fc.record({
    content: fc.constantFrom('mx1.example.com', 'MX2.example.net'),
    priority: fc.constantFrom(0, 10, 20),
  }),
  TXT: fc.record({ content: fc.constantFrom('v=spf1 -all', 'say "hi"', 'a;b; c', 'k=v; p=MIGf', 'é and ü') }),
  CNAME: fc.record({ content: fc.constantFrom('target.example.net', 'Other.example.org') }),
  // One record spelled with and without quotes, a value that needs them, a tag in upper case. (Issuer
  // parameters, `ca.example; account=1`, are left out: DigitalOcean takes a bare CA domain only.)
  CAA: fc.record({
    content: fc.constantFrom(
      '0 issue letsencrypt.org',
      '0 issue "letsencrypt.org"',
      '0 iodef "mailto:sec@example.com"',
      '128 ISSUEWILD ";"',
    ),
  }),
};
const typeSpelling = (type: string) => fc.constantFrom(type, type.toLowerCase());
const record: fc.Arbitrary<DnsRecordInput> = fc
  .constantFrom(...Object.keys(values))
  .chain((type) =>
    fc.record(
      {
        type: typeSpelling(type) as fc.Arbitrary<DnsRecordType>,
        name: names,
        value: values[type]!,
        ttl: fc.constantFrom(300, 3600),
      },
      { requiredKeys: ['type', 'name', 'value'] },
    ),
  )
  .map(({ value, ...r }) => ({ ...r, ...value }));

type Op =
  | { op: 'create'; record: DnsRecordInput }
  | { op: 'merge'; records: DnsRecordInput[] }
  | { op: 'overwrite'; records: DnsRecordInput[] }
  | { op: 'deleteSet'; name: string; type: string }
  | { op: 'deleteOne'; name: string; type: string; content: string };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: record.map((r) => ({ op: 'create' as const, record: r })) },
  {
    weight: 2,
    arbitrary: fc.array(record, { minLength: 1, maxLength: 3 }).map((rs) => ({ op: 'merge' as const, records: rs })),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(record, { minLength: 1, maxLength: 3 })
      .map((rs) => ({ op: 'overwrite' as const, records: rs })),
  },
  { weight: 1, arbitrary: record.map((r) => ({ op: 'deleteSet' as const, name: r.name, type: r.type })) },
  {
    weight: 2,
    arbitrary: record.map((r) => ({ op: 'deleteOne' as const, name: r.name, type: r.type, content: r.content })),
  },
);

async function run(dns: DnsCapability, step: Op): Promise<string> {
  try {
    if (step.op === 'create') await dns.create(ZONE, step.record);
    else if (step.op === 'merge') await dns.update(ZONE, step.records);
    else if (step.op === 'overwrite') await dns.update(ZONE, step.records, { overwrite: true });
    else if (step.op === 'deleteSet') await dns.delete(ZONE, step.name, step.type as DnsRecordType);
    else await dns.delete(ZONE, step.name, step.type as DnsRecordType, { content: step.content });
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.name : String(error);
  }
}

/** The zone as a comparable list: every record but the apex NS, in id order. */
async function zone(dns: DnsCapability): Promise<DnsRecord[]> {
  return (await dns.list(ZONE)).filter((r) => !isApexNs(r)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const RUNS = Number(process.env.DIFFERENTIAL_RUNS ?? 100);

describe('provider kit: every DNS gives the same zone and the same errors for the same calls', () => {
  it(`${RUNS} random sequences of 20 calls agree on ${PROVIDERS.map((p) => p.name).join(', ')}`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 20, maxLength: 20 }), async (steps) => {
        const providers = await Promise.all(PROVIDERS.map(async (p) => ({ name: p.name, dns: await p.dns() })));
        for (const [i, step] of steps.entries()) {
          const outcomes = await Promise.all(providers.map(async (p) => [p.name, await run(p.dns, step)] as const));
          const zones = await Promise.all(providers.map(async (p) => [p.name, await zone(p.dns)] as const));
          const [first, ...others] = providers.map((p, k) => ({
            outcome: outcomes[k]![1],
            zone: zones[k]![1],
            name: p.name,
          }));
          for (const other of others) {
            const where = `after step ${i + 1} of ${JSON.stringify(steps.slice(0, i + 1), null, 1)}`;
            expect(other.outcome, `${other.name} vs ${first!.name} outcome ${where}`).toBe(first!.outcome);
            expect(other.zone, `${other.name} vs ${first!.name} zone ${where}`).toEqual(first!.zone);
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
