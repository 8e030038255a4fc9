import { describe, expect, it } from 'vitest';
import type { DnsCapability, DnsRecordInput } from '../../src/core/dns.js';
import { isConflictError, isValidationError, type ValidationError } from '../../src/core/errors.js';
import type { Provider } from '../../src/core/provider.js';
import { createMemoryProvider } from '../../src/testing/index.js';
import { applyPlan, isUnsafePlanError, planZone, restoreSnapshot, UnsafePlanError } from '../../src/zone/index.js';

/** A zone of `n` A record sets (`h0`..`h<n-1>`) plus the apex NS. */
const zoneOf = (n: number): DnsRecordInput[] => [
  { type: 'NS', name: '@', content: 'ns1.example.net', ttl: 86400 },
  ...Array.from({ length: n }, (_, i) => ({
    type: 'A' as const,
    name: `h${i}`,
    content: `192.0.2.${i + 1}`,
    ttl: 3600,
  })),
];

/** Wraps a provider's DNS group, counting calls per method; `batch: false` hides `writeSets`. */
function counted(provider: Provider, batch = true) {
  const calls: string[] = [];
  const dns = provider.dns!;
  const wrap =
    <K extends keyof DnsCapability>(name: K) =>
    (...args: unknown[]) => {
      calls.push(name);
      return (dns[name] as (...a: unknown[]) => unknown).apply(dns, args);
    };
  const group = {
    list: wrap('list'),
    create: wrap('create'),
    update: wrap('update'),
    delete: wrap('delete'),
    reset: wrap('reset'),
    ...(batch ? { writeSets: wrap('writeSets') } : {}),
  } as DnsCapability;
  return { provider: { ...provider, name: provider.name, dns: group } as Provider, calls };
}

const setsOf = async (p: Provider) =>
  (await p.dns!.list('example.com')).map((r) => `${r.name} ${r.type} ${r.priority} ${r.content} ${r.ttl}`).sort();

