import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ConfigStore, ProviderConfig } from '../../src/config/config-store.js';
import { EncryptedConfigStore } from '../../src/config/encrypted-store.js';
import { FileConfigStore } from '../../src/config/file-store.js';
import { MemoryConfigStore } from '../../src/config/memory-store.js';
import { isConfigStoreError, isValidationError } from '../../src/core/errors.js';
import { CANARY, config, rejectionOf, tempDir } from './helpers.js';

const K1 = randomBytes(32);
const K2 = randomBytes(32);
/** Every textual form a key could leak in. */
const forms = (key: Buffer) => [
  key.toString('hex'),
  key.toString('base64'),
  key.toString('base64url'),
  key.toString('latin1'),
];
const SECRET_TEXTS = [CANARY, ...forms(K1), ...forms(K2)];

/** Fails when any secret (token or key, in any encoding) shows in the error's printed forms. */
function expectNoSecrets(value: unknown) {
  for (const shown of [String(value), util.inspect(value, { depth: Infinity }), JSON.stringify(value) ?? '']) {
    for (const secret of SECRET_TEXTS) expect(shown).not.toContain(secret);
  }
}

async function fileStore() {
  const dir = await tempDir();
  return { dir, inner: new FileConfigStore(dir) };
}
const readFile = (dir: string, provider = 'hostinger') =>
  fs.promises.readFile(path.join(dir, `${provider}.json`), 'utf8');
const stored = async (dir: string, provider = 'hostinger') =>
  JSON.parse(await readFile(dir, provider)) as ProviderConfig;

