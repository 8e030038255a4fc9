import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { MemoryConfigStore } from '../../src/config/memory-store.js';
import { ProviderRegistry } from '../../src/core/registry.js';
import { createHostingHandler } from '../../src/http/index.js';
import { BASE, SECRET, token } from './helpers.js';

/**
 * A provider whose connection test waits until released, with `/test` already in flight: the returned
 * `started` resolves once the handler is inside `testConnection`, so a change can land mid-test.
 */
async function testInFlight() {
  let release!: () => void;
  let entered!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const started = new Promise<void>((resolve) => (entered = resolve));
  const registry = new ProviderRegistry();
  registry.registerProvider({
    name: 'slow',
    displayName: 'Slow',
    create: (config) => ({ name: config.provider, displayName: 'Slow', testConnection: () => (entered(), gate) }),
  });
  const store = new MemoryConfigStore();
  const handler = createHostingHandler({ store, registry, auth: { jwtSecret: SECRET } });
  await store.save({ provider: 'slow', api_key: 'old', api_secret: '', extra: {}, connected: false });
  const testing = call(handler, 'POST', '/providers/slow/test');
  await started;
  return { store, handler, testing, release };
}

async function call(handler: (r: Request) => Promise<Response>, method: string, path: string, auth?: string) {
  return handler(
    new Request(`${BASE}${path}`, { method, headers: { Authorization: `Bearer ${auth ?? (await token())}` } }),
  );
}

describe('http: connection test and concurrent changes', () => {
  it('a DELETE that lands while /test runs is not undone when the test finishes', async () => {
    const { store, handler, testing, release } = await testInFlight();
    expect((await call(handler, 'DELETE', '/providers/slow')).status).toBe(200);
    release();
    expect((await testing).status).toBe(200);
    expect(await store.get('slow')).toBeUndefined();
  });

  it('a configure that lands while /test runs keeps its new key and is not marked connected', async () => {
    const { store, testing, release } = await testInFlight();
    await store.save({ provider: 'slow', api_key: 'new', api_secret: '', extra: {}, connected: false });
    release();
    await testing;
    expect(await store.get('slow')).toMatchObject({ api_key: 'new', connected: false });
  });
});

describe('http: auth details', () => {
  it('a correctly signed token without exp is refused (401): tokens must expire', async () => {
    const handler = createHostingHandler({
      store: new MemoryConfigStore(),
      registry: new ProviderRegistry(),
      auth: { jwtSecret: SECRET },
    });
    const forever = await sign({ sub: 'x' }, SECRET, 'HS256');
    expect((await call(handler, 'GET', '/providers', forever)).status).toBe(401);
    expect((await call(handler, 'GET', '/providers')).status).toBe(200);
  });
});
