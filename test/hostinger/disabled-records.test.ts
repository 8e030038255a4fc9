import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/core/errors.js';
import { createHostingerDns, createHostingerProvider } from '../../src/hostinger/index.js';
import { applyPlan, planZone, restoreSnapshot } from '../../src/zone/index.js';
import { useSimulatorServer } from '../support/msw.js';

const { sim, baseUrl } = useSimulatorServer();
const provider = () => createHostingerProvider({ apiKey: sim.token, baseUrl });
const writes = () => sim.requests.filter((r) => r.method !== 'GET');
const appSet = () => sim.state.zones.get('example.com')!.find((s) => s.name === 'app' && s.type === 'A')!;

/** Switches one more value of the `app A` set on, disabled, as hPanel can (the API cannot). */
function disableOneInApp(): void {
  appSet().records.push({ content: '203.0.113.99', is_disabled: true });
}

const appRecords = () => appSet().records.map((r) => `${r.content}${r.is_disabled ? ' (disabled)' : ''}`);

describe('hostinger: records disabled in hPanel are never lost silently', () => {
  it('a plan that changes only the TTL of a set holding one is refused, naming it, and nothing is written', async () => {
    disableOneInApp();
    const before = appRecords();
    const current = await provider().dns.list('example.com');
    const desired = current.map((r) => (r.name === 'app' ? { ...r, ttl: 600 } : r));
    const plan = await planZone(provider(), 'example.com', desired);
    expect(plan.changes.map((c) => `${c.action} ${c.name} ${c.type}`)).toEqual(['update app A']);
    const attempt = applyPlan(provider(), plan);
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toThrow(/app A \("203\.0\.113\.99"\)/);
    expect(writes()).toEqual([]);
    expect(appRecords()).toEqual(before);
  });

  it('applyPlan still writes in its four requests when the sets it touches hold no disabled record', async () => {
    disableOneInApp();
    const current = await provider().dns.list('example.com');
    const desired = [...current, { type: 'A' as const, name: 'new', content: '192.0.2.50', ttl: 300 }];
    const plan = await planZone(provider(), 'example.com', desired);
    const before = sim.requests.length;
    await applyPlan(provider(), plan);
    expect(sim.requests.slice(before).map((r) => r.method)).toEqual(['GET', 'POST', 'PUT']);
    expect(appRecords()).toContain('203.0.113.99 (disabled)');
  });

  it('a plan that deletes such a set is refused too', async () => {
    disableOneInApp();
    const current = await provider().dns.list('example.com');
    const plan = await planZone(
      provider(),
      'example.com',
      current.filter((r) => r.name !== 'app'),
    );
    const attempt = applyPlan(provider(), plan, { force: true });
    await expect(attempt).rejects.toThrow(/delete .*app A .*203\.0\.113\.99/);
    expect(writes()).toEqual([]);
    expect(appRecords()).toHaveLength(3);
  });

  it('creating a set whose records are all disabled (it looks absent) is refused', async () => {
    sim.state.zones
      .get('example.com')!
      .push({ name: 'hidden', type: 'A', ttl: 300, records: [{ content: '192.0.2.77', is_disabled: true }] });
    const current = await provider().dns.list('example.com');
    const desired = [...current, { type: 'A' as const, name: 'hidden', content: '192.0.2.78', ttl: 300 }];
    const plan = await planZone(provider(), 'example.com', desired);
    expect(plan.changes.map((c) => `${c.action} ${c.name} ${c.type}`)).toEqual(['create hidden A']);
    await expect(applyPlan(provider(), plan)).rejects.toThrow(/hidden A \("192\.0\.2\.77"\)/);
    expect(writes()).toEqual([]);
  });

  it('restoring a snapshot over such a set is refused rather than dropping the record', async () => {
    const snapshot = (await planZone(provider(), 'example.com', await provider().dns.list('example.com'))).snapshot;
    await provider().dns.update('example.com', [{ type: 'A', name: 'app', content: '203.0.113.30', ttl: 300 }], {
      overwrite: true,
    });
    disableOneInApp();
    const before = writes().length;
    await expect(restoreSnapshot(provider(), snapshot)).rejects.toBeInstanceOf(ConflictError);
    expect(writes()).toHaveLength(before);
    expect(appRecords()).toEqual(['203.0.113.30', '203.0.113.99 (disabled)']);
  });

  it('update with overwrite refuses a set holding one (reading the zone first), and sends no write', async () => {
    disableOneInApp();
    const attempt = provider().dns.update(
      'example.com',
      [{ type: 'A', name: 'app', content: '203.0.113.20', ttl: 300 }],
      { overwrite: true },
    );
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toThrow(/disabled/);
    expect(writes()).toEqual([]);
    expect(appRecords()).toHaveLength(3);
  });

  it('writeSets called on its own reads the zone and refuses a set holding one', async () => {
    disableOneInApp();
    const attempt = provider().dns.writeSets!('example.com', {
      replace: [{ type: 'A', name: 'app', ttl: 300, content: '203.0.113.20' }],
    });
    await expect(attempt).rejects.toThrow(/app A/);
    expect(sim.requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('a CNAME swap goes by the zone it reads before deleting, not by an older listing', async () => {
    const dns = provider().dns;
    await dns.list('example.com');
    // Switched off in hPanel after the listing: the swap's own read of the zone sees it.
    disableOneInApp();
    const attempt = dns.writeSets!('example.com', {
      replace: [{ type: 'CNAME', name: 'app', content: 'www.example.com' }],
      delete: [{ type: 'A', name: 'app' }],
    });
    await expect(attempt).rejects.toThrow(/app A \("203\.0\.113\.99"\)/);
    expect(sim.requests.map((r) => r.method)).toEqual(['GET', 'GET']);
    expect(appRecords()).toHaveLength(3);
  });

  it('deleting the whole set with no listing just before (a new provider, as each CLI run makes) is refused', async () => {
    disableOneInApp();
    const deleted = await provider()
      .dns.delete('example.com', 'app', 'A')
      .catch((e: unknown) => e);
    expect(deleted).toBeInstanceOf(ConflictError);
    expect((deleted as Error).message).toMatch(/app A \("203\.0\.113\.99"\)/);
    const batch = await provider().dns.writeSets!('example.com', { delete: [{ type: 'A', name: 'app' }] }).catch(
      (e: unknown) => e,
    );
    expect(batch).toBeInstanceOf(ConflictError);
    const dnsOnly = await createHostingerDns({ apiKey: sim.token, baseUrl })
      .delete('example.com', 'app', 'A')
      .catch((e: unknown) => e);
    expect(dnsOnly).toBeInstanceOf(ConflictError);
    expect(sim.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
    expect(appRecords()).toHaveLength(3);
  });

  it('deleting a set that holds no disabled record still takes one read and the DELETE', async () => {
    disableOneInApp();
    await provider().dns.delete('example.com', 'www', 'CNAME');
    expect(sim.requests.map((r) => r.method)).toEqual(['GET', 'DELETE']);
    expect(appRecords()).toContain('203.0.113.99 (disabled)');
  });

  it('update with overwrite of other sets, and merges into the set, keep the disabled record', async () => {
    disableOneInApp();
    await provider().dns.update('example.com', [{ type: 'A', name: 'other', content: '192.0.2.7' }], {
      overwrite: true,
    });
    await provider().dns.create('example.com', { type: 'A', name: 'app', content: '203.0.113.25' });
    expect(appRecords()).toEqual(['203.0.113.20', '203.0.113.21', '203.0.113.99 (disabled)', '203.0.113.25']);
  });
});
