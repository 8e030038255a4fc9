import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ConfigStore } from '../../src/config/config-store.js';
import { FileConfigStore } from '../../src/config/file-store.js';
import { MemoryConfigStore } from '../../src/config/memory-store.js';
import { isValidationError } from '../../src/core/errors.js';
import { config, rejectionOf, tempDir } from './helpers.js';

const stores: [string, () => Promise<{ store: ConfigStore; files: () => Promise<string[]> }>][] = [
  ['MemoryConfigStore', async () => ({ store: new MemoryConfigStore(), files: async () => [] })],
  [
    'FileConfigStore',
    async () => {
      const dir = await tempDir();
      return { store: new FileConfigStore(dir), files: async () => (await fs.promises.readdir(dir)).sort() };
    },
  ],
];

describe.each(stores)('config: %s.update()', (_, make) => {
  it('creates a config when none is stored and resolves to what is stored', async () => {
    const { store } = await make();
    const made = await store.update!('hostinger', (c) => c ?? config({ api_key: 'created' }));
    expect(made).toEqual(config({ api_key: 'created' }));
    expect(await store.get('hostinger')).toEqual(made);
  });

  it('hands the stored config to the change and keeps what it returns', async () => {
    const { store } = await make();
    await store.save(config({ extra: { n: '1' } }));
    const next = await store.update!('hostinger', (c) => ({ ...c!, extra: { n: String(Number(c!.extra.n) + 1) } }));
    expect(next?.extra.n).toBe('2');
    expect((await store.get('hostinger'))?.extra.n).toBe('2');
  });

  it('deletes the config when the change returns undefined', async () => {
    const { store, files } = await make();
    await store.save(config());
    expect(await store.update!('hostinger', () => undefined)).toBeUndefined();
    expect(await store.get('hostinger')).toBeUndefined();
    expect(await store.list()).toEqual([]);
    expect(await files()).toEqual([]);
  });

  it('leaves the stored config as it was when the change throws or names another provider', async () => {
    const { store } = await make();
    await store.save(config({ extra: { v: 'kept' } }));
    await expect(
      store.update!('hostinger', () => {
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const error = await rejectionOf(store.update!('hostinger', () => config({ provider: 'other' })));
    expect(isValidationError(error)).toBe(true);
    expect((await store.get('hostinger'))?.extra.v).toBe('kept');
    expect(await store.get('other')).toBeUndefined();
  });

  it('refuses a malformed provider name', async () => {
    const { store } = await make();
    expect(isValidationError(await rejectionOf(store.update!('../x', () => config())))).toBe(true);
  });
});
