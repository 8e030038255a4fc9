import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../src/core/errors.js';
import { useDigitalOceanServer } from '../support/msw.js';
import { calls, providerFor, writes } from './helpers.js';

const { sim } = useDigitalOceanServer();
const dns = () => providerFor(sim).dns;
const zone = () => sim.state.domains.get('example.com')!;

describe('digitalocean: dns reads', () => {
  it('lists one record per DigitalOcean record with the SDK ids, content and priority; the SOA is left out', async () => {
    const records = await dns().list('example.com');
    expect(records.some((r) => (r.type as string) === 'SOA')).toBe(false);
    expect(records).toContainEqual({
      id: '@/MX/10',
      type: 'MX',
      name: '@',
      content: 'mx1.example.com',
      ttl: 1800,
      priority: 10,
    });
    expect(records).toContainEqual({
      id: '_sip._tcp/SRV/10',
      type: 'SRV',
      name: '_sip._tcp',
      content: '5 5060 sip.example.com',
      ttl: 1800,
      priority: 10,
    });
    expect(records).toContainEqual({
      id: '@/CAA/0',
      type: 'CAA',
      name: '@',
      content: '0 issue letsencrypt.org',
      ttl: 1800,
      priority: 0,
    });
    expect(records.filter((r) => r.type === 'NS').map((r) => r.content)).toEqual([
      'ns1.digitalocean.com',
      'ns2.digitalocean.com',
      'ns3.digitalocean.com',
    ]);
    expect(records.filter((r) => r.name === 'app').map((r) => r.id)).toHaveLength(2);
  });

  it('follows every page with per_page=200', async () => {
    const records = zone().records;
    for (let i = 0; i < 250; i++)
      records.push({ ...records.at(-1)!, id: 9_000_000 + i, type: 'A', name: `host${i}`, data: '192.0.2.1', ttl: 300 });
    const listed = await dns().list('example.com');
    expect(listed.filter((r) => r.name.startsWith('host'))).toHaveLength(250);
    expect(sim.requests.map((r) => r.search)).toEqual(['?per_page=200', '?per_page=200&page=2']);
  });

  it('a zone outside the account is a NotFoundError; a malformed domain a ValidationError without a request', async () => {
    await expect(dns().list('not-mine.org')).rejects.toBeInstanceOf(NotFoundError);
    await expect(dns().list('../x')).rejects.toBeInstanceOf(ValidationError);
    expect(sim.requests).toHaveLength(1);
  });
});

