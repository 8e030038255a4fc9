import { describe, expect, it } from 'vitest';
import type { DnsRecordInput } from '../../src/core/dns.js';
import { isValidationError } from '../../src/core/errors.js';
import type { Provider } from '../../src/core/provider.js';
import { createDnsCapability } from '../../src/provider-kit/index.js';
import { createMemoryProvider } from '../../src/testing/index.js';
import { applyPlan, partialWriteOf, planZone, restoreSnapshot } from '../../src/zone/index.js';
import { providerFor, writes } from '../digitalocean/helpers.js';
import { useDigitalOceanServer } from '../support/msw.js';

const { sim } = useDigitalOceanServer();
const zone = () => sim.state.domains.get('example.com')!;

/** A zone of `n` A record sets plus the apex NS. */
const zoneOf = (n: number): DnsRecordInput[] => [
  { type: 'NS', name: '@', content: 'ns1.example.net', ttl: 86400 },
  ...Array.from({ length: n }, (_, i) => ({
    type: 'A' as const,
    name: `h${i}`,
    content: `192.0.2.${i + 1}`,
    ttl: 3600,
  })),
];

describe('zone: applyPlan takes force as a boolean only', () => {
  for (const force of ['false', 'true', 1, null]) {
    it(`force: ${JSON.stringify(force)} is a ValidationError and writes nothing`, async () => {
      const provider = createMemoryProvider({ zones: { 'example.com': zoneOf(12) } });
      const plan = await planZone(provider, 'example.com', []);
      const before = await provider.dns!.list('example.com');
      const error = await applyPlan(provider, plan, { force: force as unknown as boolean }).catch((e: unknown) => e);
      expect(isValidationError(error)).toBe(true);
      expect((error as { fields: Record<string, string[]> }).fields.force).toBeDefined();
      expect(await provider.dns!.list('example.com')).toEqual(before);
    });
  }
});

describe('zone: a provider that keeps a TTL per record (DigitalOcean)', () => {
  const mixed = () => {
    const records = zone().records;
    const base = records.find((r) => r.type === 'A')!;
    records.push({ ...base, id: 7_000_001, name: 'rr', data: '192.0.2.10', ttl: 300 });
    records.push({ ...base, id: 7_000_002, name: 'rr', data: '192.0.2.11', ttl: 3600 });
  };

  it('plans its own listing, with two TTLs in one set, as no changes', async () => {
    mixed();
    const provider = providerFor(sim);
    const listed = await provider.dns.list('example.com');
    expect(listed.filter((r) => r.name === 'rr').map((r) => r.ttl)).toEqual([300, 3600]);
    const plan = await planZone(provider, 'example.com', listed);
    expect(plan.changes).toEqual([]);
  });

  it('restores a snapshot whose set has two TTLs, record by record', async () => {
    mixed();
    const provider = providerFor(sim);
    const snapshot = (await planZone(provider, 'example.com', [])).snapshot;
    await provider.dns.update('example.com', [{ type: 'A', name: 'rr', content: '198.51.100.1', ttl: 600 }], {
      overwrite: true,
    });
    await restoreSnapshot(provider, snapshot);
    const rr = (await provider.dns.list('example.com')).filter((r) => r.name === 'rr');
    expect(rr.map((r) => `${r.content} ${r.ttl}`).sort()).toEqual(['192.0.2.10 300', '192.0.2.11 3600']);
  });

  it('shows one TTL change of one record of such a set as a "~" line with that record\'s TTLs', async () => {
    mixed();
    const provider = providerFor(sim);
    const desired = (await provider.dns.list('example.com')).map((r) =>
      r.name === 'rr' && r.ttl === 300 ? { ...r, ttl: 900 } : r,
    );
    const plan = await planZone(provider, 'example.com', desired);
    expect(String(plan)).toMatch(/^~ rr +A +192\.0\.2\.10 +ttl 300 → 900$/m);
    expect(String(plan)).not.toMatch(/192\.0\.2\.11/);
    await applyPlan(provider, plan);
    expect((await planZone(provider, 'example.com', desired)).changes).toEqual([]);
  });
});

describe('zone: a write that fails midway', () => {
  it('reports each DigitalOcean write to onProgress, and the error says how many had landed', async () => {
    const provider = providerFor(sim, { retry: { limit: 0 } });
    const desired = [
      ...(await provider.dns.list('example.com')),
      ...Array.from({ length: 5 }, (_, i) => ({
        type: 'A' as const,
        name: `n${i}`,
        content: `192.0.2.${i + 1}`,
        ttl: 300,
      })),
    ];
    const plan = await planZone(provider, 'example.com', desired);
    // Two writes land, then DigitalOcean refuses the third.
    const progress: string[] = [];
    let posts = 0;
    const error = await applyPlan(provider, plan, {
      onProgress: (done, total) => {
        progress.push(`${done}/${total}`);
        if (++posts === 2) sim.inject({ status: 422, method: 'POST', times: 1 });
      },
    }).catch((e: unknown) => e);
    expect(progress).toEqual(['1/5', '2/5']);
    expect(partialWriteOf(error)).toEqual({ written: 2, total: 5 });
    expect((error as Error).message).toMatch(/2 of 5 writes had completed/);
    expect(writes(sim).filter((w) => w.startsWith('POST'))).toHaveLength(3);
  });

  it('a refusal before any write (stale plan) is not a partial write', async () => {
    const provider = providerFor(sim);
    const plan = await planZone(provider, 'example.com', [{ type: 'A', name: 'x', content: '192.0.2.9' }], {
      purge: false,
    });
    await provider.dns.create('example.com', { type: 'A', name: 'y', content: '192.0.2.8' });
    const error = await applyPlan(provider, plan).catch((e: unknown) => e);
    expect((error as Error).name).toBe('ConflictError');
    expect(partialWriteOf(error)).toBeUndefined();
  });
});

describe('zone: a refusal by the provider kit before anything is sent', () => {
  it('is no partial write: a reviewed plan file holding a type the provider does not store', async () => {
    const stored: DnsRecordInput[] = [{ type: 'A', name: 'www', content: '192.0.2.1', ttl: 300 }];
    let writes = 0;
    const dns = createDnsCapability({
      provider: 'memory',
      recordTypes: ['A'],
      read: async () => stored,
      write: async () => void writes++,
    });
    const provider = { ...createMemoryProvider(), dns } as Provider;
    const plan = await planZone(provider, 'example.com', stored);
    // Edited after review: a TXT set the provider cannot store (planZone itself would have refused it).
    plan.changes.push({
      action: 'create',
      name: 'note',
      type: 'TXT',
      before: [],
      after: [{ type: 'TXT', name: 'note', content: 'x', ttl: 300 }],
    });
    const error = await applyPlan(provider, plan).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(partialWriteOf(error)).toBeUndefined();
    expect(writes).toBe(0);
  });
});

describe('zone: the plan diff shows control characters as escapes', () => {
  it('a newline in a TXT value cannot forge a line, and ESC/BEL never reach the text', async () => {
    const provider = createMemoryProvider({ zones: { 'example.com': zoneOf(1) } });
    const hostile = 'x\n+ @ A 203.0.113.66\u001b]0;owned\u0007\u001b[2J';
    const plan = await planZone(provider, 'example.com', [
      ...zoneOf(1),
      { type: 'TXT', name: 'evil', content: hostile },
    ]);
    const text = String(plan);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text.split('\n').filter((line) => line.startsWith('+'))).toHaveLength(1);
    expect(text).toContain('x\\010+ @ A 203.0.113.66\\027]0;owned\\007\\027[2J');
  });
});
