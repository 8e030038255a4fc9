/**
 * One behaviour suite for UnstorageConfigStore, run against every driver (memory, fs, real Redis): the same
 * JSON, names, errors and atomic update whatever holds the items.
 */
import util from 'node:util';
import type { Storage } from 'unstorage';
import { expect, it } from 'vitest';
import { configureFromStore } from '../../src/config/configure.js';
import type { ProviderConfig } from '../../src/config/config-store.js';
import type { Provider } from '../../src/core/provider.js';
import { ProviderRegistry } from '../../src/core/registry.js';
import { isConfigStoreError, isValidationError } from '../../src/core/errors.js';
import { UnstorageConfigStore, type UnstorageConfigStoreOptions } from '../../src/unstorage/index.js';
import { CANARY, config, rejectionOf } from '../config/helpers.js';

/** What a driver's test file provides: a fresh, empty storage per test, and a way to read an item's stored text. */
export interface DriverUnderTest {
  storage(): Promise<Storage>;
  /** The item's text exactly as the backend holds it (`null` when absent). */
  raw(storage: Storage, key: string): Promise<string | null>;
  /** Writes text straight into the backend, bypassing the store. */
  writeRaw(storage: Storage, key: string, text: string): Promise<void>;
  /** Store options for this driver (e.g. short lock timings). */
  options?: UnstorageConfigStoreOptions;
}

