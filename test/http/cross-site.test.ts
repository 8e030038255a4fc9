import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryConfigStore } from '../../src/config/memory-store.js';
import { ProviderRegistry } from '../../src/core/registry.js';
import { createHostingHandler } from '../../src/http/index.js';
import { BASE, dnsOnlyProvider, SECRET, token, type Call } from './helpers.js';

// What a page on another site can make a logged-in browser send: an HTML form with
// `enctype="text/plain"` posts `name=value`; a field named `{"api_key":"attacker-token","api_key":"`
// with the value `x"}` gives a body that is valid JSON, the duplicate key soaking up the `=`.
const FORGED_CONFIGURE = '{"api_key":"attacker-token","api_key":"=x"}';

function setup(trustedOrigins?: string[]) {
  const calls: Call[] = [];
  const registry = new ProviderRegistry();
  registry.registerProvider({ name: 'tinydns', displayName: 'Tiny DNS', create: (c) => dnsOnlyProvider(calls, c) });
  const store = new MemoryConfigStore();
  const handler = createHostingHandler({ store, registry, auth: { jwtSecret: SECRET }, trustedOrigins });
  return { store, handler, calls };
}

async function cookieRequest(
  handler: (r: Request) => Promise<Response>,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Response> {
  return handler(
    new Request(`${BASE}${path}`, { method, headers: { Cookie: `token=${await token()}`, ...headers }, body }),
  );
}

describe('http: requests a page on another site makes the browser send with the cookie', () => {
  it('a cross-site text/plain form posting a new token is refused (403) and nothing is stored', async () => {
    const { store, handler } = setup();
    const response = await cookieRequest(
      handler,
      'POST',
      '/providers/tinydns/configure',
      { 'Content-Type': 'text/plain', Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      FORGED_CONFIGURE,
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'Cross-site request refused' });
    expect(await store.get('tinydns')).toBeUndefined();
  });

  it('the same form body is refused (415) even from a browser that sends no Origin', async () => {
    const { store, handler } = setup();
    const response = await cookieRequest(
      handler,
      'POST',
      '/providers/tinydns/configure',
      { 'Content-Type': 'text/plain' },
      FORGED_CONFIGURE,
    );
    expect(response.status).toBe(415);
    expect(await store.get('tinydns')).toBeUndefined();
  });

  it('a bodiless cross-site form post (zone reset) is refused before the provider is called', async () => {
    const { store, handler, calls } = setup();
    await store.save({ provider: 'tinydns', api_key: 'k', api_secret: '', extra: {}, connected: true });
    for (const headers of <Record<string, string>[]>[
      { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site' },
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      { Origin: 'null' },
    ]) {
      const response = await cookieRequest(handler, 'POST', '/providers/tinydns/dns/example.com/reset', headers);
      expect([403, 415]).toContain(response.status);
    }
    expect(calls).toEqual([]);
  });

  it('a DELETE from another site is refused and the config stays', async () => {
    const { store, handler } = setup();
    await store.save({ provider: 'tinydns', api_key: 'k', api_secret: '', extra: {}, connected: true });
    const response = await cookieRequest(handler, 'DELETE', '/providers/tinydns', { Origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(await store.get('tinydns')).toMatchObject({ api_key: 'k' });
  });

  it("the page's own JSON requests with the cookie still work", async () => {
    const { store, handler } = setup();
    const response = await cookieRequest(
      handler,
      'POST',
      '/providers/tinydns/configure',
      { 'Content-Type': 'application/json', Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' },
      JSON.stringify({ api_key: 'mine' }),
    );
    expect(response.status).toBe(200);
    expect(await store.get('tinydns')).toMatchObject({ api_key: 'mine' });
  });

  it('an origin listed in trustedOrigins may send cookie requests (a proxy under another host name)', async () => {
    const { store, handler } = setup(['https://admin.example.com']);
    const response = await cookieRequest(
      handler,
      'POST',
      '/providers/tinydns/configure',
      { 'Content-Type': 'application/json', Origin: 'https://admin.example.com', 'Sec-Fetch-Site': 'same-site' },
      JSON.stringify({ api_key: 'mine' }),
    );
    expect(response.status).toBe(200);
    expect(await store.get('tinydns')).toMatchObject({ api_key: 'mine' });
  });

  it('Bearer clients are not affected: any Origin and Content-Type pass as before', async () => {
    const { store, handler } = setup();
    const response = await handler(
      new Request(`${BASE}/providers/tinydns/configure`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${await token()}`,
          'Content-Type': 'text/plain',
          Origin: 'https://other.app',
        },
        body: JSON.stringify({ api_key: 'scripted' }),
      }),
    );
    expect(response.status).toBe(200);
    expect(await store.get('tinydns')).toMatchObject({ api_key: 'scripted' });
  });
});

describe('http: cross-site form post over a real connection (127.0.0.1)', () => {
  let server: ServerType;
  let port: number;
  const state = setup();

  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      server = serve({ fetch: state.handler, hostname: '127.0.0.1', port: 0 }, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends raw bytes exactly as a browser submitting the form would. */
  async function send(headers: Record<string, string>, body: string): Promise<number> {
    const cookie = `token=${await token()}`;
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/hosting/providers/tinydns/configure',
          headers: { Cookie: cookie, 'Content-Length': Buffer.byteLength(body), ...headers },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('is refused and the stored token is not replaced', async () => {
    await state.store.save({ provider: 'tinydns', api_key: 'owner-token', api_secret: '', extra: {}, connected: true });
    const status = await send(
      {
        'Content-Type': 'text/plain',
        Origin: 'https://evil.example',
        'Sec-Fetch-Site': 'cross-site',
        'Sec-Fetch-Mode': 'navigate',
      },
      FORGED_CONFIGURE,
    );
    expect(status).toBe(403);
    expect(await state.store.get('tinydns')).toMatchObject({ api_key: 'owner-token' });
  });

  it('a body without any Content-Type is refused too (415)', async () => {
    expect(await send({}, JSON.stringify({ api_key: 'other' }))).toBe(415);
    expect(await state.store.get('tinydns')).toMatchObject({ api_key: 'owner-token' });
  });
});
