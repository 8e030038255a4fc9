import { describe, expect, it } from 'vitest';
import type { DnsRecordInput } from '../../src/core/dns.js';
import { isValidationError } from '../../src/core/errors.js';
import type { Provider } from '../../src/core/provider.js';
import { createDnsCapability } from '../../src/provider-kit/index.js';
import { createMemoryProvider } from '../../src/testing/index.js';
import { applyPlan, planZone } from '../../src/zone/index.js';

const ZONE: DnsRecordInput[] = [
  { type: 'A', name: 'www', content: '192.0.2.1', ttl: 300 },
  { type: 'A', name: 'www', content: '10.1.2.3', ttl: 300 },
  { type: 'A', name: 'int', content: '10.9.9.9', ttl: 300 },
  { type: 'AAAA', name: 'int', content: 'fd00::1', ttl: 300 },
  { type: 'TXT', name: '@', content: 'google-site-verification=abc', ttl: 300 },
];
const provider = () => createMemoryProvider({ zones: { 'example.com': ZONE } });
const shown = (records: { name: string; type: string; content: string }[]) =>
  records.map((r) => `${r.name} ${r.type} ${r.content}`).sort();

describe('zone: ignore entries that match content', () => {
  it('a CIDR keeps every A record another tool manages under 10.0.0.0/8, inside and outside the desired sets', async () => {
    const p = provider();
    const desired: DnsRecordInput[] = [
      { type: 'A', name: 'www', content: '192.0.2.9', ttl: 300 },
      { type: 'A', name: 'www', content: '10.7.7.7', ttl: 300 },
    ];
    const plan = await planZone(p, 'example.com', desired, { ignore: [{ content: '10.0.0.0/8' }] });
    expect(plan.changes.map((c) => `${c.action} ${c.name} ${c.type}`)).toEqual([
      'delete @ TXT',
      'delete int AAAA',
      'update www A',
    ]);
    expect(shown(plan.changes.find((c) => c.name === 'www')!.after)).toEqual(['www A 10.1.2.3', 'www A 192.0.2.9']);
    await applyPlan(p, plan);
    expect(shown(await p.dns!.list('example.com'))).toEqual(['int A 10.9.9.9', 'www A 10.1.2.3', 'www A 192.0.2.9']);
  });

  it('an IPv6 CIDR matches AAAA only, and a glob matches any value', async () => {
    const plan = await planZone(provider(), 'example.com', [], {
      ignore: [{ content: 'fd00::/8' }, { type: 'TXT', content: 'google-site-verification=*' }, { content: '10.*' }],
    });
    expect(plan.changes.map((c) => `${c.action} ${c.name} ${c.type}`)).toEqual(['update www A']);
    expect(shown(plan.changes[0]!.after)).toEqual(['www A 10.1.2.3']);
  });

  it('refuses an empty or non-string content before reading the zone', async () => {
    for (const content of ['', 7]) {
      const error = await planZone(provider(), 'example.com', [], {
        ignore: [{ content: content as string }],
      }).catch((e: unknown) => e);
      expect(isValidationError(error)).toBe(true);
      expect(Object.keys((error as { fields: object }).fields)).toEqual(['ignore.0.content']);
    }
  });

  it('a kept record takes the TTL desired gives its set, so the plan applies where a set has one TTL', async () => {
    const p = provider();
    const desired: DnsRecordInput[] = [{ type: 'A', name: 'www', content: '192.0.2.9', ttl: 3600 }];
    const plan = await planZone(p, 'example.com', desired, { ignore: [{ content: '10.0.0.0/8' }], purge: false });
    expect(String(plan)).toMatch(/^~ www A 10\.1\.2\.3 +ttl 300 → 3600$/m);
    await applyPlan(p, plan);
    const www = (await p.dns!.list('example.com')).filter((r) => r.name === 'www');
    expect(www.map((r) => `${r.content} ${r.ttl}`).sort()).toEqual(['10.1.2.3 3600', '192.0.2.9 3600']);
  });

  it('where each record keeps its own TTL, a kept record keeps the TTL it has', async () => {
    const dns = createDnsCapability({
      provider: 'memory',
      limits: { ttl: 'per-record' },
      read: async () => ZONE,
      write: async () => undefined,
    });
    const p = { ...createMemoryProvider(), dns } as Provider;
    const desired: DnsRecordInput[] = [{ type: 'A', name: 'www', content: '192.0.2.9', ttl: 3600 }];
    const plan = await planZone(p, 'example.com', desired, { ignore: [{ content: '10.0.0.0/8' }], purge: false });
    const www = plan.changes.find((c) => c.name === 'www')!.after;
    expect(www.map((r) => `${r.content} ${r.ttl}`).sort()).toEqual(['10.1.2.3 300', '192.0.2.9 3600']);
  });
});
