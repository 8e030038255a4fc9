import { createCipheriv, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configureFromStore } from '../../src/config/configure.js';
import { EncryptedConfigStore } from '../../src/config/encrypted-store.js';
import { FileConfigStore } from '../../src/config/file-store.js';
import { MemoryConfigStore } from '../../src/config/memory-store.js';
import { ProviderRegistry } from '../../src/core/registry.js';
import { hostinger } from '../../src/hostinger/index.js';
import { createHostingHandler } from '../../src/http/index.js';
import { CANARY, config, rejectionOf, tempDir } from './helpers.js';

const K1 = randomBytes(32);
const keys = { k1: K1 };

/** A server on 127.0.0.1 standing for a host an attacker controls: it counts what reaches it. */
const attacker = { server: http.createServer(), hits: [] as string[], url: '' };
beforeAll(async () => {
  attacker.server.on('request', (req, res) => {
    attacker.hits.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('[]');
  });
  await new Promise<void>((resolve) => attacker.server.listen(0, '127.0.0.1', resolve));
  attacker.url = `http://127.0.0.1:${(attacker.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => attacker.server.close(() => resolve())));
beforeEach(() => {
  attacker.hits.length = 0;
});

/** A value as 0.2 wrote it: `enc:v1:`, bound to the provider name only. */
function v1Value(plain: string, provider: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', K1, iv).setAAD(Buffer.from(provider, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `enc:v1:k1:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}

describe('config: EncryptedConfigStore binds each value to its provider, field and extra', () => {
  it('after extra.base_url is changed in the store, reading is a decrypt error and no request reaches the new host', async () => {
    const inner = new FileConfigStore(await tempDir());
    const store = new EncryptedConfigStore(inner, { keys, primaryKeyId: 'k1' });
    await store.save(config({ extra: { base_url: 'https://developers.hostinger.com' } }));
    const stored = (await inner.get('hostinger'))!;
    await inner.save({ ...stored, extra: { base_url: attacker.url } }); // someone with write access, no key

    await expect(store.get('hostinger')).rejects.toMatchObject({ name: 'ConfigStoreError', reason: 'decrypt' });
    const registry = new ProviderRegistry();
    registry.registerProvider(hostinger);
    await expect(configureFromStore(store, registry)).rejects.toMatchObject({ reason: 'decrypt' });

    const handler = createHostingHandler({ store, registry, auth: { none: true }, allowUnsafeBaseUrl: true });
    const response = await handler(
      new Request('http://localhost/api/hosting/providers/hostinger/test', { method: 'POST' }),
    );
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain(CANARY);
    expect(attacker.hits).toEqual([]);
  });

  it('an added, removed or changed extra entry fails; the order of extra’s keys does not matter', async () => {
    const inner = new MemoryConfigStore();
    const store = new EncryptedConfigStore(inner, { keys, primaryKeyId: 'k1' });
    await store.save(config({ extra: { base_url: 'https://a.example', region: 'eu' } }));
    const stored = (await inner.get('hostinger'))!;
    const variants: Record<string, string>[] = [
      { base_url: 'https://a.example' },
      { base_url: 'https://a.example', region: 'eu', proxy: 'http://x' },
      { base_url: 'https://a.example', region: 'us' },
    ];
    for (const extra of variants) {
      await inner.save({ ...stored, extra });
      await expect(store.get('hostinger')).rejects.toMatchObject({ reason: 'decrypt', provider: 'hostinger' });
    }
    await inner.save({ ...stored, extra: { region: 'eu', base_url: 'https://a.example' } });
    expect((await store.get('hostinger'))?.api_key).toBe(CANARY);
  });

  it('changing extra through the store re-binds the values, so the config still reads', async () => {
    const inner = new MemoryConfigStore();
    const store = new EncryptedConfigStore(inner, { keys, primaryKeyId: 'k1' });
    await store.save(config());
    await store.update!('hostinger', (c) => c && { ...c, extra: { base_url: 'https://b.example' } });
    expect(await store.get('hostinger')).toMatchObject({ api_key: CANARY, extra: { base_url: 'https://b.example' } });
  });

  it('api_key and api_secret swapped within one config do not decrypt', async () => {
    const inner = new MemoryConfigStore();
    const store = new EncryptedConfigStore(inner, { keys, primaryKeyId: 'k1' });
    await store.save(config({ api_secret: 'the-secret' }));
    const stored = (await inner.get('hostinger'))!;
    await inner.save({ ...stored, api_key: stored.api_secret, api_secret: stored.api_key });
    const error = await rejectionOf(store.get('hostinger'));
    expect(error).toMatchObject({ reason: 'decrypt', keyId: 'k1' });
    expect(error.message).toMatch(/api_key/);
  });

  it('a plain api_key put in place of the ciphertext is refused unless allowPlaintext is set', async () => {
    const inner = new MemoryConfigStore();
    await new EncryptedConfigStore(inner, { keys, primaryKeyId: 'k1' }).save(config());
    await inner.save(config({ api_key: 'attackers-own-token', extra: { base_url: attacker.url } }));
    const store = new EncryptedConfigStore(inner, { keys, primaryKeyId: 'k1' });
    const error = await rejectionOf(store.get('hostinger'));
    expect(error).toMatchObject({ name: 'ConfigStoreError', reason: 'decrypt', provider: 'hostinger' });
    expect(error.message).toMatch(/plain text.*allowPlaintext/);
    expect(error.message).not.toContain('attackers-own-token');
    const migrating = new EncryptedConfigStore(inner, { keys, primaryKeyId: 'k1', allowPlaintext: true });
    expect((await migrating.get('hostinger'))?.api_key).toBe('attackers-own-token');
  });

  it('0.2’s enc:v1: values read only with allowV1, and reencryptAll turns them into enc:v2:', async () => {
    const inner = new MemoryConfigStore();
    await inner.save(config({ api_key: v1Value(CANARY, 'hostinger'), extra: { base_url: 'https://c.example' } }));
    const strict = new EncryptedConfigStore(inner, { keys, primaryKeyId: 'k1' });
    await expect(strict.get('hostinger')).rejects.toThrow(/enc:v1:.*allowV1/);
    const migrating = new EncryptedConfigStore(inner, { keys, primaryKeyId: 'k1', allowV1: true });
    expect((await migrating.get('hostinger'))?.api_key).toBe(CANARY);
    expect(await migrating.reencryptAll()).toEqual(['hostinger']);
    expect((await inner.get('hostinger'))?.api_key).toMatch(/^enc:v2:k1:/);
    expect((await strict.get('hostinger'))?.api_key).toBe(CANARY);
  });
});