/** Counts calls to the storage's methods, to prove that rejected input never reaches it. */
function counting(storage: Storage): { storage: Storage; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(storage, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { storage: proxy, calls };
}

const BAD_NAMES = ['../x', 'a/b', '..', '.', '', 'x\0y', 'CON', 'Hostinger', 'a'.repeat(65), '%2e%2e', 'a:b'];

export function storeSuite(driver: DriverUnderTest): void {
  const make = async (options: UnstorageConfigStoreOptions = {}) => {
    const storage = await driver.storage();
    return { storage, store: new UnstorageConfigStore(storage, { ...driver.options, ...options }) };
  };

  it('saves, gets, lists and deletes one item per provider under the prefix', async () => {
    const { storage, store } = await make();
    expect(await store.get('hostinger')).toBeUndefined();
    await store.save(config({ provider: 'zeta' }));
    await store.save(config());
    expect(await store.get('hostinger')).toEqual(config());
    expect((await store.list()).map((c) => c.provider)).toEqual(['hostinger', 'zeta']);
    expect((await storage.getKeys()).sort()).toEqual(['setec-hosting:hostinger', 'setec-hosting:zeta']);
    expect(await store.delete('hostinger')).toBe(true);
    expect(await store.delete('hostinger')).toBe(false);
    expect((await store.list()).map((c) => c.provider)).toEqual(['zeta']);
  });

  it('stores exactly the JSON text of a FileConfigStore file', async () => {
    const { storage, store } = await make();
    const saved = config({ extra: { base_url: 'https://example.test' } });
    await store.save({ ...saved, surprise: 1 } as never);
    expect(await driver.raw(storage, 'setec-hosting:hostinger')).toBe(JSON.stringify(saved, null, 2));
  });

  it('reads an item written by hand in the file format', async () => {
    const { storage, store } = await make();
    await driver.writeRaw(storage, 'setec-hosting:hostinger', `{"provider":"hostinger","api_key":"${CANARY}"}`);
    expect(await store.get('hostinger')).toEqual({
      provider: 'hostinger',
      api_key: CANARY,
      api_secret: '',
      extra: {},
      connected: false,
    });
  });

  it('rejects malformed provider names with ValidationError and makes no storage call', async () => {
    const { storage, calls } = counting(await driver.storage());
    const store = new UnstorageConfigStore(storage, driver.options);
    for (const name of BAD_NAMES) {
      await expect(store.get(name), name).rejects.toSatisfy(isValidationError);
      await expect(store.delete(name), name).rejects.toSatisfy(isValidationError);
      await expect(store.save(config({ provider: name })), name).rejects.toSatisfy(isValidationError);
      await expect(
        store.update(name, () => config({ provider: name })),
        name,
      ).rejects.toSatisfy(isValidationError);
    }
    await expect(store.save({ ...config(), api_key: 42 } as never)).rejects.toSatisfy(isValidationError);
    expect(calls).toEqual([]);
    expect(await storage.getKeys()).toEqual([]);
  });

  it('keeps stores with different prefixes apart, nested prefixes included', async () => {
    const storage = await driver.storage();
    const a = new UnstorageConfigStore(storage, { ...driver.options, prefix: 'tenant-a' });
    const b = new UnstorageConfigStore(storage, { ...driver.options, prefix: 'tenant-b' });
    const nested = new UnstorageConfigStore(storage, { ...driver.options, prefix: 'tenant-a:staging' });
    await a.save(config({ api_key: 'key-a' }));
    await b.save(config({ api_key: 'key-b' }));
    await nested.save(config({ provider: 'other', api_key: 'key-n' }));
    expect((await a.get('hostinger'))?.api_key).toBe('key-a');
    expect((await b.get('hostinger'))?.api_key).toBe('key-b');
    expect((await a.list()).map((c) => c.api_key)).toEqual(['key-a']);
    expect((await nested.list()).map((c) => c.api_key)).toEqual(['key-n']);
    expect(await b.delete('other')).toBe(false);
    expect(await a.delete('hostinger')).toBe(true);
    expect((await b.get('hostinger'))?.api_key).toBe('key-b');
    expect(await nested.get('other')).toBeDefined();
  });

  it('update creates, changes and deletes, and twenty concurrent increments lose none', async () => {
    const { store } = await make();
    expect(await store.update('hostinger', (c) => c ?? config({ extra: { count: '0' } }))).toMatchObject({
      extra: { count: '0' },
    });
    await Promise.all(
      Array.from({ length: 20 }, () =>
        store.update('hostinger', (c) => c && { ...c, extra: { count: String(Number(c.extra.count) + 1) } }),
      ),
    );
    expect((await store.get('hostinger'))?.extra.count).toBe('20');
    await expect(store.update('hostinger', () => config({ provider: 'other' }))).rejects.toSatisfy(isValidationError);
    expect((await store.get('hostinger'))?.extra.count).toBe('20');
    expect(await store.update('hostinger', () => undefined)).toBeUndefined();
    expect(await store.get('hostinger')).toBeUndefined();
    expect(await store.list()).toEqual([]);
  });

  it('a corrupt item is a ConfigStoreError naming the key, without its text, and is left unchanged', async () => {
    const { storage, store } = await make();
    const warnings: string[] = [];
    const listing = new UnstorageConfigStore(storage, { ...driver.options, onWarning: (m) => warnings.push(m) });
    const text = `{"provider":"hostinger","api_key":"${CANARY}"`;
    await driver.writeRaw(storage, 'setec-hosting:hostinger', text);
    await store.save(config({ provider: 'zeta' }));
    const error = await rejectionOf(store.get('hostinger'));
    expect(isConfigStoreError(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'corrupt', path: 'setec-hosting:hostinger' });
    expect(error.message).toContain('setec-hosting:hostinger');
    for (const shown of [String(error), util.inspect(error, { depth: Infinity }), JSON.stringify(error)]) {
      expect(shown).not.toContain(CANARY);
    }
    await expect(store.update('hostinger', (c) => c)).rejects.toSatisfy(isConfigStoreError);
    expect((await listing.list()).map((c) => c.provider)).toEqual(['zeta']);
    expect(warnings).toEqual([expect.stringContaining('setec-hosting:hostinger')]);
    expect(await driver.raw(storage, 'setec-hosting:hostinger')).toBe(text);
  });

  it('an item holding another provider’s config is corrupt', async () => {
    const { storage, store } = await make();
    await driver.writeRaw(storage, 'setec-hosting:hostinger', JSON.stringify(config({ provider: 'other' })));
    await expect(store.get('hostinger')).rejects.toMatchObject({ reason: 'corrupt' });
  });

  it('configureFromStore builds a provider from each stored config, unchanged', async () => {
    const { store } = await make();
    const registry = new ProviderRegistry();
    const received: ProviderConfig[] = [];
    registry.registerProvider({
      name: 'hostinger',
      displayName: 'Hostinger',
      create: (c) => {
        received.push(c);
        return {
          name: 'hostinger',
          displayName: 'Hostinger',
          testConnection: async () => undefined,
        } satisfies Provider;
      },
    });
    await store.save(config());
    await store.save(config({ provider: 'unregistered' }));
    const providers = await configureFromStore(store, registry);
    expect(providers.map((p) => p.name)).toEqual(['hostinger']);
    expect(received).toEqual([config()]);
  });
}
