import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DnsRecordType } from '../../src/core/dns.js';
import { recordIdentity, type NormalizedDnsRecord } from '../../src/core/validation/index.js';
import { groupSets, sameSet } from '../../src/zone/sets.js';

/** Sets as plans compare them, built the plain way: every identity of every set in a `Set`. */
function reference(records: readonly NormalizedDnsRecord[], ttlPerRecord: boolean) {
  const sets = new Map<string, { ttl: number | undefined; ids: Set<string>; records: NormalizedDnsRecord[] }>();
  for (const r of records) {
    const key = `${r.name.toLowerCase()}\u0000${r.type}`;
    const id = ttlPerRecord ? `${recordIdentity(r)}\u0000${r.ttl}` : recordIdentity(r);
    let set = sets.get(key);
    if (!set) sets.set(key, (set = { ttl: r.ttl, ids: new Set(), records: [] }));
    else if (set.ttl !== r.ttl) set.ttl = undefined;
    if (set.ids.has(id)) continue;
    set.ids.add(id);
    set.records.push(r);
  }
  return sets;
}

// Few names, values and TTLs, so sets of one and of several records, duplicates and near-duplicates
// (case, a final dot, another spelling of one IPv6 address, another priority) all come up.
const record = fc
  .record({
    name: fc.constantFrom('@', 'www', 'WWW', 'mail'),
    type: fc.constantFrom<DnsRecordType>('A', 'AAAA', 'MX', 'TXT', 'CNAME'),
    content: fc.constantFrom(
      '192.0.2.1',
      '192.0.2.2',
      '2001:db8::1',
      '2001:DB8:0::1',
      'Mail.example.com.',
      'mail.example.com',
      'v=1',
    ),
    ttl: fc.constantFrom(300, 3600),
    priority: fc.constantFrom(0, 10),
  })
  .map((r): NormalizedDnsRecord => r);

describe('zone plans: record sets', () => {
  it('group and compare sets exactly as sets of identities do (property)', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 12 }),
        fc.array(record, { maxLength: 12 }),
        fc.boolean(),
        (a, b, perRecord) => {
          const [sa, sb] = [groupSets(a, perRecord), groupSets(b, perRecord)];
          const [ra, rb] = [reference(a, perRecord), reference(b, perRecord)];
          expect(sa.list.map((s) => [`${s.name}\u0000${s.type}`, s.ttl, s.records])).toEqual(
            [...ra].map(([key, s]) => [key, s.ttl, s.records]),
          );
          for (const set of sa.list) {
            const other = sb.get(set.name, set.type);
            const x = ra.get(`${set.name}\u0000${set.type}`)!;
            const y = rb.get(`${set.name}\u0000${set.type}`);
            const same =
              y !== undefined &&
              x.ids.size === y.ids.size &&
              (perRecord || (x.ttl !== undefined && x.ttl === y.ttl)) &&
              [...x.ids].every((id) => y.ids.has(id));
            expect(other !== undefined && sameSet(set, other, perRecord)).toBe(same);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('finds a set by its lowercased name and its type, and keeps a record listed twice once', () => {
    const sets = groupSets<NormalizedDnsRecord>([
      { type: 'A', name: 'WWW', content: '192.0.2.1', ttl: 300, priority: 0 },
      { type: 'AAAA', name: 'www', content: '2001:db8::1', ttl: 300, priority: 0 },
      { type: 'A', name: 'www', content: '192.0.2.1', ttl: 300, priority: 0 },
    ]);
    expect(sets.size).toBe(2);
    expect(sets.get('www', 'A')?.records).toHaveLength(1);
    expect(sets.get('www', 'AAAA')?.records[0]?.content).toBe('2001:db8::1');
    expect(sets.get('www', 'MX')).toBeUndefined();
  });
});
