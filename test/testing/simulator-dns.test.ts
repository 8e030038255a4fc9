import { describe, expect, it } from 'vitest';
import { DNS_CONFLICT_MESSAGE, type SimRRsetWire } from '../../src/testing/simulators/hostinger/index.js';
import { hostingerCall } from '../support/hostinger-call.js';
import { useSimulatorServer } from '../support/msw.js';
import { specPath } from '../support/openapi.js';

const { sim, baseUrl, allowInvalidRequests, violations } = useSimulatorServer();
const call = hostingerCall(baseUrl);
const ZONE = '/api/dns/v1/zones/example.com';

const findSet = (zone: SimRRsetWire[], name: string, type: string) =>
  zone.find((s) => s.name === name && s.type === type);
const contents = (set: SimRRsetWire | undefined) => set?.records.map((r) => r.content);
const getZone = async () => (await call<SimRRsetWire[]>('GET', ZONE)).body;

describe('simulator: dns', () => {
  it('answers 401 Unauthenticated without the right Bearer token', async () => {
    for (const token of [null, 'wrong-token']) {
      const result = await hostingerCall(baseUrl, { token })('GET', ZONE);
      expect(result.status).toBe(401);
      expect(result.body).toEqual({
        message: 'Unauthenticated',
        correlation_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
    }
  });

  it('serves the seeded zone as RRsets, TXT quoted and MX/SRV priority inside content', async () => {
    const zone = await getZone();
    expect(contents(findSet(zone, '@', 'MX'))).toEqual(['10 mx1.example.com', '20 mx2.example.com']);
    expect(contents(findSet(zone, '@', 'TXT'))).toContain('"v=spf1 include:_spf.example.com ~all"');
    expect(contents(findSet(zone, '_sip._tcp', 'SRV'))).toEqual(['10 5 5060 sip.example.com']);
    expect(findSet(zone, 'app', 'A')).toEqual({
      name: 'app',
      type: 'A',
      ttl: 300,
      records: [
        { content: '203.0.113.20', is_disabled: false },
        { content: '203.0.113.21', is_disabled: false },
      ],
    });
  });

  it('replaces only the named record sets when overwrite is omitted', async () => {
    const before = await getZone();
    const put = await call('PUT', ZONE, { zone: [{ name: 'app', type: 'A', records: [{ content: '198.51.100.9' }] }] });
    expect(put).toMatchObject({ status: 200, body: { message: 'Request accepted' } });
    const after = await getZone();
    expect(findSet(after, 'app', 'A')).toEqual({
      name: 'app',
      type: 'A',
      ttl: 14400,
      records: [{ content: '198.51.100.9', is_disabled: false }],
    });
    expect(after.filter((s) => s.name !== 'app')).toEqual(before.filter((s) => s.name !== 'app'));
  });

  it('appends with overwrite false, updates the TTL, and answers [DNS:4008] when a record already exists', async () => {
    const body = {
      overwrite: false,
      zone: [{ name: 'app', type: 'A', ttl: 600, records: [{ content: '203.0.113.22' }] }],
    };
    expect((await call('PUT', ZONE, body)).status).toBe(200);
    const set = findSet(await getZone(), 'app', 'A');
    expect(set?.ttl).toBe(600);
    expect(contents(set)).toEqual(['203.0.113.20', '203.0.113.21', '203.0.113.22']);

    const again = await call('PUT', ZONE, body);
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({
      message: DNS_CONFLICT_MESSAGE,
      errors: { 'zone.0.records.0.content': [DNS_CONFLICT_MESSAGE] },
    });
    expect(contents(findSet(await getZone(), 'app', 'A'))).toHaveLength(3);
  });

  it('treats hostnames case- and trailing-dot-insensitively when detecting a conflict', async () => {
    const result = await call('PUT', ZONE, {
      overwrite: false,
      zone: [{ name: '@', type: 'MX', records: [{ content: '10 MX1.example.com.' }] }],
    });
    expect(result.status).toBe(422);
    expect(result.body.message).toBe(DNS_CONFLICT_MESSAGE);
  });

  it('stores TXT wrapped in double quotes, without quoting an already quoted value twice', async () => {
    await call('PUT', ZONE, {
      zone: [{ name: '_acme-challenge', type: 'TXT', records: [{ content: 'token-1' }, { content: '"token-2"' }] }],
    });
    expect(contents(findSet(await getZone(), '_acme-challenge', 'TXT'))).toEqual(['"token-1"', '"token-2"']);
    const dup = await call('PUT', ZONE, {
      overwrite: false,
      zone: [{ name: '_acme-challenge', type: 'TXT', records: [{ content: 'token-1' }] }],
    });
    expect(dup.status).toBe(422);
  });

  it('deletes whole (name, type) sets named by the filters', async () => {
    const result = await call('DELETE', ZONE, {
      filters: [
        { name: '@', type: 'MX' },
        { name: 'nothing-here', type: 'A' },
      ],
    });
    expect(result.status).toBe(200);
    const zone = await getZone();
    expect(findSet(zone, '@', 'MX')).toBeUndefined();
    expect(findSet(zone, '@', 'A')).toBeDefined();
  });

  it('validates without changing the zone: 200 Request accepted, or 422 naming the record', async () => {
    const before = await getZone();
    const ok = await call('POST', `${ZONE}/validate`, {
      zone: [{ name: 'new', type: 'A', records: [{ content: '192.0.2.1' }] }],
    });
    expect(ok).toMatchObject({ status: 200, body: { message: 'Request accepted' } });
    const bad = await call('POST', `${ZONE}/validate`, {
      zone: [{ name: 'new', type: 'A', records: [{ content: '999.1.1.1' }] }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body).toEqual({
      message: 'The zone.0.records.0.content must be a valid IPv4 address.',
      errors: { 'zone.0.records.0.content': ['The zone.0.records.0.content must be a valid IPv4 address.'] },
      correlation_id: expect.any(String),
    });
    expect(await getZone()).toEqual(before);
  });

  it('answers 422 in Laravel shape when the body misses a required field', async () => {
    allowInvalidRequests();
    const result = await call('PUT', ZONE, {
      zone: [
        { name: 'x', type: 'A', records: [{}] },
        { type: 'A', records: [{ content: '192.0.2.1' }] },
      ],
    });
    expect(result.status).toBe(422);
    expect(result.body.message).toBe('The zone.0.records.0.content field is required. (and 1 more error)');
    expect(Object.keys(result.body.errors)).toEqual(['zone.0.records.0.content', 'zone.1.name']);
  });

  it('rejects a CNAME next to another record at the same name with [DNS:4008]', async () => {
    const result = await call('PUT', ZONE, {
      zone: [{ name: 'app', type: 'CNAME', records: [{ content: 'example.com.' }] }],
    });
    expect(result).toMatchObject({ status: 422, body: { message: DNS_CONFLICT_MESSAGE } });
  });

  it('reset restores the seeded zone', async () => {
    const seeded = await getZone();
    await call('DELETE', ZONE, {
      filters: [
        { name: '@', type: 'A' },
        { name: '@', type: 'TXT' },
      ],
    });
    await call('PUT', ZONE, { zone: [{ name: 'tmp', type: 'A', records: [{ content: '192.0.2.9' }] }] });
    expect((await call('POST', `${ZONE}/reset`, {})).status).toBe(200);
    expect(await getZone()).toEqual(seeded);
  });

  it('answers "Domain name is not valid" for a zone the account does not have (404 read, 422 write)', async () => {
    const read = await call('GET', '/api/dns/v1/zones/not-mine.com');
    expect(read).toMatchObject({ status: 404, body: { message: 'Domain name is not valid' } });
    const write = await call('PUT', '/api/dns/v1/zones/not-mine.com', {
      zone: [{ name: '@', type: 'A', records: [{ content: '192.0.2.1' }] }],
    });
    expect(write).toMatchObject({
      status: 422,
      body: { message: 'Domain name is not valid', errors: { domain: ['Domain name is not valid'] } },
    });
  });

  it('keeps each test isolated: the zone is back to the seeded account after reset()', () => {
    expect(contents(findSet(sim.state.zones.get('example.com')!, 'app', 'A'))).toEqual([
      '203.0.113.20',
      '203.0.113.21',
    ]);
  });

  it.runIf(specPath)('reports a request the spec does not know', async () => {
    await call('GET', '/api/dns/v1/records');
    expect(await violations()).toContain('GET /api/dns/v1/records: path not in the spec');
    allowInvalidRequests();
  });
});
