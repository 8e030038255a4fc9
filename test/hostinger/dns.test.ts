import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ProviderAPIError, ValidationError } from '../../src/core/errors.js';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import { useSimulatorServer } from '../support/msw.js';

const { sim, baseUrl } = useSimulatorServer();
const provider = () => createHostingerProvider({ apiKey: sim.token, baseUrl });
const writes = () => sim.requests.filter((r) => r.method !== 'GET');

describe('hostinger: dns', () => {
  it('lists one record per value with MX/SRV priority split out and TXT unquoted', async () => {
    const records = await provider().dns.list('example.com');
    expect(records).toContainEqual({
      id: '@/MX/10',
      type: 'MX',
      name: '@',
      content: 'mx1.example.com',
      ttl: 14400,
      priority: 10,
    });
    expect(records).toContainEqual({
      id: '@/MX/20',
      type: 'MX',
      name: '@',
      content: 'mx2.example.com',
      ttl: 14400,
      priority: 20,
    });
    expect(records).toContainEqual(
      expect.objectContaining({ type: 'SRV', name: '_sip._tcp', content: '5 5060 sip.example.com', priority: 10 }),
    );
    expect(records).toContainEqual(
      expect.objectContaining({
        type: 'TXT',
        name: '_dmarc',
        content: 'v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com',
      }),
    );
    expect(records).toContainEqual(expect.objectContaining({ id: 'www/CNAME/0', content: 'example.com' }));
    expect(records.filter((r) => r.name === 'app' && r.type === 'A')).toHaveLength(2);
  });

  it('gives every record a unique id that is stable across listings', async () => {
    const first = await provider().dns.list('example.com');
    const second = await provider().dns.list('example.com');
    expect(new Set(first.map((r) => r.id)).size).toBe(first.length);
    expect(second.map((r) => r.id)).toEqual(first.map((r) => r.id));
  });

  it('rejects an unknown zone with NotFoundError', async () => {
    await expect(provider().dns.list('not-mine.com')).rejects.toBeInstanceOf(NotFoundError);
  });

  it("says an unknown zone is not in the account, keeping Hostinger's own words in the cause", async () => {
    const error = await provider()
      .dns.list('Not-Mine.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe('No DNS zone not-mine.com in this Hostinger account');
    expect((error as Error).cause).toBeInstanceOf(NotFoundError);
    expect(((error as Error).cause as Error).message).toMatch(/GET \/api\/dns\/v1\/zones\/not-mine\.com/);
  });

  it('creates a record after /validate, without touching the rest of its set', async () => {
    await provider().dns.create('example.com', { type: 'A', name: 'app', content: '203.0.113.22' });
    const paths = writes().map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(['POST /api/dns/v1/zones/example.com/validate', 'PUT /api/dns/v1/zones/example.com']);
    expect(writes()[1]?.body).toMatchObject({ overwrite: false });
    const api = (await provider().dns.list('example.com')).filter((r) => r.name === 'app');
    expect(api.map((r) => r.content).sort()).toEqual(['203.0.113.20', '203.0.113.21', '203.0.113.22']);
    expect(api.every((r) => r.ttl === 300)).toBe(true); // the set's TTL was kept
  });

  it('creates an MX record with its priority written back into the content', async () => {
    await provider().dns.create('example.com', { type: 'MX', name: '@', content: 'mx3.example.com', priority: 30 });
    expect(await provider().dns.list('example.com')).toContainEqual(
      expect.objectContaining({ id: '@/MX/30', content: 'mx3.example.com', priority: 30 }),
    );
  });

  it('refuses an exact duplicate with ConflictError and sends no write', async () => {
    await expect(
      provider().dns.create('example.com', { type: 'TXT', name: '@', content: 'google-site-verification=abc123' }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(writes()).toHaveLength(0);
  });

  it('refuses a record next to an existing CNAME with ConflictError', async () => {
    await expect(
      provider().dns.create('example.com', { type: 'A', name: 'www', content: '192.0.2.1' }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(writes()).toHaveLength(0);
  });

  it('validates input before any request', async () => {
    const error = await provider()
      .dns.create('example.com', { type: 'A', name: 'www', content: '01.2.3.4' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toHaveProperty('content');
    expect(sim.requests).toHaveLength(0);
  });

  it('update merges: adds only what is missing, and repeating it changes nothing and sends nothing', async () => {
    const records = [
      { type: 'A' as const, name: 'app', content: '203.0.113.20' },
      { type: 'TXT' as const, name: '@', content: 'hello world' },
    ];
    await provider().dns.update('example.com', records);
    const after = await provider().dns.list('example.com');
    expect(writes().filter((r) => r.method === 'PUT')).toHaveLength(1);
    expect(writes()[1]?.body).toEqual({
      overwrite: false,
      zone: [{ name: '@', type: 'TXT', ttl: 14400, records: [{ content: '"hello world"' }] }],
    });
    const before = sim.requests.length;
    await provider().dns.update('example.com', records);
    expect(sim.requests.slice(before).map((r) => r.method)).toEqual(['GET']);
    expect(await provider().dns.list('example.com')).toEqual(after);
  });

  it('update with overwrite replaces exactly the named sets', async () => {
    const before = await provider().dns.list('example.com');
    await provider().dns.update('example.com', [{ type: 'A', name: 'app', content: '198.51.100.1', ttl: 600 }], {
      overwrite: true,
    });
    const after = await provider().dns.list('example.com');
    expect(after.filter((r) => r.name === 'app')).toEqual([
      { id: 'app/A/0', type: 'A', name: 'app', content: '198.51.100.1', ttl: 600, priority: 0 },
    ]);
    expect(after.filter((r) => r.name !== 'app')).toEqual(before.filter((r) => r.name !== 'app'));
    expect(writes().map((r) => r.method)).toEqual(['POST', 'PUT']);
  });

  it('update validates every record (field paths records.N.field) before sending', async () => {
    const error = await provider()
      .dns.update('example.com', [
        { type: 'A', name: 'a', content: '192.0.2.1' },
        { type: 'MX', name: '@', content: 'mx.example.com', priority: 70000 },
      ])
      .catch((e: unknown) => e);
    expect((error as ValidationError).fields).toHaveProperty(['records.1.priority']);
    expect(sim.requests).toHaveLength(0);
  });

  it('delete by name and type removes the whole set with a DELETE filter', async () => {
    await provider().dns.delete('example.com', 'app', 'A');
    expect(writes()).toEqual([
      expect.objectContaining({ method: 'DELETE', body: { filters: [{ name: 'app', type: 'A' }] } }),
    ]);
    expect((await provider().dns.list('example.com')).some((r) => r.name === 'app')).toBe(false);
  });

  it('delete with content removes only that record', async () => {
    await provider().dns.delete('example.com', '@', 'MX', { content: 'MX2.example.com.' });
    const mx = (await provider().dns.list('example.com')).filter((r) => r.type === 'MX');
    expect(mx).toEqual([expect.objectContaining({ content: 'mx1.example.com', priority: 10 })]);
    expect(writes().find((r) => r.method === 'PUT')?.body).toMatchObject({ overwrite: true });
  });

  it('delete with the last content of a set removes the set', async () => {
    await provider().dns.delete('example.com', 'www', 'CNAME', { content: 'example.com' });
    expect(writes().map((r) => r.method)).toEqual(['DELETE']);
    expect((await provider().dns.list('example.com')).some((r) => r.name === 'www')).toBe(false);
  });

  it('delete with content that is not there succeeds, changes nothing and writes nothing', async () => {
    const before = await provider().dns.list('example.com');
    await expect(provider().dns.delete('example.com', 'app', 'A', { content: '192.0.2.99' })).resolves.toBeUndefined();
    expect(writes()).toHaveLength(0);
    expect(await provider().dns.list('example.com')).toEqual(before);
  });

  it('reset restores the default zone', async () => {
    await provider().dns.delete('example.com', 'app', 'A');
    await provider().dns.reset('example.com');
    expect(writes().at(-1)).toMatchObject({ method: 'POST', path: '/api/dns/v1/zones/example.com/reset' });
    const records = await provider().dns.list('example.com');
    expect(records.length).toBeGreaterThan(0);
  });

  it('reset is never retried on a server error', async () => {
    sim.inject({ status: 503, times: 1, method: 'POST', path: /reset$/ });
    await expect(provider().dns.reset('example.com')).rejects.toBeInstanceOf(ProviderAPIError);
    expect(sim.requests.filter((r) => r.path.endsWith('/reset'))).toHaveLength(1);
  });

  it('a GET survives two injected 503s', async () => {
    sim.inject({ status: 503, times: 2, method: 'GET' });
    const records = await createHostingerProvider({ apiKey: sim.token, baseUrl, retry: { limit: 3 } }).dns.list(
      'example.net',
    );
    expect(records.length).toBeGreaterThan(0);
  });
});
