import { describe, expect, it } from 'vitest';
import type { DnsRecordInput } from '../../src/core/dns.js';
import { isConflictError, isValidationError } from '../../src/core/errors.js';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import { createMemoryProvider } from '../../src/testing/index.js';
import { applyPlan, isUnsafePlanError, partialWriteOf, planZone, restoreSnapshot } from '../../src/zone/index.js';
import { useSimulatorServer } from '../support/msw.js';

const { sim, baseUrl } = useSimulatorServer();
const provider = () => createHostingerProvider({ apiKey: sim.token, baseUrl });
const sent = () => sim.requests.map((r) => `${r.method} ${r.path.replace('/api/dns/v1/zones/example.com', '')}`);
const listing = async () =>
  (await provider().dns.list('example.com'))
    .map((r) => `${r.name} ${r.type} ${r.ttl} ${r.priority} ${r.content}`)
    .sort();

/** The seeded zone with many changes: `n` new A sets, one set updated, one deleted, one TTL changed. */
async function desiredWithChanges(n: number): Promise<DnsRecordInput[]> {
  const current = await provider().dns.list('example.com');
  return [
    ...current
      .filter((r) => !(r.name === '_dmarc' && r.type === 'TXT'))
      .map((r) => (r.name === 'www' ? { ...r, ttl: 300 } : r))
      .map((r) => (r.type === 'MX' && r.priority === 20 ? { ...r, content: 'mx3.example.com' } : r)),
    ...Array.from({ length: n }, (_, i) => ({ type: 'A' as const, name: `h${i}`, content: '192.0.2.10', ttl: 600 })),
  ];
}

describe('zone: Hostinger adapter against the simulator', () => {
  it('applies any plan in at most 4 requests: re-read, validate, DELETE, PUT', async () => {
    const desired = await desiredWithChanges(50);
    const plan = await planZone(provider(), 'example.com', desired, { ignore: [{ type: 'NS' }] });
    expect(plan.changes.filter((c) => c.action === 'create')).toHaveLength(50);
    expect(plan.changes.filter((c) => c.action !== 'create').map((c) => `${c.action} ${c.name} ${c.type}`)).toEqual([
      'delete _dmarc TXT',
      'update @ MX',
      'update www CNAME',
    ]);
    sim.reset();
    const before = sim.requests.length;
    await applyPlan(provider(), plan);
    expect(sent().slice(before)).toEqual(['GET ', 'POST /validate', 'DELETE ', 'PUT ']);
    const put = sim.requests.at(-1)?.body as { overwrite: boolean; zone: unknown[] };
    expect(put.overwrite).toBe(true);
    expect(put.zone).toHaveLength(52);
    expect((await planZone(provider(), 'example.com', desired)).changes).toEqual([]);
  });

  it('turns an A set into a CNAME (and back) in one batch', async () => {
    const current = await provider().dns.list('example.com');
    const desired = [
      ...current.filter((r) => r.name !== 'app'),
      { type: 'CNAME' as const, name: 'app', content: 'example.com', ttl: 300 },
    ];
    await applyPlan(provider(), await planZone(provider(), 'example.com', desired));
    expect((await listing()).filter((l) => l.startsWith('app '))).toEqual(['app CNAME 300 0 example.com']);
    await applyPlan(provider(), await planZone(provider(), 'example.com', current));
    expect((await provider().dns.list('example.com')).filter((r) => r.name === 'app')).toEqual(
      current.filter((r) => r.name === 'app'),
    );
  });

  it('a CNAME swap that Hostinger refuses leaves the zone as it was', async () => {
    const before = await listing();
    const current = await provider().dns.list('example.com');
    const desired = [
      ...current.filter((r) => r.name !== 'www'),
      { type: 'A' as const, name: 'www', content: '192.0.2.5', ttl: 300 },
    ];
    const plan = await planZone(provider(), 'example.com', desired);
    sim.inject({ status: 422, method: 'POST', path: /validate$/, times: 1 });
    const start = sim.requests.length;
    const error = await applyPlan(provider(), plan, { force: true }).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    // The new set validates only once the CNAME is gone; refused, the CNAME is written back.
    expect(sent().slice(start)).toEqual(['GET ', 'GET ', 'DELETE ', 'POST /validate', 'PUT ']);
    expect(await listing()).toEqual(before);
  });

  it('validates every set beside a CNAME swap before deleting anything', async () => {
    const before = await listing();
    const current = await provider().dns.list('example.com');
    const desired = [
      ...current.filter((r) => r.name !== 'www' && r.name !== '_dmarc'),
      { type: 'A' as const, name: 'www', content: '192.0.2.5', ttl: 300 },
      { type: 'A' as const, name: 'fresh', content: '192.0.2.6', ttl: 300 },
    ];
    const plan = await planZone(provider(), 'example.com', desired);
    sim.inject({ status: 422, method: 'POST', path: /validate$/, times: 1 });
    const start = sim.requests.length;
    const error = await applyPlan(provider(), plan, { force: true }).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(sent().slice(start)).toEqual(['GET ', 'GET ', 'POST /validate']);
    expect(await listing()).toEqual(before);

    await applyPlan(provider(), plan, { force: true });
    expect(sent().slice(-6)).toEqual(['GET ', 'POST /validate', 'DELETE ', 'POST /validate', 'PUT ', 'DELETE ']);
    expect((await planZone(provider(), 'example.com', desired)).changes).toEqual([]);
  });

  it('sends only the re-read and one DELETE for a plan that only deletes, and nothing for no changes', async () => {
    const current = await provider().dns.list('example.com');
    const plan = await planZone(
      provider(),
      'example.com',
      current.filter((r) => r.name !== '_dmarc'),
    );
    const none = await planZone(provider(), 'example.com', current);
    const start = sim.requests.length;
    await applyPlan(provider(), none);
    expect(sim.requests.length).toBe(start);
    await applyPlan(provider(), plan);
    expect(sent().slice(start)).toEqual(['GET ', 'DELETE ']);
  });

  it('refuses a stale plan with one GET and no write', async () => {
    const plan = await planZone(provider(), 'example.com', await desiredWithChanges(1));
    await provider().dns.create('example.com', { type: 'A', name: 'late', content: '192.0.2.77' });
    const start = sim.requests.length;
    const error = await applyPlan(provider(), plan).catch((e: unknown) => e);
    expect(isConflictError(error)).toBe(true);
    expect(String(error)).toContain('late A');
    expect(sent().slice(start)).toEqual(['GET ']);
  });

  it('refuses a plan that deletes most of the zone with no request at all', async () => {
    const plan = await planZone(provider(), 'example.com', []);
    const start = sim.requests.length;
    const error = await applyPlan(provider(), plan).catch((e: unknown) => e);
    expect(isUnsafePlanError(error)).toBe(true);
    expect(sim.requests.length).toBe(start);
  });

  it('restores a snapshot after a forced wipe', async () => {
    const before = await listing();
    const plan = await planZone(provider(), 'example.com', [{ type: 'A', name: '@', content: '192.0.2.1' }]);
    await applyPlan(provider(), plan, { force: true });
    expect(await listing()).not.toEqual(before);
    await restoreSnapshot(provider(), plan.snapshot);
    expect(await listing()).toEqual(before);
  });

  it('falls back to one request pair per set when the provider has no writeSets', async () => {
    const { writeSets: _unused, ...perSet } = provider().dns;
    const p = { ...provider(), dns: perSet };
    const plan = await planZone(p, 'example.com', await desiredWithChanges(2), { ignore: [{ type: 'NS' }] });
    const start = sim.requests.length;
    await applyPlan(p, plan);
    // delete → DELETE; each update or create reads the zone (to keep a set's TTL and check CNAMEs), then
    // validate + PUT.
    expect(sent().slice(start)).toEqual([
      'GET ',
      'DELETE ',
      ...Array(4).fill(['GET ', 'POST /validate', 'PUT ']).flat(),
    ]);
  });

  it('a plan Hostinger refuses at /validate is no partial write; one refused after its DELETE is', async () => {
    const desired = await desiredWithChanges(2);
    const plan = await planZone(provider(), 'example.com', desired, { ignore: [{ type: 'NS' }] });
    sim.reset();
    sim.inject({ status: 422, method: 'POST', path: /\/validate$/, times: 1 });
    const refused = await applyPlan(provider(), plan).catch((e: unknown) => e);
    expect(isValidationError(refused)).toBe(true);
    expect(partialWriteOf(refused)).toBeUndefined();
    expect(sim.requests.filter((r) => r.method === 'DELETE' || r.method === 'PUT')).toEqual([]);
    sim.inject({ status: 422, method: 'PUT', times: 1 });
    const midway = await applyPlan(provider(), plan).catch((e: unknown) => e);
    expect(partialWriteOf(midway)).toBeDefined();
    expect((midway as Error).message).toMatch(/partly written/);
  });

  it('validates a bad batch locally, with no request', async () => {
    const start = sim.requests.length;
    const error = await provider().dns.writeSets!('example.com', {
      replace: [
        { type: 'A', name: 'x', content: '192.0.2.1', ttl: 300 },
        { type: 'A', name: 'x', content: '192.0.2.2', ttl: 600 },
      ],
      delete: [{ name: 'x', type: 'A' }],
    }).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(Object.keys((error as { fields: object }).fields)).toEqual(['replace.1.ttl', 'delete.0']);
    expect(sim.requests.length).toBe(start);
  });
});

