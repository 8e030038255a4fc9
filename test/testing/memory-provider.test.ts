import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  ErrNotSupported,
  NotFoundError,
  ValidationError,
  requireCapability,
  type Provider,
} from '../../src/index.js';
import { createMemoryProvider } from '../../src/testing/index.js';

const dnsOf = (p: Provider) => requireCapability(p, 'dns');

describe('testing: memory provider', () => {
  it('is named memory / Memory by default and takes a name and display name', () => {
    expect(createMemoryProvider()).toMatchObject({ name: 'memory', displayName: 'Memory' });
    expect(createMemoryProvider({ name: 'acme-dns', displayName: 'Acme DNS' })).toMatchObject({
      name: 'acme-dns',
      displayName: 'Acme DNS',
    });
  });

  it('rejects a provider name that is not a registry key and an unknown capability', () => {
    expect(() => createMemoryProvider({ name: 'Acme DNS' })).toThrow(ValidationError);
    expect(() => createMemoryProvider({ capabilities: ['dns', 'email' as never] })).toThrow(ValidationError);
  });

  it('leaves out the groups not listed in capabilities, so requireCapability throws ErrNotSupported', () => {
    const p = createMemoryProvider({ capabilities: ['dns', 'billing'] });
    expect(
      Object.keys(p)
        .filter((k) => typeof (p as unknown as Record<string, unknown>)[k] === 'object')
        .sort(),
    ).toEqual(['billing', 'dns']);
    expect('vps' in p).toBe(false);
    expect(() => requireCapability(p, 'vps')).toThrow(ErrNotSupported);
    expect(() => requireCapability(p, 'vps')).toThrow('memory does not support vps');
  });

  it('keeps separate state per provider', async () => {
    const [a, b] = [createMemoryProvider(), createMemoryProvider()];
    await dnsOf(a).create('example.com', { type: 'A', name: 'only-a', content: '192.0.2.1' });
    expect((await dnsOf(b).list('example.com')).some((r) => r.name === 'only-a')).toBe(false);
  });
});

