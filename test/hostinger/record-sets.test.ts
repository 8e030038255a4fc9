import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../src/core/errors.js';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import { useSimulatorServer } from '../support/msw.js';

const { sim, baseUrl } = useSimulatorServer();
const provider = () => createHostingerProvider({ apiKey: sim.token, baseUrl });
const writes = () => sim.requests.filter((r) => r.method !== 'GET');

describe('hostinger: dns record sets share one TTL', () => {
  it('create with a TTL other than its set’s is a ValidationError on ttl, and nothing is written', async () => {
    const before = await provider().dns.list('example.com');
    const attempt = provider().dns.create('example.com', {
      type: 'A',
      name: 'app',
      content: '203.0.113.22',
      ttl: 3600,
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ fields: { ttl: [expect.stringMatching(/TTL \(300\)/)] } });
    expect(writes()).toEqual([]);
    expect(await provider().dns.list('example.com')).toEqual(before);
  });

  it('create into an existing set with the set’s TTL (or none) leaves the other records as they were', async () => {
    const siblings = (await provider().dns.list('example.com')).filter((r) => r.name === 'app');
    await provider().dns.create('example.com', { type: 'A', name: 'app', content: '203.0.113.23', ttl: 300 });
    const after = (await provider().dns.list('example.com')).filter((r) => r.name === 'app');
    expect(after).toEqual(expect.arrayContaining(siblings));
    expect(after).toHaveLength(siblings.length + 1);
  });

  it('a merge naming a record set with another TTL names the record’s ttl field', async () => {
    const attempt = provider().dns.update('example.com', [
      { type: 'A', name: 'fresh', content: '192.0.2.1', ttl: 600 },
      { type: 'A', name: 'app', content: '203.0.113.24', ttl: 60 },
    ]);
    await expect(attempt).rejects.toMatchObject({ fields: { 'records.1.ttl': [expect.any(String)] } });
    expect(writes()).toEqual([]);
  });
});

describe('hostinger: dns disabled records', () => {
  it('delete by content refuses a set holding a disabled record (the API would enable or lose it)', async () => {
    const set = sim.state.zones.get('example.com')!.find((s) => s.name === 'app' && s.type === 'A')!;
    set.records.push({ content: '203.0.113.99', is_disabled: true });
    const attempt = provider().dns.delete('example.com', 'app', 'A', { content: '203.0.113.20' });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toThrow(/disabled/);
    expect(writes()).toEqual([]);
    expect(set.records.map((r) => r.content)).toEqual(['203.0.113.20', '203.0.113.21', '203.0.113.99']);
  });
});

describe('hostinger: CAA spelling', () => {
  it('merging a CAA record that exists without quotes changes nothing', async () => {
    const before = await provider().dns.list('example.com');
    expect(before).toContainEqual(expect.objectContaining({ type: 'CAA', content: '0 issue letsencrypt.org' }));
    await provider().dns.update('example.com', [{ type: 'CAA', name: '@', content: '0 issue "letsencrypt.org"' }]);
    expect(writes()).toEqual([]);
    expect(await provider().dns.list('example.com')).toEqual(before);
  });
});
