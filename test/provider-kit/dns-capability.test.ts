import { describe, expect, it } from 'vitest';
import type { DnsRecordInput } from '../../src/core/dns.js';
import { ConflictError, NotFoundError, ValidationError } from '../../src/core/errors.js';
import { fakeSource } from './fake-source.js';

const seed: DnsRecordInput[] = [
  { type: 'NS', name: '@', content: 'ns1.example.net', ttl: 86400 },
  { type: 'A', name: 'www', content: '192.0.2.1', ttl: 300 },
  { type: 'MX', name: '@', content: 'mx1.example.com', ttl: 3600, priority: 10 },
];

describe('provider kit: createDnsCapability', () => {
  it('lists the zone with ids and defaults filled in', async () => {
    const { dns } = fakeSource([{ type: 'TXT', name: '@', content: 'a' }, ...seed]);
    const list = await dns.list('Example.COM');
    expect(list.map((r) => r.id)).toEqual(['@/TXT/0', '@/NS/0', 'www/A/0', '@/MX/10']);
    expect(list[0]).toEqual({ id: '@/TXT/0', type: 'TXT', name: '@', content: 'a', ttl: 14400, priority: 0 });
  });

  it('validates before reading: a bad record is a ValidationError and the zone is never read', async () => {
    const { dns, log } = fakeSource(seed);
    await expect(dns.create('example.com', { type: 'A', name: 'x', content: 'nope' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(dns.update('example.com', [{ type: 'MX', name: '@', content: 'm', priority: -1 }])).rejects.toThrow(
      /records\.0\.priority/,
    );
    await expect(dns.delete('example.com', 'www', 'PTR' as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(dns.delete('example.com', 'www.example.com', 'A')).rejects.toBeInstanceOf(ValidationError);
    await expect(dns.writeSets('example.com', { delete: [{ name: 'a', type: 'XX' as never }] })).rejects.toThrow(
      /delete\.0\.type/,
    );
    expect(log.reads).toBe(0);
  });

  it('create adds one record to its set in one write, and an exact duplicate is a ConflictError', async () => {
    const { dns, log } = fakeSource(seed);
    await dns.create('example.com', { type: 'A', name: 'WWW', content: '192.0.2.2' });
    expect(log.writes).toEqual([
      {
        replace: [
          {
            name: 'www',
            type: 'A',
            ttl: 300,
            records: [
              { content: '192.0.2.1', priority: 0 },
              { content: '192.0.2.2', priority: 0 },
            ],
          },
        ],
        delete: [],
      },
    ]);
    await expect(
      dns.create('example.com', { type: 'a' as never, name: 'www', content: '192.0.2.2' }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(log.writes).toHaveLength(1);
  });

  it('a record joining a set without ttl takes the set TTL; another explicit TTL is refused', async () => {
    const { dns, log } = fakeSource(seed);
    await expect(dns.create('example.com', { type: 'A', name: 'www', content: '192.0.2.3', ttl: 600 })).rejects.toThrow(
      /share one TTL \(300\)/,
    );
    expect(log.writes).toHaveLength(0);
    await dns.update('example.com', [{ type: 'MX', name: '@', content: 'mx2.example.com', priority: 20 }]);
    expect(log.writes[0]?.replace[0]?.ttl).toBe(3600);
  });

  it('merge is idempotent: repeating it reads the zone and writes nothing', async () => {
    const { dns, log } = fakeSource(seed);
    const records: DnsRecordInput[] = [
      { type: 'TXT', name: '@', content: 'v=spf1 -all' },
      { type: 'A', name: 'www', content: '192.0.2.1', ttl: 900 },
    ];
    await dns.update('example.com', records);
    await dns.update('example.com', records);
    expect(log.writes).toHaveLength(1);
    expect(log.writes[0]?.replace.map((s) => `${s.name} ${s.type}`)).toEqual(['@ TXT']);
  });

  it('overwrite replaces only the named sets, keeps their TTL when none is given, and skips unchanged ones', async () => {
    const { dns, log, zone } = fakeSource(seed);
    await dns.update('example.com', [{ type: 'A', name: 'www', content: '192.0.2.9' }], { overwrite: true });
    expect(zone().filter((r) => r.name === 'www')).toEqual([
      { type: 'A', name: 'www', content: '192.0.2.9', ttl: 300, priority: 0 },
    ]);
    await dns.update('example.com', [{ type: 'A', name: 'www', content: '192.0.2.9' }], { overwrite: true });
    expect(log.writes).toHaveLength(1);
    expect(zone().filter((r) => r.type !== 'A')).toEqual(seed.filter((r) => r.type !== 'A'));
  });

  it('a CNAME beside another record is a ConflictError and nothing is written', async () => {
    const { dns, log } = fakeSource(seed);
    await expect(
      dns.create('example.com', { type: 'CNAME', name: 'www', content: 'example.org' }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      dns.writeSets('example.com', { replace: [{ type: 'CNAME', name: 'www', content: 'example.org' }] }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(log.writes).toHaveLength(0);
  });

  it('delete takes the type in any case, removes one value or the set, and writes nothing when absent', async () => {
    const { dns, log, zone } = fakeSource([
      ...seed,
      { type: 'MX', name: '@', content: 'mx2.example.com', ttl: 3600, priority: 20 },
    ]);
    await dns.delete('example.com', '@', 'mx' as never, { content: 'MX2.example.com.' });
    expect(
      zone()
        .filter((r) => r.type === 'MX')
        .map((r) => r.content),
    ).toEqual(['mx1.example.com']);
    await dns.delete('example.com', 'www', 'a' as never);
    expect(zone().some((r) => r.name === 'www')).toBe(false);
    await dns.delete('example.com', 'gone', 'A');
    await dns.delete('example.com', '@', 'MX', { content: 'other.example.com' });
    expect(log.writes.map((w) => w.delete.length + w.replace.length)).toEqual([1, 1]);
    expect(log.writes[1]).toEqual({ replace: [], delete: [{ name: 'www', type: 'A' }] });
  });

  it('write receives the records read for the same call', async () => {
    const { dns, log } = fakeSource(seed);
    await dns.delete('example.com', 'www', 'A');
    expect(log.current[0]).toEqual(seed);
  });

  it('writeSets writes the changed sets once; a blind source gets them without a read', async () => {
    const changes = {
      replace: [
        { type: 'A' as const, name: 'www', content: '192.0.2.1', ttl: 300 },
        { type: 'A' as const, name: 'new', content: '192.0.2.5', ttl: 60 },
      ],
      delete: [
        { name: 'absent', type: 'TXT' as const },
        { name: '@', type: 'mx' as never },
      ],
    };
    const read = fakeSource(seed);
    await read.dns.writeSets('example.com', changes);
    expect(read.log.writes).toEqual([
      {
        replace: [{ name: 'new', type: 'A', ttl: 60, records: [{ content: '192.0.2.5', priority: 0 }] }],
        delete: [{ name: '@', type: 'MX' }],
      },
    ]);
    const blind = fakeSource(seed, { blindSetWrites: true });
    await blind.dns.writeSets('example.com', changes);
    expect(blind.log.reads).toBe(0);
    expect(blind.log.writes[0]?.replace).toHaveLength(2);
    expect(blind.log.writes[0]?.delete).toHaveLength(2);
  });

  it('reset deletes every set but the apex NS unless the source has its own reset', async () => {
    const { dns, zone } = fakeSource(seed);
    await dns.reset('example.com');
    expect(zone()).toEqual([seed[0]]);
    let native = 0;
    const own = fakeSource(seed, { reset: async () => void native++ });
    await own.dns.reset('example.com');
    expect(native).toBe(1);
    expect(own.log.writes).toHaveLength(0);
  });

  it('recordTypes refuses the types a provider does not store, before reading', async () => {
    const { dns, log } = fakeSource(seed, { recordTypes: ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS'] });
    await expect(
      dns.create('example.com', { type: 'CAA', name: '@', content: '0 issue "ca.example"' }),
    ).rejects.toThrow(/fake stores only/);
    await expect(dns.delete('example.com', '@', 'SRV')).rejects.toBeInstanceOf(ValidationError);
    expect(log.reads).toBe(0);
  });

  it('a missing zone is the NotFoundError of the source', async () => {
    const { dns } = fakeSource(seed);
    await expect(dns.update('example.org', [{ type: 'A', name: 'x', content: '192.0.2.1' }])).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