describe('testing: memory provider dns', () => {
  it('starts with example.com listed one record per entry with stable name/type ids', async () => {
    const ids = (await dnsOf(createMemoryProvider()).list('example.com')).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['@/A/0', '@/AAAA/0', 'www/CNAME/0', '@/MX/10', '@/TXT/0']));
    const ns = ids.filter((id) => id.startsWith('@/NS/0'));
    expect(ns).toHaveLength(2);
    expect(ns.every((id) => /^@\/NS\/0#[0-9a-f]{8}$/.test(id))).toBe(true);
  });

  it('seeds zones from options.zones, normalized (A-label zone, lowercase host, defaults filled)', async () => {
    const p = createMemoryProvider({
      zones: { 'Bücher.DE': [{ type: 'MX', name: '@', content: 'Mail.Example.org.', priority: 5 }] },
    });
    expect(await dnsOf(p).list('xn--bcher-kva.de')).toEqual([
      { id: '@/MX/5', type: 'MX', name: '@', content: 'mail.example.org', ttl: 14400, priority: 5 },
    ]);
    await expect(dnsOf(p).list('example.com')).rejects.toThrow(NotFoundError);
  });

  it('refuses an invalid seed zone with a ValidationError naming the record field', () => {
    const error = (() => {
      try {
        createMemoryProvider({ zones: { 'example.com': [{ type: 'A', name: '@', content: '1.2.3' }] } });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toHaveProperty(['records.0.content']);
  });

  it('create never overwrites: the same host in another case is a ConflictError, another content is added', async () => {
    const dns = dnsOf(createMemoryProvider());
    await expect(
      dns.create('example.com', { type: 'MX', name: '@', content: 'MAIL.example.com.', priority: 10 }),
    ).rejects.toThrow(ConflictError);
    await dns.create('example.com', { type: 'MX', name: '@', content: 'mail2.example.com', priority: 10 });
    const mx = (await dns.list('example.com'))
      .filter((r) => r.type === 'MX')
      .map((r) => r.content)
      .sort();
    expect(mx).toEqual(['mail.example.com', 'mail2.example.com']);
  });

  it('refuses a CNAME next to an existing record as a ConflictError and keeps the zone', async () => {
    const dns = dnsOf(createMemoryProvider());
    const before = await dns.list('example.com');
    await expect(
      dns.create('example.com', { type: 'CNAME', name: 'www', content: 'other.example.com' }),
    ).rejects.toThrow(ConflictError);
    await expect(dns.update('example.com', [{ type: 'TXT', name: 'www', content: 'x' }])).rejects.toThrow(
      ConflictError,
    );
    expect(await dns.list('example.com')).toEqual(before);
  });

  it('update rejects the whole batch when one record is bad, naming records.1.content, and writes nothing', async () => {
    const dns = dnsOf(createMemoryProvider());
    const before = await dns.list('example.com');
    const attempt = dns.update('example.com', [
      { type: 'A', name: 'ok', content: '192.0.2.1' },
      { type: 'AAAA', name: 'bad', content: '1.2.3.4' },
    ]);
    await expect(attempt).rejects.toMatchObject({
      name: 'ValidationError',
      fields: { 'records.1.content': expect.any(Array) },
    });
    expect(await dns.list('example.com')).toEqual(before);
  });

  it('update merge keeps a present record exactly as it was (id and TTL)', async () => {
    const dns = dnsOf(createMemoryProvider());
    const before = (await dns.list('example.com')).filter((r) => r.type === 'A');
    await dns.update('example.com', [{ type: 'A', name: '@', content: '192.0.2.10', ttl: 600 }]);
    const a = (await dns.list('example.com')).filter((r) => r.type === 'A');
    expect(a).toEqual(before);
    expect(a[0]).toMatchObject({ id: '@/A/0', content: '192.0.2.10' });
  });

  it('update overwrite of the apex MX set keeps the other types at the apex', async () => {
    const dns = dnsOf(createMemoryProvider());
    await dns.update('example.com', [{ type: 'MX', name: '@', content: 'mx.example.net', priority: 20 }], {
      overwrite: true,
    });
    const apex = (await dns.list('example.com')).filter((r) => r.name === '@').map((r) => r.id);
    expect(apex).toContain('@/MX/20');
    expect(apex).not.toContain('@/MX/10');
    expect(apex).toEqual(expect.arrayContaining(['@/A/0', '@/AAAA/0', '@/TXT/0']));
  });

  it('delete with content matches a quoted TXT value and a host name in another case', async () => {
    const dns = dnsOf(createMemoryProvider());
    await dns.delete('example.com', '@', 'TXT', { content: '"v=spf1 mx ~all"' });
    await dns.delete('example.com', 'WWW', 'CNAME', { content: 'Example.COM.' });
    const ids = (await dns.list('example.com')).map((r) => r.id);
    expect(ids).not.toContain('@/TXT/0');
    expect(ids).not.toContain('www/CNAME/0');
  });

  it('delete of a record that is not there succeeds and changes nothing', async () => {
    const dns = dnsOf(createMemoryProvider());
    const before = await dns.list('example.com');
    await dns.delete('example.com', 'nothing-here', 'A');
    await dns.delete('example.com', '@', 'A', { content: '198.51.100.1' });
    expect(await dns.list('example.com')).toEqual(before);
  });

  it('delete rejects an unknown type and a malformed content with ValidationError', async () => {
    const dns = dnsOf(createMemoryProvider());
    await expect(dns.delete('example.com', '@', 'SPF' as never)).rejects.toMatchObject({
      fields: { type: expect.any(Array) },
    });
    await expect(dns.delete('example.com', '@', 'A', { content: '300.1.1.1' })).rejects.toMatchObject({
      fields: { content: expect.any(Array) },
    });
  });

  it('reset leaves only the default records (two NS, or options.defaultRecords)', async () => {
    const dns = dnsOf(createMemoryProvider());
    await dns.reset('example.com');
    expect((await dns.list('example.com')).map((r) => `${r.type} ${r.content}`).sort()).toEqual([
      'NS ns1.example.net',
      'NS ns2.example.net',
    ]);
    const custom = dnsOf(
      createMemoryProvider({
        defaultRecords: (d) => [
          { type: 'A', name: '@', content: '192.0.2.99' },
          { type: 'TXT', name: '@', content: `zone ${d}` },
        ],
      }),
    );
    await custom.reset('example.com');
    expect((await custom.list('example.com')).map((r) => r.content)).toEqual(['192.0.2.99', 'zone example.com']);
  });

  it('every method is a NotFoundError for a zone that does not exist', async () => {
    const dns = dnsOf(createMemoryProvider());
    const record = { type: 'A', name: 'x', content: '192.0.2.1' } as const;
    for (const call of [
      () => dns.list('missing.example'),
      () => dns.create('missing.example', record),
      () => dns.update('missing.example', [record]),
      () => dns.delete('missing.example', 'x', 'A'),
      () => dns.reset('missing.example'),
    ]) {
      await expect(call()).rejects.toThrow(NotFoundError);
    }
  });

  it('returns copies: mutating a listed record does not change the zone', async () => {
    const dns = dnsOf(createMemoryProvider());
    const [first] = await dns.list('example.com');
    first!.content = 'tampered';
    expect((await dns.list('example.com')).some((r) => r.content === 'tampered')).toBe(false);
  });
});
