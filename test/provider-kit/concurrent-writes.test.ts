import { describe, expect, it } from 'vitest';
import type { DnsRecordInput } from '../../src/core/dns.js';
import { createDnsCapability, type DnsSource } from '../../src/provider-kit/index.js';

/** One zone stored outside any provider instance, as a server keeps it: `name type` → TTL and values. */
function zoneStore() {
  const sets = new Map<string, { ttl: number; values: string[] }>([['app A', { ttl: 300, values: ['192.0.2.1'] }]]);
  const records = (): DnsRecordInput[] =>
    [...sets].flatMap(([key, set]) => {
      const [name, type] = key.split(' ') as [string, DnsRecordInput['type']];
      return set.values.map((content) => ({ name, type, content, ttl: set.ttl }));
    });
  return { sets, records, values: (key: string) => [...(sets.get(key)?.values ?? [])].sort() };
}

/**
 * A source on `store` whose reads take a turn of the event loop (so calls interleave as on a network) and
 * that calls `afterRead` once, between its first read and the write that follows it: another client writing.
 */
function sourceOn(store: ReturnType<typeof zoneStore>, extra: Partial<DnsSource> = {}, afterRead?: () => void) {
  let hook = afterRead;
  const source: DnsSource = {
    provider: 'example',
    async read() {
      const snapshot = store.records();
      await new Promise((resolve) => setImmediate(resolve));
      const run = hook;
      hook = undefined;
      run?.();
      return snapshot;
    },
    async write(_zone, changes) {
      await new Promise((resolve) => setImmediate(resolve));
      for (const s of changes.delete) store.sets.delete(`${s.name} ${s.type}`);
      for (const s of changes.replace)
        store.sets.set(`${s.name} ${s.type}`, { ttl: s.ttl, values: s.records.map((r) => r.content) });
    },
    ...extra,
  };
  return source;
}

/** The append and remove operations of an RRset API, applied to what the store holds at that moment. */
const atomic = (store: ReturnType<typeof zoneStore>): Partial<DnsSource> => ({
  async addRecords(_zone, sets) {
    for (const s of sets) {
      const key = `${s.name} ${s.type}`;
      const set = store.sets.get(key) ?? { ttl: s.ttl, values: [] };
      set.values.push(...s.records.map((r) => r.content));
      store.sets.set(key, set);
    }
  },
  async removeRecords(_zone, sets) {
    for (const s of sets) {
      const key = `${s.name} ${s.type}`;
      const set = store.sets.get(key);
      if (!set) continue;
      set.values = set.values.filter((v) => !s.records.some((r) => r.content === v));
      if (set.values.length === 0) store.sets.delete(key);
    }
  },
});

const otherClientAdds = (store: ReturnType<typeof zoneStore>, value: string) => () => {
  const set = store.sets.get('app A') ?? { ttl: 300, values: [] };
  set.values.push(value);
  store.sets.set('app A', set);
};

describe('provider kit: values written by another client at the same time are kept', () => {
  it('create and a merging update add through addRecords: a value written after their read stays', async () => {
    const store = zoneStore();
    const dns = createDnsCapability(sourceOn(store, atomic(store), otherClientAdds(store, '192.0.2.9')));
    await dns.create('example.com', { type: 'A', name: 'app', content: '192.0.2.2' });
    await dns.update('example.com', [{ type: 'A', name: 'app', content: '192.0.2.3' }]);
    expect(store.values('app A')).toEqual(['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.9']);
  });

  it('addRecords gets only the values to add, with the set’s TTL', async () => {
    const store = zoneStore();
    const added: unknown[] = [];
    const dns = createDnsCapability(
      sourceOn(store, { ...atomic(store), addRecords: async (_zone, sets) => void added.push(...sets) }),
    );
    await dns.update('example.com', [
      { type: 'A', name: 'app', content: '192.0.2.1' },
      { type: 'A', name: 'app', content: '192.0.2.4' },
    ]);
    expect(added).toEqual([{ name: 'app', type: 'A', ttl: 300, records: [{ content: '192.0.2.4', priority: 0 }] }]);
  });

  it('delete of one value goes through removeRecords: a value written after its read stays', async () => {
    const store = zoneStore();
    const dns = createDnsCapability(sourceOn(store, atomic(store), otherClientAdds(store, '192.0.2.9')));
    await dns.delete('example.com', 'app', 'A', { content: '192.0.2.1' });
    expect(store.values('app A')).toEqual(['192.0.2.9']);
  });

  it('with a lockKey, parallel creates through separate instances all land even without addRecords', async () => {
    const store = zoneStore();
    const instances = Array.from({ length: 8 }, () =>
      createDnsCapability(sourceOn(store, { lockKey: (zone) => `example ${zone}` })),
    );
    await Promise.all(
      instances.map((dns, i) => dns.create('example.com', { type: 'A', name: 'app', content: `192.0.2.${10 + i}` })),
    );
    expect(store.values('app A')).toHaveLength(9);
    // One failing call does not block the next ones of the same key.
    await expect(
      instances[0]!.create('example.com', { type: 'A', name: 'app', content: '192.0.2.10' }),
    ).rejects.toThrow();
    await instances[1]!.delete('example.com', 'app', 'A', { content: '192.0.2.10' });
    expect(store.values('app A')).toHaveLength(8);
  });
});
