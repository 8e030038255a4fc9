import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DnsRecord, DnsRecordType } from '../../src/core/dns.js';
import { assignRecordIds } from '../../src/core/record-id.js';

type Input = Omit<DnsRecord, 'id'>;
const rec = (type: DnsRecordType, name: string, content: string, priority = 0): Input => ({
  type,
  name,
  content,
  ttl: 300,
  priority,
});

// The rule written the plain way: FNV-1a (32 bit) over the UTF-8 bytes, string-keyed maps.
function fnv(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
function expectedIds(records: Input[]): string[] {
  const base = (r: Input) => `${r.name}/${r.type}/${r.priority}`;
  const counts = new Map<string, number>();
  for (const r of records) counts.set(base(r), (counts.get(base(r)) ?? 0) + 1);
  const used = new Set<string>();
  return records.map((r) => {
    let id = base(r);
    if (counts.get(id)! > 1) {
      id = `${base(r)}#${fnv(r.content)}`;
      for (let k = 2; used.has(id); k++) id = `${base(r)}#${fnv(`${r.content}\u0000${k}`)}`;
    }
    used.add(id);
    return id;
  });
}

describe('assignRecordIds', () => {
  it('gives the same ids as earlier releases, so stored ids keep working', () => {
    const records = [
      rec('A', 'www', '192.0.2.1'),
      rec('A', 'www', '192.0.2.2'),
      rec('MX', '@', 'mx1.example.com', 10),
      rec('MX', '@', 'mx2.example.com', 20),
      rec('TXT', '@', 'v=spf1 -all'),
      rec('TXT', '@', 'v=spf1 -all'),
      rec('TXT', '@', 'grüße 😀 \ud800'),
      rec('TXT', 'a/TXT', 'x'),
      rec('CNAME', 'alias', 'www.example.com'),
    ];
    expect(assignRecordIds(records).map((r) => r.id)).toEqual([
      'www/A/0#05ecbdd8',
      'www/A/0#08ecc291',
      '@/MX/10',
      '@/MX/20',
      '@/TXT/0#d354fd6c',
      '@/TXT/0#6379b802',
      '@/TXT/0#d5067d50',
      'a/TXT/TXT/0',
      'alias/CNAME/0',
    ]);
  });

  it('keeps every field of the record next to its id', () => {
    expect(assignRecordIds([rec('MX', '@', 'mx.example.com', 10)])).toEqual([
      { id: '@/MX/10', type: 'MX', name: '@', content: 'mx.example.com', ttl: 300, priority: 10 },
    ]);
  });

  it('priority 0 and -0 share one plain id, so both records get a hashed one', () => {
    const ids = assignRecordIds([rec('MX', '@', 'a.example.com', 0), rec('MX', '@', 'b.example.com', -0)]);
    expect(ids.map((r) => r.id)).toEqual(
      expectedIds([rec('MX', '@', 'a.example.com'), rec('MX', '@', 'b.example.com')]),
    );
    expect(ids[0]?.id).toMatch(/^@\/MX\/0#[0-9a-f]{8}$/);
  });

  it('follows the rule on any list: plain id when alone, else the content hash, always unique', () => {
    const record = fc.record({
      type: fc.constantFrom<DnsRecordType>('A', 'TXT', 'MX', 'SRV'),
      name: fc.constantFrom('@', 'www', 'WWW', 'a/b', 'mail'),
      content: fc.oneof(fc.constantFrom('x', 'y', '192.0.2.1'), fc.string({ unit: 'binary' })),
      ttl: fc.constant(300),
      priority: fc.constantFrom(0, 10, 20),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), (records) => {
        const ids = assignRecordIds(records).map((r) => r.id);
        expect(ids).toEqual(expectedIds(records));
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 300 },
    );
  });
});
