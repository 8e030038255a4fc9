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

/** A store whose reads take 20 ms, like a slow disk: wide open to read-then-write races. */
class SlowReadStore extends MemoryConfigStore {
  override async get(provider: string) {
    const config = await super.get(provider);
    await new Promise((resolve) => setTimeout(resolve, 20));
    return config;
  }
}

describe('http: /test records the outcome atomically on a store with slow reads', () => {
  async function slowSetup() {
    const registry = new ProviderRegistry();
    registry.registerProvider({
      name: 'slow',
      displayName: 'Slow',
      create: (config) => ({ name: config.provider, displayName: 'Slow', testConnection: async () => {} }),
    });
    const store = new SlowReadStore();
    const handler = createHostingHandler({ store, registry, auth: { jwtSecret: SECRET } });
    const jwt = await token();
    const send = (method: string, path: string, body?: unknown) =>
      handler(
        new Request(`${BASE}${path}`, {
          method,
          headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
    expect((await send('POST', '/providers/slow/configure', { api_key: 'OLD' })).status).toBe(200);
    return { store, send };
  }
  const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('a configure sent 30 ms after /test started keeps the NEW key', async () => {
    const { store, send } = await slowSetup();
    const testing = send('POST', '/providers/slow/test');
    await later(30);
    expect((await send('POST', '/providers/slow/configure', { api_key: 'NEW' })).status).toBe(200);
    await testing;
    expect(await store.get('slow')).toMatchObject({ api_key: 'NEW', connected: false });
  });

  it('a DELETE sent 30 ms after /test started stays deleted', async () => {
    const { store, send } = await slowSetup();
    const testing = send('POST', '/providers/slow/test');
    await later(30);
    expect((await send('DELETE', '/providers/slow')).status).toBe(200);
    await testing;
    expect(await store.get('slow')).toBeUndefined();
  });
});
