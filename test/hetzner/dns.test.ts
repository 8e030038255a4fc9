import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ProviderAPIError, ValidationError } from '../../src/core/errors.js';
import { useHetznerServer } from '../support/msw.js';
import { calls, providerFor, values, writes } from './helpers.js';

const { sim } = useHetznerServer();

describe('hetzner: dns.list', () => {
  it('lists one record per value, priorities out of MX/SRV values, TXT unquoted, the SOA left out', async () => {
    const records = await providerFor(sim).dns.list('example.com');
    const by = (name: string, type: string) => records.filter((r) => r.name === name && r.type === type);
    expect(by('@', 'MX').map((r) => [r.priority, r.content])).toEqual([
      [10, 'mx1.example.com'],
      [20, 'mx2.example.com'],
    ]);
    expect(by('_sip._tcp', 'SRV')).toEqual([
      expect.objectContaining({ priority: 10, content: '5 5060 sip.example.com' }),
    ]);
    expect(by('@', 'TXT')[0]!.content).toBe('v=spf1 include:_spf.example.com ~all');
    expect(by('www', 'CNAME')[0]).toMatchObject({ content: 'example.com', ttl: 3600 });
    expect(by('@', 'NS')).toHaveLength(3);
    expect(records.some((r) => (r.type as string) === 'SOA')).toBe(false);
  });

  it('a set without its own TTL shows the zone default TTL', async () => {
    sim.state.zones.get('example.com')!.ttl = 7200;
    const records = await providerFor(sim).dns.list('example.com');
    expect(records.find((r) => r.name === '@' && r.type === 'A')!.ttl).toBe(7200);
    expect(records.find((r) => r.name === 'app')!.ttl).toBe(300);
  });

  it('reads a host without a trailing dot as relative to the zone', async () => {
    sim.state.zones.get('example.com')!.rrsets.get('www/CNAME')!.records = [{ value: 'web', comment: '' }];
    const records = await providerFor(sim).dns.list('example.com');
    expect(records.find((r) => r.name === 'www')!.content).toBe('web.example.com');
  });

  it('follows every page of record sets, 100 at a time', async () => {
    const zone = sim.state.zones.get('example.com')!;
    for (let i = 0; i < 150; i++)
      zone.rrsets.set(`h${i}/A`, {
        name: `h${i}`,
        type: 'A',
        ttl: null,
        labels: {},
        protection: { change: false },
        records: [{ value: '192.0.2.1', comment: '' }],
      });
    const records = await providerFor(sim).dns.list('example.com');
    expect(records.filter((r) => r.name.startsWith('h'))).toHaveLength(150);
    const pages = sim.requests.filter((r) => r.path.endsWith('/rrsets')).map((r) => r.search);
    expect(pages).toEqual(['?page=1&per_page=100', '?page=2&per_page=100']);
  });

  it('an unknown zone is a NotFoundError', async () => {
    await expect(providerFor(sim).dns.list('nope.example')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a secondary zone is a ValidationError naming the domain', async () => {
    sim.state.zones.get('example.com')!.mode = 'secondary';
    const error = (await providerFor(sim)
      .dns.list('example.com')
      .catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fields.domain?.[0]).toMatch(/secondary/);
  });
});

describe('hetzner: dns writes', () => {
  it('create adds to an existing set with add_records (no TTL), waits for the action, and the listing shows it', async () => {
    const provider = providerFor(sim);
    await provider.dns.create('example.com', { type: 'A', name: 'app', content: '203.0.113.22' });
    expect(writes(sim)).toEqual(['POST /zones/example.com/rrsets/app/A/actions/add_records']);
    expect(sim.requests.find((r) => r.method === 'POST')!.body).toEqual({ records: [{ value: '203.0.113.22' }] });
    expect(calls(sim)).toContain('GET /actions');
    expect(values(sim, 'example.com', 'app', 'A')).toEqual(['203.0.113.20', '203.0.113.21', '203.0.113.22']);
    const action = [...sim.state.actions.values()][0]!;
    expect(action.status).toBe('success');
    const listed = await provider.dns.list('example.com');
    expect(listed.filter((r) => r.name === 'app').map((r) => r.content)).toContain('203.0.113.22');
  });

  it('a new set is one add_records with its TTL; hosts go out absolute, TXT quoted and split at 255 bytes', async () => {
    const provider = providerFor(sim);
    const long = 'x'.repeat(300);
    await provider.dns.update('example.com', [
      { type: 'MX', name: 'mail', content: 'mx.example.net', priority: 5, ttl: 600 },
      { type: 'TXT', name: 'long', content: long },
      { type: 'SRV', name: '_x._tcp', content: '1 443 .', priority: 0 },
    ]);
    expect(writes(sim)).toEqual([
      'POST /zones/example.com/rrsets/mail/MX/actions/add_records',
      'POST /zones/example.com/rrsets/long/TXT/actions/add_records',
      'POST /zones/example.com/rrsets/_x._tcp/SRV/actions/add_records',
    ]);
    expect(sim.state.zones.get('example.com')!.rrsets.get('mail/MX')).toMatchObject({
      ttl: 600,
      records: [{ value: '5 mx.example.net.' }],
    });
    expect(values(sim, 'example.com', 'long', 'TXT')).toEqual([`"${'x'.repeat(255)}" "${'x'.repeat(45)}"`]);
    expect(values(sim, 'example.com', '_x._tcp', 'SRV')).toEqual(['0 1 443 .']);
    const listed = await provider.dns.list('example.com');
    expect(listed.find((r) => r.name === 'long')!.content).toBe(long);
    expect(listed.find((r) => r.name === '_x._tcp')!.content).toBe('1 443 .');
  });

  it('a TTL change alone is one change_ttl', async () => {
    await providerFor(sim).dns.update('example.com', [{ type: 'A', name: 'app', content: '203.0.113.20', ttl: 900 }], {
      overwrite: true,
    });
    expect(writes(sim)).toEqual([
      'POST /zones/example.com/rrsets/app/A/actions/set_records',
      'POST /zones/example.com/rrsets/app/A/actions/change_ttl',
    ]);
    expect(sim.state.zones.get('example.com')!.rrsets.get('app/A')!.ttl).toBe(900);
  });

  it('an exact duplicate is a ConflictError and nothing is written', async () => {
    const error = await providerFor(sim)
      .dns.create('example.com', { type: 'A', name: 'app', content: '203.0.113.20' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(writes(sim)).toEqual([]);
  });

  it('delete of a whole set is one DELETE; of one value, one remove_records of that value', async () => {
    const provider = providerFor(sim);
    await provider.dns.delete('example.com', 'app', 'A', { content: '203.0.113.21' });
    await provider.dns.delete('example.com', '_dmarc', 'TXT');
    expect(writes(sim)).toEqual([
      'POST /zones/example.com/rrsets/app/A/actions/remove_records',
      'DELETE /zones/example.com/rrsets/_dmarc/TXT',
    ]);
    expect(values(sim, 'example.com', 'app', 'A')).toEqual(['203.0.113.20']);
    expect(values(sim, 'example.com', '_dmarc', 'TXT')).toBeUndefined();
  });

  it('the apex set is addressed as @ in the path', async () => {
    await providerFor(sim).dns.delete('example.com', '@', 'CAA');
    expect(sim.requests.some((r) => r.method === 'DELETE' && r.path === '/v1/zones/example.com/rrsets/@/CAA')).toBe(
      true,
    );
  });

  it('a CNAME replacing an A set waits for the delete before creating the CNAME', async () => {
    await providerFor(sim).dns.writeSets!('example.com', {
      delete: [{ name: 'app', type: 'A' }],
      replace: [{ type: 'CNAME', name: 'app', content: 'example.com' }],
    });
    const sent = calls(sim).filter((c) => !c.startsWith('GET /zones'));
    expect(sent).toEqual([
      'DELETE /zones/example.com/rrsets/app/A',
      'GET /actions',
      'GET /actions',
      'POST /zones/example.com/rrsets',
      'GET /actions',
      'GET /actions',
    ]);
    expect(values(sim, 'example.com', 'app', 'CNAME')).toEqual(['example.com.']);
  });

  it('many changed sets are polled together: one GET /actions per poll for up to 25 actions', async () => {
    const replace = Array.from({ length: 30 }, (_, i) => ({ type: 'TXT' as const, name: `t${i}`, content: `v${i}` }));
    await providerFor(sim).dns.writeSets!('example.com', { replace });
    const polls = sim.requests.filter((r) => r.path === '/v1/actions');
    // 30 actions: two requests (25 + 5 ids) per poll, two polls until they succeed.
    expect(polls).toHaveLength(4);
    expect(new URLSearchParams(polls[0]!.search).getAll('id')).toHaveLength(25);
  });

  it('writeSets right after a listing writes without reading the zone again; later it reads first', async () => {
    const provider = providerFor(sim);
    await provider.dns.list('example.com');
    const listed = sim.requests.length;
    await provider.dns.writeSets!('example.com', { replace: [{ type: 'TXT', name: 'a', content: 'one' }] });
    expect(
      calls(sim)
        .slice(listed)
        .filter((c) => c.startsWith('GET /zones')),
    ).toEqual([]);
    // The write used up that listing: the next writeSets reads the zone (and sees the set it wrote).
    await provider.dns.writeSets!('example.com', { replace: [{ type: 'TXT', name: 'a', content: 'one' }] });
    expect(writes(sim)).toEqual(['POST /zones/example.com/rrsets']);
  });

  it('writeSets refuses a CNAME beside other records with a ConflictError before writing', async () => {
    const error = await providerFor(sim).dns.writeSets!('example.com', {
      replace: [{ type: 'CNAME', name: 'app', content: 'example.com' }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(writes(sim)).toEqual([]);
  });

  it('a failed action is an error naming the action and its code', async () => {
    sim.state.failActions.push({ command: 'add_rrset_records', code: 'action_failed' });
    const error = await providerFor(sim)
      .dns.create('example.com', { type: 'A', name: 'new', content: '192.0.2.9' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderAPIError);
    expect((error as Error).message).toMatch(/action add_rrset_records \(id \d+\) failed with action_failed/);
  });

  it('bad input is a ValidationError before any request', async () => {
    await expect(
      providerFor(sim).dns.create('example.com', { type: 'A', name: 'x', content: 'not-an-ip' }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      providerFor(sim).dns.create('example.com', { type: 'A', name: 'x', content: '192.0.2.1', ttl: 30 }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(sim.requests).toEqual([]);
  });
});
