import { describe, expect, it } from 'vitest';
import type { DnsRecordInput } from '../../src/core/dns.js';
import { isValidationError, ValidationError } from '../../src/core/errors.js';
import { createMemoryProvider } from '../../src/testing/index.js';
import { planZone } from '../../src/zone/index.js';

const ZONE: DnsRecordInput[] = [
  { type: 'NS', name: '@', content: 'ns1.example.net', ttl: 86400 },
  { type: 'NS', name: '@', content: 'ns2.example.net', ttl: 86400 },
  { type: 'A', name: '@', content: '192.0.2.1', ttl: 3600 },
  { type: 'MX', name: '@', content: 'mx1.example.com', priority: 10, ttl: 3600 },
  { type: 'MX', name: '@', content: 'mx2.example.com', priority: 20, ttl: 3600 },
  { type: 'TXT', name: '@', content: 'v=spf1 -all', ttl: 3600 },
  { type: 'CNAME', name: 'www', content: 'example.com', ttl: 3600 },
  { type: 'TXT', name: '_acme-challenge', content: 'token-1', ttl: 300 },
];
const withoutNs = ZONE.filter((r) => r.type !== 'NS');
const provider = () => createMemoryProvider({ zones: { 'example.com': ZONE } });

describe('zone: planZone', () => {
  it('finds no changes when the desired records equal the zone in another order, case and quoting', async () => {
    const desired: DnsRecordInput[] = [
      { type: 'CNAME', name: 'WWW', content: 'Example.COM.', ttl: 3600 },
      { type: 'TXT', name: '@', content: '"v=spf1 -all"', ttl: 3600 },
      { type: 'MX', name: '@', content: 'MX2.example.com', priority: 20, ttl: 3600 },
      { type: 'MX', name: '@', content: 'mx1.example.com.', priority: 10, ttl: 3600 },
      { type: 'A', name: '@', content: '192.0.2.1', ttl: 3600 },
      { type: 'TXT', name: '_acme-challenge', content: 'token-1', ttl: 300 },
    ];
    const plan = await planZone(provider(), 'Example.com', desired);
    expect(plan.changes).toEqual([]);
    expect(plan.unchanged).toBe(6);
    expect(plan.domain).toBe('example.com');
    expect(String(plan)).toBe('example.com (memory): no changes, 6 record sets unchanged');
  });

  it('orders changes deletes, updates, creates and fills in before and after', async () => {
    const desired = [
      ...withoutNs.filter((r) => r.name !== 'www' && r.type !== 'A'),
      { type: 'A', name: '@', content: '192.0.2.2', ttl: 3600 },
      { type: 'AAAA', name: 'v6', content: '2001:db8::1' },
    ] as DnsRecordInput[];
    const plan = await planZone(provider(), 'example.com', desired);
    expect(plan.changes.map((c) => [c.action, c.name, c.type])).toEqual([
      ['delete', 'www', 'CNAME'],
      ['update', '@', 'A'],
      ['create', 'v6', 'AAAA'],
    ]);
    expect(plan.changes[1]?.before).toEqual([
      { id: '@/A/0', type: 'A', name: '@', content: '192.0.2.1', ttl: 3600, priority: 0 },
    ]);
    expect(plan.changes[2]?.after).toEqual([
      { type: 'AAAA', name: 'v6', content: '2001:db8::1', ttl: 14400, priority: 0 },
    ]);
    expect(plan.unchanged).toBe(4);
  });

  it('counts a TTL-only change as an update and shows it with ~', async () => {
    const desired = withoutNs.map((r) => (r.type === 'MX' ? { ...r, ttl: 300 } : r));
    const plan = await planZone(provider(), 'example.com', desired);
    expect(plan.changes.map((c) => [c.action, c.name, c.type])).toEqual([['update', '@', 'MX']]);
    const lines = String(plan).split('\n');
    expect(lines[0]).toBe('example.com (memory): record sets: 0 to delete, 1 to update, 0 to create, 5 unchanged');
    expect(lines.slice(1).map((l) => l.replace(/ +/g, ' '))).toEqual([
      '~ @ MX 10 mx1.example.com ttl 3600 → 300',
      '~ @ MX 20 mx2.example.com ttl 3600 → 300',
    ]);
  });

  it('shows removed records with -, added ones with +, and TXT quoted', async () => {
    const desired = [
      ...withoutNs.filter((r) => r.type !== 'TXT' || r.name !== '@'),
      { type: 'TXT', name: '@', content: 'say "hi"', ttl: 3600 },
    ] as DnsRecordInput[];
    const text = String(await planZone(provider(), 'example.com', desired));
    expect(
      text
        .split('\n')
        .slice(1)
        .map((l) => l.replace(/ +/g, ' ')),
    ).toEqual(['- @ TXT "v=spf1 -all" ttl 3600', '+ @ TXT "say \\"hi\\"" ttl 3600']);
  });

  it('leaves the apex NS set alone unless desired names it', async () => {
    const plan = await planZone(provider(), 'example.com', withoutNs);
    expect(plan.changes).toEqual([]);
    const named = await planZone(provider(), 'example.com', [
      ...withoutNs,
      { type: 'NS', name: '@', content: 'ns1.example.net', ttl: 86400 },
    ]);
    expect(named.changes.map((c) => [c.action, c.name, c.type, c.after.length])).toEqual([['update', '@', 'NS', 1]]);
  });

  it('with purge false, keeps sets that desired does not mention', async () => {
    const plan = await planZone(provider(), 'example.com', [{ type: 'A', name: 'new', content: '192.0.2.9' }], {
      purge: false,
    });
    expect(plan.changes.map((c) => c.action)).toEqual(['create']);
    expect(plan.unchanged).toBe(6);
  });

  it('never touches sets matched by ignore globs, even when desired has them', async () => {
    const plan = await planZone(
      provider(),
      'example.com',
      [
        ...withoutNs.filter((r) => r.name !== '_acme-challenge'),
        { type: 'TXT', name: '_acme-challenge.sub', content: 'x' },
      ],
      { ignore: [{ name: '_ACME-challenge*' }, { type: 'CNAME' }] },
    );
    expect(plan.changes).toEqual([]);
    const byType = await planZone(provider(), 'example.com', [], { ignore: [{ name: '*', type: 'MX' }] });
    expect(byType.changes.map((c) => `${c.action} ${c.name} ${c.type}`)).toEqual([
      'delete @ A',
      'delete @ TXT',
      'delete _acme-challenge TXT',
      'delete www CNAME',
    ]);
  });

  it("takes another provider's listing as desired to copy a zone, leaving the apex NS to the target", async () => {
    const source = createMemoryProvider({ zones: { 'example.com': ZONE } });
    const target = createMemoryProvider({ name: 'other', zones: { 'example.com': [] } });
    const listing = await source.dns!.list('example.com');
    const plan = await planZone(target, 'example.com', listing);
    expect(plan.changes.every((c) => c.action === 'create')).toBe(true);
    const apexNs = ZONE.filter((r) => r.name === '@' && r.type === 'NS');
    expect(apexNs.length).toBeGreaterThan(0);
    expect(plan.changes.flatMap((c) => c.after)).toHaveLength(ZONE.length - apexNs.length);
    expect(plan.snapshot).toMatchObject({ provider: 'other', domain: 'example.com', records: [] });
  });

  it('rejects bad desired records before reading the zone, naming each one', async () => {
    let reads = 0;
    const p = provider();
    const dns = p.dns!;
    const counting = {
      ...p,
      dns: { ...dns, list: async (...a: Parameters<typeof dns.list>) => (reads++, dns.list(...a)) },
    };
    const error = await planZone(counting, 'example.com', [
      { type: 'A', name: 'ok', content: '192.0.2.1' },
      { type: 'A', name: 'bad', content: '256.1.1.1' },
      { type: 'MX', name: '@', content: 'mx.example.com', priority: 70000 },
    ]).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(Object.keys((error as ValidationError).fields)).toEqual(['records.1.content', 'records.2.priority']);
    expect(reads).toBe(0);
  });

  it('rejects two TTLs in one record set, and bad ignore entries', async () => {
    const error = await planZone(provider(), 'example.com', [
      { type: 'A', name: 'x', content: '192.0.2.1', ttl: 300 },
      { type: 'A', name: 'x', content: '192.0.2.2', ttl: 600 },
    ]).catch((e: unknown) => e);
    expect((error as ValidationError).fields).toEqual({ 'records.1.ttl': [expect.stringContaining('share one TTL')] });
    const bad = await planZone(provider(), 'example.com', [], {
      ignore: [{}, { type: 'SOA' as never }, { name: '' }],
    }).catch((e: unknown) => e);
    expect(Object.keys((bad as ValidationError).fields)).toEqual(['ignore.0', 'ignore.1.type', 'ignore.2.name']);
  });

  it('refuses a CNAME beside other records of its name, or listed twice, naming the last CNAME', async () => {
    const refused = (desired: DnsRecordInput[]) =>
      planZone(provider(), 'example.com', desired).then(
        () => undefined,
        (e: unknown) => (e as ValidationError).fields,
      );
    const cname = { type: 'CNAME', name: 'www', content: 'example.com', ttl: 3600 } as const;
    expect(await refused([{ type: 'A', name: 'WWW', content: '192.0.2.1', ttl: 3600 }, cname])).toEqual({
      'records.1.type': ['a CNAME at "www" cannot coexist with another record type'],
    });
    // The same CNAME twice is one record in a set, but still two records for the rule.
    expect(await refused([cname, { ...cname }])).toEqual({
      'records.1.type': ['a CNAME at "www" cannot coexist with a second CNAME'],
    });
    expect(await refused([cname, { ...cname, content: 'other.example.net' }])).toEqual({
      'records.1.type': ['a CNAME at "www" cannot coexist with a second CNAME'],
    });
    expect(await refused([cname, { ...cname, name: 'www2' }])).toBeUndefined();
  });

  it('keeps the snapshot as read when the records of a change are edited', async () => {
    const plan = await planZone(provider(), 'example.com', [{ type: 'A', name: '@', content: '192.0.2.9', ttl: 3600 }]);
    const before = plan.changes.find((c) => c.type === 'A')!.before[0]!;
    before.content = '203.0.113.1';
    expect(plan.snapshot.records.find((r) => r.type === 'A')?.content).toBe('192.0.2.1');
  });

  it('stops before reading when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(planZone(provider(), 'example.com', [], { signal: controller.signal })).rejects.toThrow('stop');
  });

  it('gives a plan that survives JSON: toString is not a field, the snapshot is plain data', async () => {
    const plan = await planZone(provider(), 'example.com', []);
    const copy = JSON.parse(JSON.stringify(plan));
    expect(Object.keys(copy)).toEqual(['provider', 'domain', 'changes', 'unchanged', 'snapshot']);
    expect(copy.snapshot.records).toEqual(await provider().dns!.list('example.com'));
    expect(Date.parse(copy.snapshot.taken_at)).not.toBeNaN();
  });
});