describe('digitalocean: dns writes', () => {
  it('create sends the whole record with host names absolute (trailing dot) and adds exactly one', async () => {
    await dns().create('example.com', { type: 'MX', name: '@', content: 'mx3.example.net', priority: 30 });
    const body = sim.requests.at(-1)!.body;
    expect(body).toEqual({
      type: 'MX',
      name: '@',
      data: 'mx3.example.net.',
      priority: 30,
      port: null,
      ttl: 1800,
      weight: null,
      flags: null,
      tag: null,
    });
    expect(writes(sim)).toEqual(['POST /v2/domains/example.com/records']);
  });

  it('SRV and CAA content is split into DigitalOcean fields and reads back the same', async () => {
    await dns().create('example.com', {
      type: 'SRV',
      name: '_xmpp._tcp',
      content: '5 5222 xmpp.example.com',
      priority: 10,
    });
    await dns().create('example.com', { type: 'CAA', name: '@', content: '0 issuewild "pki.goog"' });
    expect(sim.requests.filter((r) => r.method === 'POST').map((r) => r.body)).toMatchObject([
      { type: 'SRV', data: 'xmpp.example.com.', priority: 10, weight: 5, port: 5222 },
      { type: 'CAA', data: 'pki.goog.', flags: 0, tag: 'issuewild' },
    ]);
    const records = await dns().list('example.com');
    expect(records).toContainEqual(
      expect.objectContaining({ type: 'SRV', content: '5 5222 xmpp.example.com', priority: 10 }),
    );
    expect(records).toContainEqual(expect.objectContaining({ type: 'CAA', content: '0 issuewild pki.goog' }));
  });

  it('a bad record is a ValidationError naming the field, and nothing is sent', async () => {
    const error = await dns()
      .create('example.com', { type: 'A', name: 'x', content: '999.1.1.1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toHaveProperty('content');
    expect(sim.requests).toHaveLength(0);
  });

  it('an exact duplicate is a ConflictError and a CNAME next to other records too; nothing is written', async () => {
    await expect(
      dns().create('example.com', { type: 'A', name: 'app', content: '203.0.113.20', ttl: 300 }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      dns().create('example.com', { type: 'CNAME', name: 'app', content: 'example.com' }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(writes(sim)).toEqual([]);
  });

  it('a record joining a set takes its TTL; asking for another one is a ValidationError', async () => {
    await dns().create('example.com', { type: 'A', name: 'app', content: '203.0.113.22' });
    expect(sim.requests.at(-1)!.body).toMatchObject({ ttl: 300 });
    await expect(
      dns().create('example.com', { type: 'A', name: 'app', content: '203.0.113.23', ttl: 60 }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('merge adds only what is missing, and repeating it writes nothing', async () => {
    const records = [
      { type: 'A' as const, name: 'app', content: '203.0.113.20', ttl: 300 },
      { type: 'A' as const, name: 'app', content: '203.0.113.24', ttl: 300 },
    ];
    await dns().update('example.com', records);
    expect(writes(sim)).toEqual(['POST /v2/domains/example.com/records']);
    await dns().update('example.com', records);
    expect(writes(sim)).toHaveLength(1);
  });

  it('overwrite rewrites records in place with a whole-record PUT, deletes the rest and keeps other sets', async () => {
    const before = await dns().list('example.com');
    await dns().update('example.com', [{ type: 'A', name: 'app', content: '203.0.113.99', ttl: 600 }], {
      overwrite: true,
    });
    expect(writes(sim)).toEqual([
      'PUT /v2/domains/example.com/records/{id}',
      'DELETE /v2/domains/example.com/records/{id}',
    ]);
    expect(sim.requests.find((r) => r.method === 'PUT')!.body).toMatchObject({
      type: 'A',
      name: 'app',
      data: '203.0.113.99',
      ttl: 600,
    });
    const after = await dns().list('example.com');
    expect(after.filter((r) => r.name === 'app')).toEqual([
      { id: 'app/A/0', type: 'A', name: 'app', content: '203.0.113.99', ttl: 600, priority: 0 },
    ]);
    expect(after.filter((r) => r.name !== 'app')).toEqual(before.filter((r) => r.name !== 'app'));
  });

  it('delete removes a whole set, or with content only that value; an absent record is no error', async () => {
    await dns().delete('example.com', 'app', 'A', { content: '203.0.113.21' });
    expect((await dns().list('example.com')).filter((r) => r.name === 'app').map((r) => r.content)).toEqual([
      '203.0.113.20',
    ]);
    await dns().delete('example.com', '@', 'MX');
    expect((await dns().list('example.com')).filter((r) => r.type === 'MX')).toEqual([]);
    const deletes = writes(sim).length;
    await dns().delete('example.com', 'nothing-here', 'TXT');
    expect(writes(sim)).toHaveLength(deletes);
  });

  it('a DELETE answered 404 (already gone) counts as done', async () => {
    sim.inject({ status: 404, method: 'DELETE' });
    await dns().delete('example.com', '_dmarc', 'TXT');
    expect(calls(sim).filter((c) => c.startsWith('DELETE'))).toHaveLength(1);
  });

  it('reset leaves the SOA and DigitalOcean apex NS records only', async () => {
    await dns().reset('example.com');
    expect(zone().records.map((r) => `${r.type} ${r.name} ${r.data}`)).toEqual([
      'SOA @ 1800',
      'NS @ ns1.digitalocean.com',
      'NS @ ns2.digitalocean.com',
      'NS @ ns3.digitalocean.com',
    ]);
  });

  it('writeSets replaces and deletes record sets with per-record calls', async () => {
    await dns().writeSets!('example.com', {
      replace: [
        { type: 'TXT', name: '@', content: 'v=spf1 -all', ttl: 3600 },
        { type: 'A', name: 'new', content: '192.0.2.77', ttl: 3600 },
      ],
      delete: [{ name: 'app', type: 'A' }],
    });
    const after = await dns().list('example.com');
    expect(after.filter((r) => r.type === 'TXT' && r.name === '@').map((r) => r.content)).toEqual(['v=spf1 -all']);
    expect(after.filter((r) => r.name === 'new').map((r) => r.content)).toEqual(['192.0.2.77']);
    expect(after.filter((r) => r.name === 'app')).toEqual([]);
  });
});
