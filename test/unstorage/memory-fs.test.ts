import fs from 'node:fs';
import path from 'node:path';
import { createStorage } from 'unstorage';
import fsDriver from 'unstorage/drivers/fs';
import memoryDriver from 'unstorage/drivers/memory';
import { describe, expect, it } from 'vitest';
import { isValidationError } from '../../src/core/errors.js';
import { UnstorageConfigStore } from '../../src/unstorage/index.js';
import { tempDir } from '../config/helpers.js';
import { storeSuite } from './store-suite.js';

describe('unstorage: UnstorageConfigStore on the memory driver', () => {
  storeSuite({
    storage: async () => createStorage({ driver: memoryDriver() }),
    raw: async (storage, key) => (storage.getMount(key).driver.getInstance!() as Map<string, string>).get(key) ?? null,
    writeRaw: async (storage, key, text) => {
      (storage.getMount(key).driver.getInstance!() as Map<string, string>).set(key, text);
    },
    options: { lockSettleMs: 2 },
  });
});

const fsBase = new WeakMap<object, string>();
const fileOf = (storage: object, key: string) => path.join(fsBase.get(storage)!, ...key.split(':'));

describe('unstorage: UnstorageConfigStore on the fs driver', () => {
  storeSuite({
    storage: async () => {
      const base = await tempDir();
      const storage = createStorage({ driver: fsDriver({ base }) });
      fsBase.set(storage, base);
      return storage;
    },
    raw: async (storage, key) => fs.promises.readFile(fileOf(storage, key), 'utf8').catch(() => null),
    writeRaw: async (storage, key, text) => {
      await fs.promises.mkdir(path.dirname(fileOf(storage, key)), { recursive: true });
      await fs.promises.writeFile(fileOf(storage, key), text);
    },
    options: { lockSettleMs: 25, lockTtlMs: 2000 },
  });

  it('leaves no lock item behind after writes', async () => {
    const base = await tempDir();
    const store = new UnstorageConfigStore(createStorage({ driver: fsDriver({ base }) }), { lockSettleMs: 25 });
    await store.save({ provider: 'hostinger', api_key: 'k', api_secret: '', extra: {}, connected: false });
    await store.update('hostinger', (c) => c && { ...c, connected: true });
    expect(await fs.promises.readdir(path.join(base, 'setec-hosting'))).toEqual(['hostinger']);
  });
});

describe('unstorage: UnstorageConfigStore options', () => {
  const storage = createStorage({ driver: memoryDriver() });
  it.each(['a/b', ':a', 'a:', 'a::b', '.hidden', 'a:..', 'a b', 'é'])('refuses the prefix %j', (prefix) => {
    expect(() => new UnstorageConfigStore(storage, { prefix })).toThrow(
      expect.objectContaining({ fields: { prefix: [expect.any(String)] } }),
    );
  });

  it('refuses something that is not a storage, and non-positive lock timings', () => {
    expect(() => new UnstorageConfigStore({} as never)).toThrow(expect.toSatisfy(isValidationError));
    expect(() => new UnstorageConfigStore(storage, { lockSettleMs: 0, waitMs: Number.NaN })).toThrow(
      expect.objectContaining({ fields: { settleMs: [expect.any(String)], waitMs: [expect.any(String)] } }),
    );
  });

  it('stores at the root of the storage with an empty prefix, and lists only provider items', async () => {
    const root = createStorage({ driver: memoryDriver() });
    const warnings: string[] = [];
    const store = new UnstorageConfigStore(root, { prefix: '', onWarning: (m) => warnings.push(m) });
    await store.save({ provider: 'hostinger', api_key: 'k', api_secret: '', extra: {}, connected: false });
    await root.setItem('Not-A-Provider', '{}');
    await root.setItem('cache:hostinger', '{}');
    expect(await root.getKeys()).toContain('hostinger');
    expect((await store.list()).map((c) => c.provider)).toEqual(['hostinger']);
    expect(warnings).toEqual([expect.stringContaining('Not-A-Provider')]);
  });
});