describe('zone: applyPlan', () => {
  for (const batch of [true, false]) {
    const how = batch ? 'with writeSets' : 'one set at a time';
    it(`makes the zone match the desired records (${how})`, async () => {
      const { provider, calls } = counted(createMemoryProvider({ zones: { 'example.com': zoneOf(10) } }), batch);
      const desired = zoneOf(10)
        .filter((r) => r.name !== 'h0' && r.type !== 'NS')
        .map((r) => (r.name === 'h1' ? { ...r, content: '198.51.100.1' } : r));
      desired.push({ type: 'CNAME', name: 'h0', content: 'example.com', ttl: 300 });
      const plan = await planZone(provider, 'example.com', desired);
      expect(plan.changes.map((c) => `${c.action} ${c.name} ${c.type}`)).toEqual([
        'delete h0 A',
        'update h1 A',
        'create h0 CNAME',
      ]);
      calls.length = 0;
      const progress: [number, number][] = [];
      await applyPlan(provider, plan, { onProgress: (done, total) => progress.push([done, total]) });
      expect(calls).toEqual(batch ? ['list', 'writeSets'] : ['list', 'delete', 'update', 'update']);
      expect(progress).toEqual(
        batch
          ? [[3, 3]]
          : [
              [1, 3],
              [2, 3],
              [3, 3],
            ],
      );
      const again = await planZone(provider, 'example.com', desired);
      expect(again.changes).toEqual([]);
    });
  }

  it('writes nothing, and reads nothing, for a plan without changes', async () => {
    const { provider, calls } = counted(createMemoryProvider({ zones: { 'example.com': zoneOf(3) } }));
    const plan = await planZone(provider, 'example.com', zoneOf(3));
    calls.length = 0;
    await applyPlan(provider, plan);
    expect(calls).toEqual([]);
  });

  it('refuses a stale plan with a ConflictError and writes nothing', async () => {
    const { provider, calls } = counted(createMemoryProvider({ zones: { 'example.com': zoneOf(3) } }));
    const plan = await planZone(provider, 'example.com', [
      ...zoneOf(3),
      { type: 'A', name: 'new', content: '192.0.2.99' },
    ]);
    await provider.dns!.update('example.com', [{ type: 'A', name: 'h1', content: '203.0.113.1', ttl: 3600 }], {
      overwrite: true,
    });
    const before = await setsOf(provider);
    calls.length = 0;
    const error = await applyPlan(provider, plan).catch((e: unknown) => e);
    expect(isConflictError(error)).toBe(true);
    expect(String(error)).toContain('h1 A');
    expect(calls).toEqual(['list']);
    expect(await setsOf(provider)).toEqual(before);
  });

  it('refuses to change more than 30 % of a zone of 10+ sets unless forced', async () => {
    const { provider, calls } = counted(createMemoryProvider({ zones: { 'example.com': zoneOf(10) } }));
    // 11 sets (10 A + apex NS); deleting 4 of them is 36 %.
    const plan = await planZone(provider, 'example.com', zoneOf(10).slice(0, 7));
    expect(plan.changes).toHaveLength(4);
    const before = await setsOf(provider);
    calls.length = 0;
    const error = await applyPlan(provider, plan).catch((e: unknown) => e);
    expect(isUnsafePlanError(error)).toBe(true);
    expect(error).toBeInstanceOf(UnsafePlanError);
    expect(error).toMatchObject({ status: 409, code: 'unsafe_plan', changes: 4, existing: 11, maxChangeRatio: 0.3 });
    expect(calls).toEqual([]);
    expect(await setsOf(provider)).toEqual(before);
    await applyPlan(provider, plan, { maxChangeRatio: 0.4 });
    expect(await setsOf(provider)).toHaveLength(7);
  });

  it('applies a risky plan with force, and any plan on a zone under 10 sets', async () => {
    const big = createMemoryProvider({ zones: { 'example.com': zoneOf(10) } });
    await applyPlan(big, await planZone(big, 'example.com', []), { force: true });
    expect(await setsOf(big)).toEqual(['@ NS 0 ns1.example.net 86400']);
    const small = createMemoryProvider({ zones: { 'example.com': zoneOf(8) } });
    await applyPlan(small, await planZone(small, 'example.com', []));
    expect(await setsOf(small)).toEqual(['@ NS 0 ns1.example.net 86400']);
  });

  it('counts creates apart from the limit: adding many sets to a zone is not risky', async () => {
    const provider = createMemoryProvider({ zones: { 'example.com': zoneOf(10) } });
    const desired = [
      ...zoneOf(10),
      ...zoneOf(40)
        .slice(11)
        .map((r) => ({ ...r, name: `n${r.name}` })),
    ];
    await applyPlan(provider, await planZone(provider, 'example.com', desired));
    expect(await setsOf(provider)).toHaveLength(41);
  });

  it('rejects a bad option, a hand-edited plan or a plan for another provider before any request', async () => {
    const { provider, calls } = counted(createMemoryProvider({ zones: { 'example.com': zoneOf(3) } }));
    const plan = await planZone(provider, 'example.com', [{ type: 'A', name: 'x', content: '192.0.2.1' }]);
    calls.length = 0;
    const edited = JSON.parse(JSON.stringify(plan));
    edited.changes.at(-1).after[0].content = 'not-an-ip';
    const errors = await Promise.all([
      applyPlan(provider, plan, { maxChangeRatio: -1 }).catch((e: unknown) => e),
      applyPlan(provider, edited).catch((e: unknown) => e),
      applyPlan(provider, { ...plan, provider: 'hostinger' }).catch((e: unknown) => e),
    ]);
    expect(errors.every(isValidationError)).toBe(true);
    expect(Object.keys((errors[1] as ValidationError).fields)).toEqual(['replace.0.content']);
    expect(calls).toEqual([]);
  });

  it('applies a plan read back from JSON', async () => {
    const provider = createMemoryProvider({ zones: { 'example.com': zoneOf(3) } });
    const plan = await planZone(provider, 'example.com', zoneOf(2));
    await applyPlan(provider, JSON.parse(JSON.stringify(plan)));
    expect(await setsOf(provider)).toHaveLength(3);
  });

  it('stops between sets when the signal aborts, keeping what was written', async () => {
    const controller = new AbortController();
    const { provider } = counted(createMemoryProvider({ zones: { 'example.com': zoneOf(3) } }), false);
    const plan = await planZone(provider, 'example.com', [
      ...zoneOf(3),
      { type: 'A', name: 'a1', content: '192.0.2.50' },
      { type: 'A', name: 'a2', content: '192.0.2.51' },
    ]);
    const error = await applyPlan(provider, plan, {
      signal: controller.signal,
      onProgress: (done) => done === 1 && controller.abort(new Error('user stopped')),
    }).catch((e: unknown) => e);
    expect(String(error)).toContain('user stopped');
    const names = (await provider.dns!.list('example.com')).map((r) => r.name);
    expect(names).toContain('a1');
    expect(names).not.toContain('a2');
  });
});

describe('zone: restoreSnapshot', () => {
  it('puts the zone back as the snapshot recorded it, even after a large change', async () => {
    const provider = createMemoryProvider({ zones: { 'example.com': zoneOf(12) } });
    const before = await setsOf(provider);
    const plan = await planZone(provider, 'example.com', [{ type: 'TXT', name: '@', content: 'only me' }]);
    await applyPlan(provider, plan, { force: true });
    expect(await setsOf(provider)).toHaveLength(2);
    const undone = await restoreSnapshot(provider, JSON.parse(JSON.stringify(plan.snapshot)));
    expect(await setsOf(provider)).toEqual(before);
    expect(undone.changes.map((c) => c.action).sort()).toEqual([...Array(12).fill('create'), 'delete']);
  });

  it('rejects something that is not a snapshot before any request', async () => {
    const provider = createMemoryProvider();
    await expect(restoreSnapshot(provider, { domain: 'example.com' } as never)).rejects.toThrow(/snapshot/);
  });
});
