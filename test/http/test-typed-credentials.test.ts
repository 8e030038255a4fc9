import { describe, expect, it } from 'vitest';
import { configure, harness } from './helpers.js';

describe('http: POST /test with credentials in the body tests them without storing them', () => {
  it('a right token answers ok and nothing is stored', async () => {
    const h = await harness();
    const response = await h.send('POST', '/providers/tinydns/test', { api_key: 'typed-key' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', message: 'Connection successful' });
    expect(h.calls).toEqual([['testConnection', 'typed-key']]);
    expect(await h.store.inner.list()).toEqual([]);
  });

  it('a wrong token answers the error and the stored config is untouched', async () => {
    const h = await harness();
    await configure(h, 'tinydns', {}, 'stored-key');
    await h.store.inner.update!('tinydns', (c) => c && { ...c, connected: true });
    const before = await h.store.inner.get('tinydns');
    const response = await h.send('POST', '/providers/tinydns/test', { api_key: 'bad-key' });
    expect(response.status).toBe(422);
    expect((await response.json()).error).toBe('The API token was rejected');
    expect(await h.store.inner.get('tinydns')).toEqual(before);
  });

  it('a right token does not mark the stored config connected', async () => {
    const h = await harness();
    await configure(h, 'tinydns', {}, 'stored-key');
    expect((await h.send('POST', '/providers/tinydns/test', { api_key: 'typed-key' })).status).toBe(200);
    expect(await h.store.inner.get('tinydns')).toMatchObject({ api_key: 'stored-key', connected: false });
  });

  it('checks the body like configure does: unknown keys, empty token, unsafe base_url', async () => {
    const h = await harness();
    const cases = [
      [{ api_key: 'k', apikey: 'k' }, 'apikey'],
      [{ api_key: '' }, 'api_key'],
      [{ api_key: 'k', extra: { base_url: 'https://127.0.0.1' } }, 'extra.base_url'],
    ] as const;
    for (const [body, field] of cases) {
      const response = await h.send('POST', '/providers/tinydns/test', body);
      expect(response.status).toBe(400);
      expect(Object.keys((await response.json()).fields)).toEqual([field]);
    }
    expect(h.calls).toEqual([]);
  });

  it('an unknown provider is a 404', async () => {
    const h = await harness();
    expect((await h.send('POST', '/providers/nosuch/test', { api_key: 'k' })).status).toBe(404);
  });

  it('without a body it still tests the stored credentials', async () => {
    const h = await harness();
    await configure(h, 'tinydns', {}, 'stored-key');
    expect((await h.send('POST', '/providers/tinydns/test')).status).toBe(200);
    expect(h.calls).toEqual([['testConnection', 'stored-key']]);
    expect(await h.store.inner.get('tinydns')).toMatchObject({ connected: true });
  });
});

describe('http: a body without extra keeps the stored settings', () => {
  // A provider that remembers the settings it was created with.
  const seen: Record<string, string>[] = [];
  const recording = () => ({
    name: 'remember',
    displayName: 'Remember',
    create: (config: { extra: Record<string, string> }) => ({
      name: 'remember',
      displayName: 'Remember',
      testConnection: async () => void seen.push(config.extra),
    }),
  });

  it('POST /test with only a token tests it against the stored base_url', async () => {
    const h = await harness({ providers: [recording] });
    await configure(h, 'remember', { base_url: 'https://api.example.com' }, 'stored-key');
    seen.length = 0;
    expect((await h.send('POST', '/providers/remember/test', { api_key: 'typed-key' })).status).toBe(200);
    expect(seen).toEqual([{ base_url: 'https://api.example.com' }]);
    expect((await h.send('POST', '/providers/remember/test', { api_key: 'typed-key', extra: {} })).status).toBe(200);
    expect(seen[1]).toEqual({});
  });

  it('POST /configure with only a token keeps the stored extra; extra: {} clears it', async () => {
    const h = await harness();
    await configure(h, 'tinydns', { region: 'eu' }, 'old-key');
    expect((await h.send('POST', '/providers/tinydns/configure', { api_key: 'new-key' })).status).toBe(200);
    expect(await h.store.inner.get('tinydns')).toMatchObject({ api_key: 'new-key', extra: { region: 'eu' } });
    expect((await h.send('POST', '/providers/tinydns/configure', { api_key: 'new-key', extra: {} })).status).toBe(200);
    expect(await h.store.inner.get('tinydns')).toMatchObject({ extra: {} });
  });
});