describe('zone: copying a zone between providers', () => {
  it('copies the Hostinger zone into a memory provider and back, as record sets, name servers excepted', async () => {
    const target = createMemoryProvider({ name: 'memory', zones: { 'example.com': [] } });
    const source = await provider().dns.list('example.com');
    await applyPlan(target, await planZone(target, 'example.com', source));
    const copied = (await target.dns!.list('example.com')).map(
      (r) => `${r.name} ${r.type} ${r.ttl} ${r.priority} ${r.content}`,
    );
    // The target keeps its own apex NS: a copy never moves the source's name servers.
    expect(copied.sort()).toEqual((await listing()).filter((line) => !line.startsWith('@ NS ')));
    const again = await planZone(provider(), 'example.com', await target.dns!.list('example.com'));
    expect(again.changes).toEqual([]);
  });
});

describe('zone: aborting on Hostinger', () => {
  it('an aborted signal stops planZone and applyPlan before any request', async () => {
    const plan = await planZone(provider(), 'example.com', await desiredWithChanges(1));
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the user'));
    const start = sim.requests.length;
    await expect(planZone(provider(), 'example.com', [], { signal: controller.signal })).rejects.toThrow('cancelled');
    await expect(applyPlan(provider(), plan, { signal: controller.signal })).rejects.toThrow('cancelled');
    expect(sim.requests.length).toBe(start);
  });

  it('aborting while the zone is re-read writes nothing', async () => {
    const plan = await planZone(provider(), 'example.com', await desiredWithChanges(1));
    const controller = new AbortController();
    sim.latencyMs = 5000; // the answer never comes before the abort
    const start = sim.requests.length;
    const applying = applyPlan(provider(), plan, { signal: controller.signal });
    while (sim.requests.length === start) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error('cancelled mid-read'));
    await expect(applying).rejects.toThrow();
    sim.latencyMs = 0;
    expect(sent().slice(start)).toEqual(['GET ']);
  });
});
