import { randomBytes } from 'node:crypto';
import util from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ConfigStore, ProviderConfig } from '../../src/config/config-store.js';
import { configureFromStore } from '../../src/config/configure.js';
import { EncryptedConfigStore } from '../../src/config/encrypted-store.js';
import { FileConfigStore } from '../../src/config/file-store.js';
import { MemoryConfigStore } from '../../src/config/memory-store.js';
import { ProviderRegistry } from '../../src/core/registry.js';
import type { Provider } from '../../src/core/provider.js';
import { isValidationError } from '../../src/core/errors.js';
import { CANARY, config, rejectionOf, tempDir } from './helpers.js';

// One suite, every store (the unstorage way): both must behave the same through the interface.
const stores: [string, () => Promise<ConfigStore>][] = [
  ['MemoryConfigStore', async () => new MemoryConfigStore()],
  ['FileConfigStore', async () => new FileConfigStore(await tempDir())],
  [
    'EncryptedConfigStore over FileConfigStore',
    async () =>
      new EncryptedConfigStore(new FileConfigStore(await tempDir()), {
        keys: { k: randomBytes(32) },
        primaryKeyId: 'k',
      }),
  ],
];

describe.each(stores)('config: %s through the ConfigStore interface', (_, makeStore) => {
  it('saves, gets, lists and deletes', async () => {
    const store = await makeStore();
    expect(await store.get('hostinger')).toBeUndefined();
    await store.save(config({ provider: 'zeta' }));
    await store.save(config());
    expect(await store.get('hostinger')).toEqual(config());
    expect((await store.list()).map((c) => c.provider)).toEqual(['hostinger', 'zeta']);
    expect(await store.delete('hostinger')).toBe(true);
    expect(await store.delete('hostinger')).toBe(false);
    expect((await store.list()).map((c) => c.provider)).toEqual(['zeta']);
  });

  it('update changes a stored config atomically, creates one, and deletes it when the change returns undefined', async () => {
    const store = await makeStore();
    expect(await store.update!('hostinger', (c) => c ?? config({ api_key: 'created' }))).toMatchObject({
      api_key: 'created',
    });
    const changed = await store.update!('hostinger', (c) => c && { ...c, connected: true });
    expect(changed).toMatchObject({ api_key: 'created', connected: true });
    expect(await store.get('hostinger')).toEqual(changed);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        store.update!('hostinger', (c) => c && { ...c, api_secret: c.api_secret + 'x' }),
      ),
    );
    expect((await store.get('hostinger'))?.api_secret).toBe('x'.repeat(20));
    expect(await store.update!('hostinger', () => undefined)).toBeUndefined();
    expect(await store.get('hostinger')).toBeUndefined();
    await expect(store.update!('hostinger', () => config({ provider: 'other' }))).rejects.toSatisfy(isValidationError);
    expect(await store.list()).toEqual([]);
  });

  it('fills api_secret, extra and connected defaults and drops unknown keys', async () => {
    const store = await makeStore();
    await store.save({ provider: 'hostinger', api_key: 'k', surprise: 1 } as unknown as ProviderConfig);
    expect(await store.get('hostinger')).toEqual({
      provider: 'hostinger',
      api_key: 'k',
      api_secret: '',
      extra: {},
      connected: false,
    });
  });

  it('hands out copies: mutating what was saved or returned does not change the store', async () => {
    const store = await makeStore();
    const input = config({ extra: { a: '1' } });
    await store.save(input);
    input.extra.a = 'changed';
    const got = await store.get('hostinger');
    got!.extra.a = 'mutated';
    (await store.list())[0]!.api_key = 'mutated';
    expect(await store.get('hostinger')).toEqual(config({ extra: { a: '1' } }));
  });

  it('rejects bad provider names and bad configs with a ValidationError naming the field', async () => {
    const store = await makeStore();
    for (const attempt of [
      () => store.get('../x'),
      () => store.delete('Hostinger'),
      () => store.save(config({ provider: 'a/b' })),
    ]) {
      const error = await rejectionOf(attempt());
      expect(isValidationError(error)).toBe(true);
      expect(error.fields).toHaveProperty('provider');
    }
    const error = await rejectionOf(
      store.save({
        ...config(),
        api_key: 42 as unknown as string,
        extra: { n: 1 } as unknown as Record<string, string>,
      }),
    );
    expect(Object.keys(error.fields as object).sort()).toEqual(['api_key', 'extra']);
    expect(await store.list()).toEqual([]);
  });

  it('never shows the api_key in util.inspect or JSON.stringify of the store', async () => {
    const store = await makeStore();
    await store.save(config());
    expect(util.inspect(store, { depth: Infinity })).not.toContain(CANARY);
    expect(JSON.stringify(store)).not.toContain(CANARY);
  });
});

describe('config: configureFromStore', () => {
  function registryWith(...names: string[]) {
    const registry = new ProviderRegistry();
    const created: ProviderConfig[] = [];
    for (const name of names) {
      registry.registerProvider({
        name,
        displayName: name.toUpperCase(),
        create: (c) => {
          created.push(c);
          return { name, displayName: name.toUpperCase(), testConnection: async () => undefined } satisfies Provider;
        },
      });
    }
    return { registry, created };
  }

  it('returns a configured provider for every stored config whose provider is registered', async () => {
    const store = new MemoryConfigStore();
    await store.save(config({ provider: 'alpha', api_key: 'key-a' }));
    await store.save(config({ provider: 'beta', api_key: 'key-b' }));
    await store.save(config({ provider: 'ghost' }));
    const { registry, created } = registryWith('alpha', 'beta');

    const providers = await configureFromStore(store, registry);
    expect(providers.map((p) => p.name)).toEqual(['alpha', 'beta']);
    expect(created.map((c) => c.api_key)).toEqual(['key-a', 'key-b']);
  });

  it('returns [] for an empty store', async () => {
    expect(await configureFromStore(new MemoryConfigStore(), registryWith('alpha').registry)).toEqual([]);
  });

  it('works with a FileConfigStore, as at start-up through configureFromStore', async () => {
    const store = new FileConfigStore(await tempDir());
    await store.save(config({ provider: 'alpha' }));
    const { registry } = registryWith('alpha');
    expect((await configureFromStore(store, registry)).map((p) => p.displayName)).toEqual(['ALPHA']);
  });
});
