import { describe, expect, it } from 'vitest';
import type { DnsRecordInput } from '../../src/core/dns.js';
import { isValidationError } from '../../src/core/errors.js';
import type { Provider } from '../../src/core/provider.js';
import { createMemoryProvider } from '../../src/testing/index.js';
import { restoreSnapshot, type ZoneSnapshot } from '../../src/zone/index.js';

const ns = (...hosts: string[]) => hosts.map((content) => ({ type: 'NS' as const, name: '@', content, ttl: 86400 }));
const records: DnsRecordInput[] = [
  { type: 'A', name: '@', content: '192.0.2.1', ttl: 3600 },
  { type: 'MX', name: '@', content: 'mail.example.com', priority: 10, ttl: 3600 },
];
const hostinger = () =>
  createMemoryProvider({
    name: 'hostinger',
    zones: { 'example.com': [...ns('ns1.dns-parking.com', 'ns2.dns-parking.com'), ...records] },
  });
const digitalocean = () =>
  createMemoryProvider({
    name: 'digitalocean',
    zones: { 'example.com': [...ns('ns1.digitalocean.com'), { type: 'A', name: 'old', content: '192.0.2.9' }] },
  });

/** Every record of the zone as `name TYPE content`, sorted. */
const zone = async (p: Provider) =>
  (await p.dns!.list('example.com')).map((r) => `${r.name} ${r.type} ${r.content}`).sort();

/** A snapshot as `dns snapshot` writes it, read back from its JSON. */
async function snapshotOf(p: Provider): Promise<ZoneSnapshot> {
  const listed = await p.dns!.list('example.com');
  const snapshot = { provider: p.name, domain: 'example.com', taken_at: new Date().toISOString(), records: listed };
  return JSON.parse(JSON.stringify(snapshot)) as ZoneSnapshot;
}

describe('zone: restoreSnapshot and the provider a snapshot was taken on', () => {
  it('refuses a snapshot taken on another provider, reading and writing nothing', async () => {
    const target = digitalocean();
    const before = await zone(target);
    const snapshot = await snapshotOf(hostinger());
    const list = target.dns!.list.bind(target.dns);
    let reads = 0;
    target.dns!.list = (...args) => (reads++, list(...args));
    const error = await restoreSnapshot(target, snapshot).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect((error as Error).message).toMatch(/taken on hostinger, not digitalocean.*fromOtherProvider: true/);
    expect((error as { fields?: unknown }).fields).toEqual({ 'snapshot.provider': ['must be digitalocean'] });
    expect(reads).toBe(0);
    expect(await zone(target)).toEqual(before);
  });

  it("with fromOtherProvider, restores the records but keeps the target's own name servers", async () => {
    const target = digitalocean();
    const plan = await restoreSnapshot(target, await snapshotOf(hostinger()), { fromOtherProvider: true });
    expect(plan.changes.map((c) => `${c.action} ${c.name} ${c.type}`)).toEqual([
      'delete old A',
      'create @ A',
      'create @ MX',
    ]);
    expect(await zone(target)).toEqual(['@ A 192.0.2.1', '@ MX mail.example.com', '@ NS ns1.digitalocean.com']);
  });

  it('a snapshot without the provider it was taken on, or a non-boolean fromOtherProvider, is refused', async () => {
    const target = hostinger();
    const { provider: _dropped, ...anonymous } = await snapshotOf(target);
    const missing = await restoreSnapshot(target, anonymous as ZoneSnapshot).catch((e: unknown) => e);
    expect((missing as { fields?: unknown }).fields).toHaveProperty(['snapshot.provider']);
    const snapshot = await snapshotOf(target);
    const loose = await restoreSnapshot(target, snapshot, { fromOtherProvider: 'yes' as never }).catch((e) => e);
    expect((loose as { fields?: unknown }).fields).toHaveProperty(['fromOtherProvider']);
  });

  it('a snapshot taken on the same provider still restores the apex NS it holds', async () => {
    const target = hostinger();
    const snapshot = await snapshotOf(target);
    await target.dns!.update('example.com', ns('ns9.example.net'), { overwrite: true });
    await restoreSnapshot(target, snapshot);
    expect(await zone(target)).toEqual(snapshot.records.map((r) => `${r.name} ${r.type} ${r.content}`).sort());
  });
});
