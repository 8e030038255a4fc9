import { promises as fsp } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileConfigStore, type FileConfigStoreFs } from '../../src/config/file-store.js';
import { ProviderRegistry } from '../../src/core/registry.js';
import { createHostingHandler } from '../../src/http/index.js';
import { BASE, CANARY, SECRET, configure, harness, token } from './helpers.js';

describe('http: provider management', () => {
  it('lists every registered provider with its connection status', async () => {
    const h = await harness();
    expect(await (await h.send('GET', '/providers')).json()).toEqual([
      { name: 'tinydns', display_name: 'Tiny DNS', connected: false },
    ]);
    await h.store.inner.save({ provider: 'tinydns', api_key: 'k', api_secret: '', extra: {}, connected: true });
    expect(await (await h.send('GET', '/providers')).json()).toEqual([
      { name: 'tinydns', display_name: 'Tiny DNS', connected: true },
    ]);
  });

  it('configures a provider: stores the credentials as not yet connected and answers {status: configured}', async () => {
    const h = await harness();
    const response = await h.send('POST', '/providers/tinydns/configure', { api_key: CANARY, extra: { region: 'eu' } });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: 'configured' });
    expect(text).not.toContain(CANARY);
    expect(await h.store.inner.get('tinydns')).toEqual({
      provider: 'tinydns',
      api_key: CANARY,
      api_secret: '',
      extra: { region: 'eu' },
      connected: false,
    });
  });

  it('refuses to configure an unknown provider (404) and a body without api_key (400 naming it)', async () => {
    const h = await harness();
    const unknown = await h.send('POST', '/providers/nope/configure', { api_key: 'k' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatch(/nope/);
    const missing = await h.send('POST', '/providers/tinydns/configure', { apikey: 'k' });
    expect(missing.status).toBe(400);
    const body = await missing.json();
    expect(body.error).toContain('api_key');
    expect(body.fields).toMatchObject({ api_key: ['is required'], apikey: ['is not allowed'] });
    const badExtra = await h.send('POST', '/providers/tinydns/configure', {
      api_key: 'k',
      extra: { '__proto__ x': 'y', region: 1 },
    });
    expect(badExtra.status).toBe(400);
    expect(Object.keys((await badExtra.json()).fields).every((field) => field.startsWith('extra'))).toBe(true);
    expect(await h.store.inner.get('tinydns')).toBeUndefined();
  });

  it('tests the connection and records connected: true, or false with the mapped error', async () => {
    const h = await harness();
    await configure(h, 'tinydns');
    const ok = await h.send('POST', '/providers/tinydns/test');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok', message: 'Connection successful' });
    expect((await h.store.inner.get('tinydns'))?.connected).toBe(true);

    await configure(h, 'tinydns', {}, 'bad-key');
    await h.store.inner.save({ ...(await h.store.inner.get('tinydns'))!, connected: true });
    const bad = await h.send('POST', '/providers/tinydns/test');
    expect(bad.status).toBe(422); // the provider refused the stored token; 401 means this API's own token
    expect(bad.headers.get('www-authenticate')).toBeNull();
    expect(await bad.json()).toEqual({ error: 'The API token was rejected' });
    expect((await h.store.inner.get('tinydns'))?.connected).toBe(false);
  });

  it('answers 400 saying so when testing a provider that is not configured', async () => {
    const h = await harness();
    const response = await h.send('POST', '/providers/tinydns/test');
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/not configured/);
  });

  it('deletes a stored configuration, and answers 404 when there is none', async () => {
    const h = await harness();
    await configure(h, 'tinydns');
    const response = await h.send('DELETE', '/providers/tinydns');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'deleted' });
    expect(await h.store.inner.get('tinydns')).toBeUndefined();
    expect((await h.send('DELETE', '/providers/tinydns')).status).toBe(404);
  });

  it('GET /providers/{provider} returns metadata with the secrets redacted', async () => {
    const h = await harness();
    await h.store.inner.save({
      provider: 'tinydns',
      api_key: CANARY,
      api_secret: `${CANARY}-secret`,
      extra: { base_url: 'https://dns.example.net', webhook_token: `${CANARY}-extra`, region: 'eu' },
      connected: true,
    });
    const response = await h.send('GET', '/providers/tinydns');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(CANARY);
    expect(JSON.parse(text)).toEqual({
      name: 'tinydns',
      display_name: 'Tiny DNS',
      configured: true,
      connected: true,
      has_api_key: true,
      has_api_secret: true,
      extra: { base_url: 'https://dns.example.net', webhook_token: '[REDACTED]', region: 'eu' },
      capabilities: ['dns'],
    });
    expect((await h.send('GET', '/providers/unknown')).status).toBe(404);
  });

  it.each([
    ['/providers/..%2F..%2Fetc%2Fpasswd'],
    ['/providers/%2e%2e'],
    ['/providers/%2E%2E/'],
    ['/providers/..%2f..%2fetc%2fpasswd/dns/example.com'],
    ['/providers/..%5C..%5Cwindows/configure'],
    ['/providers/Hostinger'],
    ['/providers/%00'],
  ])('GET %s is a 400 with zero store (file system) calls', async (path) => {
    const h = await harness();
    const response = await h.send('GET', path);
    expect(response.status).toBe(400);
    expect(await response.json()).toHaveProperty('error');
    expect(h.store.calls).toBe(0);
  });

  it('with a real FileConfigStore, traversal paths make zero file system calls', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'setec-http-r36-'));
    try {
      const fsCalls: string[] = [];
      const names = ['lstat', 'mkdir', 'chmod', 'open', 'rename', 'unlink', 'readdir'] as const;
      const countingFs = Object.fromEntries(
        names.map((name) => [
          name,
          (...args: unknown[]) => (fsCalls.push(name), (fsp[name] as (...a: unknown[]) => unknown)(...args)),
        ]),
      ) as unknown as FileConfigStoreFs;
      const registry = new ProviderRegistry();
      registry.registerProvider({
        name: 'hostinger',
        displayName: 'Hostinger',
        create: () => ({ name: 'hostinger', displayName: 'Hostinger', testConnection: async () => {} }),
      });
      const handler = createHostingHandler({
        store: new FileConfigStore(dir, { fs: countingFs }),
        registry,
        auth: { jwtSecret: SECRET },
      });
      const headers = { Authorization: `Bearer ${await token()}` };
      for (const path of [
        '/providers/..%2F..%2Fetc%2Fpasswd',
        '/providers/%2e%2e',
        '/providers/..%2F..%2Fetc%2Fpasswd/configure',
      ]) {
        const response = await handler(
          new Request(`${BASE}${path}`, {
            method: path.endsWith('configure') ? 'POST' : 'GET',
            headers,
            body: path.endsWith('configure') ? '{"api_key":"k"}' : undefined,
          }),
        );
        expect(response.status).toBe(400);
      }
      expect(fsCalls).toEqual([]);
      // The same store does touch the disk for a legitimate name, so the spy is wired.
      expect((await handler(new Request(`${BASE}/providers/hostinger`, { headers }))).status).toBe(200);
      expect(fsCalls.length).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
