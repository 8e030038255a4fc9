import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it, vi } from 'vitest';
import type { ProviderConfig } from '../../src/config/config-store.js';
import { MemoryConfigStore } from '../../src/config/memory-store.js';
import { RateLimitError } from '../../src/core/errors.js';
import type { CallOptions } from '../../src/core/call-options.js';
import { ProviderRegistry, type ProviderDefinition } from '../../src/core/registry.js';
import { createHostingHandler } from '../../src/http/index.js';
import { BASE, configure, harness, SECRET, token } from './helpers.js';

/** A provider whose calls wait until the caller's signal aborts, then reject with its reason. */
function hanging(entered: () => void, aborted: () => void): ProviderDefinition {
  const wait = async (options?: CallOptions) => {
    entered();
    await new Promise((_resolve, reject) => {
      options?.signal?.addEventListener('abort', () => (aborted(), reject(options.signal!.reason)), { once: true });
    });
  };
  return {
    name: 'hanging',
    displayName: 'Hanging',
    create: (_config: ProviderConfig) => ({
      name: 'hanging',
      displayName: 'Hanging',
      testConnection: (options) => wait(options),
      dns: {
        list: async (_domain, options) => (await wait(options), []),
        create: async () => {},
        update: async () => {},
        delete: async () => {},
        reset: async () => {},
      },
    }),
  };
}

function hangingSetup() {
  let entered!: () => void;
  const inside = new Promise<void>((resolve) => (entered = resolve));
  const registry = new ProviderRegistry();
  const state = { aborted: false };
  registry.registerProvider(hanging(entered, () => (state.aborted = true)));
  const store = new MemoryConfigStore();
  const onError = vi.fn();
  const handler = createHostingHandler({ store, registry, auth: { jwtSecret: SECRET }, onError });
  return { store, handler, onError, inside, state };
}

describe('http: a client that goes away mid-request', () => {
  it('is not reported as a server error', async () => {
    const { store, handler, onError, inside } = hangingSetup();
    await store.save({ provider: 'hanging', api_key: 'k', api_secret: '', extra: {}, connected: true });
    const abort = new AbortController();
    const answer = handler(
      new Request(`${BASE}/providers/hanging/dns/example.com`, {
        headers: { Authorization: `Bearer ${await token()}` },
        signal: abort.signal,
      }),
    );
    await inside;
    abort.abort();
    expect((await answer).status).not.toBe(500);
    expect(onError).not.toHaveBeenCalled();
  });

  it('an aborted connection test leaves the connected flag as it was', async () => {
    const { store, handler, inside } = hangingSetup();
    await store.save({ provider: 'hanging', api_key: 'k', api_secret: '', extra: {}, connected: true });
    const abort = new AbortController();
    const answer = handler(
      new Request(`${BASE}/providers/hanging/test`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await token()}` },
        signal: abort.signal,
      }),
    );
    await inside;
    abort.abort();
    await answer;
    expect(await store.get('hanging')).toMatchObject({ connected: true });
  });

  it('over a real connection: closing the socket cancels the provider call without onError', async () => {
    const { store, handler, onError, inside, state } = hangingSetup();
    await store.save({ provider: 'hanging', api_key: 'k', api_secret: '', extra: {}, connected: true });
    const server = serve({ fetch: handler, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const jwt = await token();
    try {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/hosting/providers/hanging/test',
        headers: { Authorization: `Bearer ${jwt}` },
      });
      req.on('error', () => {});
      req.end();
      await inside;
      req.destroy();
      await vi.waitFor(() => expect(state.aborted).toBe(true), { timeout: 5000 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(onError).not.toHaveBeenCalled();
      expect(await store.get('hanging')).toMatchObject({ connected: true });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('http: methods a path does not serve', () => {
  it.each([
    ['OPTIONS', '/providers/tinydns', 'DELETE, GET, HEAD'],
    ['PATCH', '/providers/tinydns/dns/example.com', 'DELETE, GET, HEAD, POST, PUT'],
    ['PATCH', '/providers/tinydns/configure', 'POST'],
    ['PUT', '/providers', 'GET, HEAD'],
  ])('%s %s is a 405 with Allow: %s', async (method, path, allow) => {
    const h = await harness();
    const response = await h.send(method, path);
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe(allow);
    expect((await response.json()).error).toContain(method);
  });

  it('an unknown path is still a 404', async () => {
    const h = await harness();
    expect((await h.send('GET', '/providers/tinydns/nothing-here')).status).toBe(404);
  });
});

describe('http: a short jwtSecret', () => {
  it('gets one warning, however many handlers use it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      for (let i = 0; i < 3; i++) {
        createHostingHandler({ store: new MemoryConfigStore(), auth: { jwtSecret: 'too-short' } });
      }
      createHostingHandler({ store: new MemoryConfigStore(), auth: { jwtSecret: SECRET } });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toContain('9 bytes');
      expect(String(warn.mock.calls[0]![0])).not.toContain('too-short');
    } finally {
      warn.mockRestore();
    }
  });
});

describe('http: Retry-After is always a whole number of seconds', () => {
  it.each([
    [Infinity, '86400'],
    [Number.NaN, '30'],
    [-5, '0'],
    [1e400, '86400'],
  ])('retryAfter %s → Retry-After: %s', async (retryAfter, header) => {
    const limited: ProviderDefinition = {
      name: 'limited',
      displayName: 'Limited',
      create: () => ({
        name: 'limited',
        displayName: 'Limited',
        testConnection: async () => {
          throw new RateLimitError('Rate limited', { retryAfter });
        },
      }),
    };
    const h = await harness({ providers: [() => limited] });
    await configure(h, 'limited');
    const response = await h.send('POST', '/providers/limited/test');
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe(header);
  });
});
