import { sign } from 'hono/jwt';
import { describe, expect, it, vi } from 'vitest';
import { MemoryConfigStore } from '../../src/config/memory-store.js';
import { ProviderRegistry } from '../../src/core/registry.js';
import { createHostingHandler, secretsEqual } from '../../src/http/index.js';
import { BASE, SECRET, token } from './helpers.js';

const store = new MemoryConfigStore();
const registry = new ProviderRegistry();
const jwtHandler = createHostingHandler({ store, registry, auth: { jwtSecret: SECRET } });
const get = (init: RequestInit = {}, path = '/providers') => jwtHandler(new Request(`${BASE}${path}`, init));

async function expectUnauthorized(response: Response): Promise<void> {
  expect(response.status).toBe(401);
  expect(response.headers.get('WWW-Authenticate')).toBe('Bearer');
  expect(await response.json()).toEqual({ error: 'Unauthorized' });
}

describe('http: authentication', () => {
  it('creating the handler without an authenticator throws', () => {
    // @ts-expect-error auth is required
    expect(() => createHostingHandler({ store, registry })).toThrow(/auth.*required/);
    expect(() => createHostingHandler({ store, registry, auth: { jwtSecret: '' } })).toThrow(TypeError);
    // @ts-expect-error `none` must be literally true
    expect(() => createHostingHandler({ store, registry, auth: { none: false } })).toThrow(TypeError);
  });

  it('no token, a malformed token and a wrong-secret token get 401 with WWW-Authenticate and no details', async () => {
    await expectUnauthorized(await get());
    await expectUnauthorized(await get({ headers: { Authorization: 'Bearer not.a.jwt' } }));
    await expectUnauthorized(await get({ headers: { Authorization: 'Bearer' } }));
    await expectUnauthorized(await get({ headers: { Authorization: `Basic ${btoa('user:pw')}` } }));
    await expectUnauthorized(await get({ headers: { Authorization: `Bearer ${await token({}, 'another-secret')}` } }));
  });

  it('a valid token in the query string is ignored (401)', async () => {
    const jwt = await token();
    await expectUnauthorized(await get({}, `/providers?token=${jwt}`));
    await expectUnauthorized(await get({}, `/providers?access_token=${jwt}`));
  });

  it('rejects an expired token and a token signed with another algorithm', async () => {
    await expectUnauthorized(
      await get({ headers: { Authorization: `Bearer ${await token({ exp: Math.floor(Date.now() / 1000) - 10 })}` } }),
    );
    const hs512 = await sign({ sub: 'x' }, SECRET, 'HS512');
    await expectUnauthorized(await get({ headers: { Authorization: `Bearer ${hs512}` } }));
    const none = `${btoa('{"alg":"none","typ":"JWT"}').replace(/=/g, '')}.${btoa('{"sub":"x"}').replace(/=/g, '')}.`;
    await expectUnauthorized(await get({ headers: { Authorization: `Bearer ${none}` } }));
  });

  it('accepts a valid token from the Authorization header or the token cookie', async () => {
    const jwt = await token();
    const viaHeader = await get({ headers: { Authorization: `Bearer ${jwt}` } });
    expect(viaHeader.status).toBe(200);
    expect(await viaHeader.json()).toEqual([]);
    const viaCookie = await get({ headers: { Cookie: `theme=dark; token=${jwt}` } });
    expect(viaCookie.status).toBe(200);
  });

  it('401s before it answers 404, so unauthenticated callers cannot map the routes', async () => {
    await expectUnauthorized(await get({}, '/no-such-route'));
  });

  it('calls a custom authenticate(request) and honours its (async) answer', async () => {
    const authenticate = vi.fn(async (request: Request) => request.headers.get('x-api-key') === 'let-me-in');
    const handler = createHostingHandler({ store, registry, auth: { authenticate } });
    const denied = await handler(new Request(`${BASE}/providers`, { headers: { 'x-api-key': 'wrong' } }));
    await expectUnauthorized(denied);
    const allowed = await handler(new Request(`${BASE}/providers`, { headers: { 'x-api-key': 'let-me-in' } }));
    expect(allowed.status).toBe(200);
    expect(authenticate).toHaveBeenCalledTimes(2);
  });

  it('serves without credentials only when created with { none: true }', async () => {
    const handler = createHostingHandler({ store, registry, auth: { none: true } });
    expect((await handler(new Request(`${BASE}/providers`))).status).toBe(200);
  });
});

describe('http: secretsEqual', () => {
  it('comparing a candidate of a different length returns false instead of throwing', async () => {
    await expect(secretsEqual('short', 'a-much-longer-secret-value')).resolves.toBe(false);
    await expect(secretsEqual('', 'x')).resolves.toBe(false);
    await expect(secretsEqual('ünïcode-🔑', 'ünïcode-🔑')).resolves.toBe(true);
    await expect(secretsEqual('same-length-a', 'same-length-b')).resolves.toBe(false);
  });

  it('works as an API-key check inside authenticate()', async () => {
    const handler = createHostingHandler({
      store,
      registry,
      auth: { authenticate: (request) => secretsEqual(request.headers.get('x-api-key') ?? '', 'k-123456') },
    });
    expect((await handler(new Request(`${BASE}/providers`, { headers: { 'x-api-key': 'k' } }))).status).toBe(401);
    expect((await handler(new Request(`${BASE}/providers`, { headers: { 'x-api-key': 'k-123456' } }))).status).toBe(
      200,
    );
  });
});
