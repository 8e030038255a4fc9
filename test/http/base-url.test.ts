import { describe, expect, it } from 'vitest';
import { isValidationError } from '../../src/core/errors.js';
import { assertSafeBaseUrl } from '../../src/http/index.js';
import { configure, harness } from './helpers.js';

const UNSAFE = [
  'http://developers.hostinger.com',
  'https://127.0.0.1',
  'https://169.254.169.254',
  'https://[::1]',
  'http://0x7f.1',
  'https://0x7f.1',
  'https://2130706433',
  'https://0177.0.0.1',
  'https://user:pw@developers.hostinger.com',
  'https://localhost',
  'https://api.localhost',
  'https://metadata.google.internal',
  'https://printer.local.',
  'https://intranet',
  'https://[::ffff:127.0.0.1]',
  'ftp://developers.hostinger.com',
  'not a url',
  'https://kubernetes.default.svc',
  'https://x.corp',
  'https://127.0.0.1.nip.io',
  'https://app.10-0-0-5.sslip.io',
  'https://7f000001.nip.io',
  'https://localtest.me',
  'https://api.lvh.me',
  'https://developers.hostinger.com:22',
  'https://api.example.net:8443/v2/',
  'https://db.internal',
  'https://printer.home.arpa',
];

describe('http: base_url guard', () => {
  it.each(UNSAFE)('rejects %s unless unsafe base URLs are allowed', (url) => {
    let error: unknown;
    try {
      assertSafeBaseUrl(url);
    } catch (e) {
      error = e;
    }
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({ fields: { 'extra.base_url': [expect.any(String)] } });
  });

  it('accepts https to a public host, with a path', () => {
    expect(() => assertSafeBaseUrl('https://developers.hostinger.com')).not.toThrow();
    expect(() => assertSafeBaseUrl('https://api.example.net/v2/')).not.toThrow();
    expect(() => assertSafeBaseUrl('https://developers.hostinger.com:443')).not.toThrow();
    expect(() => assertSafeBaseUrl('https://app.93.184.216.34.nip.io')).not.toThrow();
  });

  it('POST /configure with an unsafe extra.base_url is a 400 and stores nothing', async () => {
    const h = await harness();
    for (const base_url of UNSAFE.slice(0, 7)) {
      const response = await h.send('POST', '/providers/tinydns/configure', { api_key: 'k', extra: { base_url } });
      expect(response.status).toBe(400);
      expect((await response.json()).error).toContain('extra.base_url');
    }
    expect(await h.store.inner.get('tinydns')).toBeUndefined();
  });

  it('a stored config with an unsafe extra.base_url is refused when used (400, provider never called)', async () => {
    const h = await harness();
    await configure(h, 'tinydns', { base_url: 'https://169.254.169.254/latest' });
    const list = await h.send('GET', '/providers/tinydns/dns/example.com');
    expect(list.status).toBe(400);
    expect((await list.json()).error).toContain('extra.base_url');
    expect((await h.send('POST', '/providers/tinydns/test')).status).toBe(400);
    expect(h.calls).toEqual([]);
  });

  it('allowUnsafeBaseUrl lets a local simulator URL through, at configure and at use', async () => {
    const h = await harness({ allowUnsafeBaseUrl: true });
    const response = await h.send('POST', '/providers/tinydns/configure', {
      api_key: 'k',
      extra: { base_url: 'http://127.0.0.1:4010' },
    });
    expect(response.status).toBe(200);
    expect((await h.send('GET', '/providers/tinydns/dns/example.com')).status).toBe(200);
    expect(h.calls).toEqual([['dns.list', 'example.com']]);
    const bad = await h.send('POST', '/providers/tinydns/configure', {
      api_key: 'k',
      extra: { base_url: 'file:///etc/passwd' },
    });
    expect(bad.status).toBe(400);
  });
});