describe('config: EncryptedConfigStore', () => {
  it('stores api_key and api_secret as enc:v2:<keyId>:<data>, never the plaintext, and reads them back', async () => {
    const { dir, inner } = await fileStore();
    const store = new EncryptedConfigStore(inner, { keys: { k1: K1 }, primaryKeyId: 'k1' });
    const saved = config({ api_secret: `${CANARY}-secret`, extra: { base_url: 'https://api.example.test' } });
    await store.save(saved);
    const text = await readFile(dir);
    expect(text).not.toContain(CANARY);
    const onDisk = JSON.parse(text) as ProviderConfig;
    expect(onDisk.api_key).toMatch(/^enc:v2:k1:[A-Za-z0-9_-]+$/);
    expect(onDisk.api_secret).toMatch(/^enc:v2:k1:[A-Za-z0-9_-]+$/);
    expect(onDisk).toMatchObject({ provider: 'hostinger', extra: saved.extra, connected: true });
    expect(await store.get('hostinger')).toEqual(saved);
    expect(await store.list()).toEqual([saved]);
  });

  it('uses a fresh IV for every value: saving the same token twice stores different ciphertexts', async () => {
    const { dir, inner } = await fileStore();
    const store = new EncryptedConfigStore(inner, { keys: { k1: K1 }, primaryKeyId: 'k1' });
    await store.save(config({ api_secret: CANARY }));
    const first = await stored(dir);
    expect(first.api_key).not.toBe(first.api_secret);
    await store.save(config({ api_secret: CANARY }));
    expect((await stored(dir)).api_key).not.toBe(first.api_key);
  });

  it('leaves an empty api_secret empty', async () => {
    const { dir, inner } = await fileStore();
    await new EncryptedConfigStore(inner, { keys: { k1: K1 }, primaryKeyId: 'k1' }).save(config());
    expect((await stored(dir)).api_secret).toBe('');
  });

  it('accepts a key as bytes, 64 hex digits, base64 or base64url, all meaning the same key', async () => {
    const inner = new MemoryConfigStore();
    await new EncryptedConfigStore(inner, { keys: { k: K1 }, primaryKeyId: 'k' }).save(config());
    for (const form of [K1.toString('hex'), K1.toString('base64'), K1.toString('base64url'), new Uint8Array(K1)]) {
      const store = new EncryptedConfigStore(inner, { keys: { k: form }, primaryKeyId: 'k' });
      expect((await store.get('hostinger'))?.api_key).toBe(CANARY);
    }
  });

  it('refuses keys that are not 32 bytes and a primary key id that is not configured, without showing the key', () => {
    const inner = new MemoryConfigStore();
    const short = randomBytes(31);
    for (const key of [short, short.toString('hex'), short.toString('base64'), 'not a key', '']) {
      const error = (() => {
        try {
          new EncryptedConfigStore(inner, { keys: { old: K1, bad: key }, primaryKeyId: 'old' });
        } catch (e) {
          return e;
        }
      })();
      expect(isValidationError(error)).toBe(true);
      expect(error).toMatchObject({ fields: { 'keys.bad': [expect.any(String)] } });
      expectNoSecrets(error);
      for (const shown of [String(error), util.inspect(error, { depth: Infinity })]) {
        expect(shown).not.toContain(Buffer.from(short).toString('hex'));
      }
    }
    expect(() => new EncryptedConfigStore(inner, { keys: { k1: K1 }, primaryKeyId: 'k2' })).toThrow(
      expect.objectContaining({ fields: { primaryKeyId: [expect.any(String)] } }),
    );
    expect(() => new EncryptedConfigStore(inner, { keys: { 'a:b': K1 }, primaryKeyId: 'a:b' })).toThrow(
      expect.toSatisfy(isValidationError),
    );
    expect(() => new EncryptedConfigStore(inner, { keys: {}, primaryKeyId: 'k' })).toThrow(
      expect.toSatisfy(isValidationError),
    );
  });

  it('shows key ids, never keys, in util.inspect and JSON.stringify of the store', () => {
    const store = new EncryptedConfigStore(new MemoryConfigStore(), { keys: { k1: K1, k2: K2 }, primaryKeyId: 'k2' });
    expect(JSON.parse(JSON.stringify(store))).toEqual({ primaryKeyId: 'k2', keyIds: ['k1', 'k2'] });
    expect(util.inspect(store, { depth: Infinity, showHidden: true })).toContain('k1');
    expectNoSecrets(store);
    expectNoSecrets(util.inspect(store, { depth: Infinity, showHidden: true }));
  });

  it('reads values under old keys after the primary changes, and reencryptAll moves everything to the primary', async () => {
    const { dir, inner } = await fileStore();
    await new EncryptedConfigStore(inner, { keys: { k1: K1 }, primaryKeyId: 'k1' }).save(config());
    await inner.save(config({ provider: 'plain', api_key: `${CANARY}-plain` }));
    const rotated = new EncryptedConfigStore(inner, {
      keys: { k1: K1, k2: K2 },
      primaryKeyId: 'k2',
      allowPlaintext: true,
    });
    expect((await rotated.get('hostinger'))?.api_key).toBe(CANARY);
    await rotated.save(config({ provider: 'fresh' }));
    expect((await stored(dir, 'fresh')).api_key).toMatch(/^enc:v2:k2:/);
    expect((await stored(dir, 'hostinger')).api_key).toMatch(/^enc:v2:k1:/);

    expect((await rotated.reencryptAll()).sort()).toEqual(['hostinger', 'plain']);
    for (const provider of ['fresh', 'hostinger', 'plain']) {
      const text = await readFile(dir, provider);
      expect(text).not.toContain(CANARY);
      expect(JSON.parse(text).api_key).toMatch(/^enc:v2:k2:/);
    }
    expect(await rotated.reencryptAll()).toEqual([]);
    const onlyNew = new EncryptedConfigStore(inner, { keys: { k2: K2 }, primaryKeyId: 'k2' });
    expect((await onlyNew.list()).map((c) => c.api_key)).toEqual([CANARY, CANARY, `${CANARY}-plain`]);
  });

  it('with allowPlaintext, reads a plain value as it is and encrypts it on the next save', async () => {
    const { dir, inner } = await fileStore();
    await inner.save(config());
    const store = new EncryptedConfigStore(inner, { keys: { k1: K1 }, primaryKeyId: 'k1', allowPlaintext: true });
    const current = await store.get('hostinger');
    expect(current?.api_key).toBe(CANARY);
    await store.save({ ...current!, connected: false });
    expect(await readFile(dir)).not.toContain(CANARY);
  });

  it('a value under a key that is not configured is a ConfigStoreError naming the provider and key id', async () => {
    const inner = new MemoryConfigStore();
    await new EncryptedConfigStore(inner, { keys: { k1: K1 }, primaryKeyId: 'k1' }).save(config());
    const store = new EncryptedConfigStore(inner, { keys: { k2: K2 }, primaryKeyId: 'k2' });
    for (const attempt of [store.get('hostinger'), store.list(), store.reencryptAll()]) {
      const error = await rejectionOf(attempt);
      expect(isConfigStoreError(error)).toBe(true);
      expect(error).toMatchObject({ reason: 'decrypt', provider: 'hostinger', keyId: 'k1' });
      expect(error.message).toContain('"k1"');
      expect(error.message).toContain('hostinger');
      expectNoSecrets(error);
    }
  });

  it('a changed value fails authentication, whichever byte was changed', async () => {
    const inner = new MemoryConfigStore();
    const store = new EncryptedConfigStore(inner, { keys: { k1: K1 }, primaryKeyId: 'k1' });
    await store.save(config());
    const value = (await inner.get('hostinger'))!.api_key;
    const data = Buffer.from(value.slice('enc:v2:k1:'.length), 'base64url');
    for (const index of [0, 12, data.length - 17, data.length - 1]) {
      const tampered = Buffer.from(data);
      tampered[index]! ^= 0x01;
      await inner.save(config({ api_key: `enc:v2:k1:${tampered.toString('base64url')}` }));
      const error = await rejectionOf(store.get('hostinger'));
      expect(error).toMatchObject({ name: 'ConfigStoreError', reason: 'decrypt', provider: 'hostinger', keyId: 'k1' });
      expectNoSecrets(error);
    }
    await inner.save(config({ api_key: 'enc:v2:k1:AAAA' }));
    await expect(store.get('hostinger')).rejects.toMatchObject({ reason: 'decrypt' });
    await inner.save(config({ api_key: 'enc:v2:whatever' }));
    await expect(store.get('hostinger')).rejects.toMatchObject({ reason: 'decrypt', provider: 'hostinger' });
  });

  it('a value moved to another provider’s config does not decrypt there', async () => {
    const inner = new MemoryConfigStore();
    const store = new EncryptedConfigStore(inner, { keys: { k1: K1 }, primaryKeyId: 'k1' });
    await store.save(config());
    await store.save(config({ provider: 'attacker', api_key: 'attacker-key' }));
    const victim = (await inner.get('hostinger'))!.api_key;
    await inner.save(config({ provider: 'attacker', api_key: victim }));
    const error = await rejectionOf(store.get('attacker'));
    expect(error).toMatchObject({ reason: 'decrypt', provider: 'attacker', keyId: 'k1' });
    expectNoSecrets(error);
  });

  it('update passes through the wrapped store’s atomic update, encrypting what the change returns', async () => {
    const { dir, inner } = await fileStore();
    const store = new EncryptedConfigStore(inner, { keys: { k1: K1 }, primaryKeyId: 'k1' });
    await store.save(config({ extra: { count: '0' } }));
    await Promise.all(
      Array.from({ length: 10 }, () =>
        store.update!('hostinger', (c) => {
          expect(c?.api_key).toBe(CANARY);
          return c && { ...c, extra: { count: String(Number(c.extra.count) + 1) } };
        }),
      ),
    );
    expect((await store.get('hostinger'))?.extra.count).toBe('10');
    expect(await readFile(dir)).not.toContain(CANARY);
    expect(await store.update!('hostinger', () => undefined)).toBeUndefined();
    expect(await inner.get('hostinger')).toBeUndefined();
  });

  it('has no update when the wrapped store has none, and reencryptAll then rewrites through save', async () => {
    const memory = new MemoryConfigStore();
    const bare: ConfigStore = {
      get: (p) => memory.get(p),
      save: (c) => memory.save(c),
      delete: (p) => memory.delete(p),
      list: () => memory.list(),
    };
    const store = new EncryptedConfigStore(bare, { keys: { k1: K1 }, primaryKeyId: 'k1', allowPlaintext: true });
    expect(store.update).toBeUndefined();
    expect('update' in store).toBe(false);
    await memory.save(config());
    expect(await store.reencryptAll()).toEqual(['hostinger']);
    expect((await memory.get('hostinger'))?.api_key).toMatch(/^enc:v2:k1:/);
    expect((await store.get('hostinger'))?.api_key).toBe(CANARY);
  });
});
