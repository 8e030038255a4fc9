import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHostingerSimulator } from '../../src/testing/simulators/hostinger/index.js';
import { hostingerCall } from '../support/hostinger-call.js';
import { useSimulatorServer } from '../support/msw.js';
import { validateResponse } from '../support/openapi.js';

const CATALOG = '/api/billing/v1/catalog';

describe('simulator: faults through msw', () => {
  const { sim, baseUrl } = useSimulatorServer();
  const call = hostingerCall(baseUrl);

  it('answers an injected 429 with Retry-After and a plain-text Cloudflare body, then serves normally', async () => {
    sim.inject({ status: 429, headers: { 'Retry-After': '2' }, body: 'error code: 1015' });
    const limited = await call('GET', CATALOG);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.body).toBe('error code: 1015');
    expect((await call('GET', CATALOG)).status).toBe(200);
  });

  it('fails the connection for a network-error fault, `times` requests in a row', async () => {
    sim.inject({ networkError: true, times: 2 });
    await expect(call('GET', CATALOG)).rejects.toThrow(TypeError);
    await expect(call('GET', CATALOG)).rejects.toThrow(TypeError);
    expect((await call('GET', CATALOG)).status).toBe(200);
    expect(sim.requests).toHaveLength(3);
  });

  it('matches faults by method and path (string or RegExp) and leaves other requests alone', async () => {
    sim.inject({ status: 503, method: 'PUT', path: /^\/api\/dns\/v1\/zones\// });
    sim.inject({ status: 500, path: '/api/vps/v1/templates' });
    expect((await call('GET', '/api/dns/v1/zones/example.com')).status).toBe(200);
    expect((await call('GET', CATALOG)).status).toBe(200);
    const put = await call('PUT', '/api/dns/v1/zones/example.com', {
      zone: [{ name: 'x', type: 'A', records: [{ content: '192.0.2.1' }] }],
    });
    expect(put.status).toBe(503);
    expect(sim.state.zones.get('example.com')?.some((s) => s.name === 'x')).toBe(false);
    const templates = await call('GET', '/api/vps/v1/templates');
    expect(templates).toMatchObject({
      status: 500,
      body: { message: 'Internal Server Error', correlation_id: expect.any(String) },
    });
  });

  it('logs requests with method, path, query and parsed body, never headers', async () => {
    await call('GET', '/api/vps/v1/public-keys?page=1');
    await call('POST', '/api/domains/v1/availability', { domain: 'x', tlds: ['com'] });
    expect(sim.requests).toEqual([
      { method: 'GET', path: '/api/vps/v1/public-keys', search: '?page=1', body: undefined },
      { method: 'POST', path: '/api/domains/v1/availability', search: '', body: { domain: 'x', tlds: ['com'] } },
    ]);
    expect(JSON.stringify(sim.requests)).not.toContain('test-token');
  });
});

describe('simulator: delays and reset (fetch, fake timers)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const headers = { authorization: 'Bearer test-token' };

  it('holds the response for delayMs, and latencyMs adds to every response', async () => {
    vi.useFakeTimers();
    const sim = createHostingerSimulator();
    sim.inject({ delayMs: 1000 });
    sim.latencyMs = 500;
    let settled = false;
    const pending = sim.fetch(`${sim.baseUrl}${CATALOG}`, { headers }).then((r) => {
      settled = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(1499);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).status).toBe(200);
  });

  it('stops a delayed request at once when its signal aborts', async () => {
    vi.useFakeTimers();
    const sim = createHostingerSimulator();
    sim.inject({ delayMs: 60_000 });
    const controller = new AbortController();
    const pending = sim.fetch(`${sim.baseUrl}${CATALOG}`, { headers, signal: controller.signal });
    controller.abort(new Error('caller gave up'));
    await expect(pending).rejects.toThrow('caller gave up');
  });

  it('rejects sim.fetch with a TypeError like fetch does for a network error', async () => {
    const sim = createHostingerSimulator();
    sim.inject({ networkError: true });
    await expect(sim.fetch(`${sim.baseUrl}${CATALOG}`, { headers })).rejects.toThrow('fetch failed');
  });

  it('reset() restores the seeded account and clears faults, latency and the log', async () => {
    const sim = createHostingerSimulator();
    sim.state.domains.clear();
    sim.inject({ status: 500, times: 5 });
    sim.latencyMs = 10;
    await sim.fetch(`${sim.baseUrl}${CATALOG}`, { headers });
    sim.reset();
    expect(sim.requests).toEqual([]);
    expect(sim.latencyMs).toBe(0);
    expect(sim.state.domains.size).toBe(3);
    expect((await sim.fetch(`${sim.baseUrl}${CATALOG}`, { headers })).status).toBe(200);
  });

  it('starts empty with seed: false but keeps the catalog, and honours a custom token', async () => {
    const sim = createHostingerSimulator({ seed: false, token: 'other' });
    const call = hostingerCall(sim.baseUrl, { token: 'other', fetch: sim.fetch });
    expect((await call('GET', '/api/domains/v1/portfolio')).body).toEqual([]);
    expect((await call('GET', CATALOG)).body.length).toBeGreaterThan(0);
  });
});

describe('simulator: real HTTP server', () => {
  const sim = createHostingerSimulator();
  let origin = '';
  beforeAll(async () => {
    origin = await sim.listen();
  });
  afterAll(() => sim.close());

  it('serves the API on 127.0.0.1 with spec-valid responses', async () => {
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const call = hostingerCall(origin);
    for (const path of [
      '/api/dns/v1/zones/example.com',
      '/api/vps/v1/virtual-machines',
      '/api/vps/v1/public-keys?page=1',
      CATALOG,
      '/api/domains/v1/portfolio/example.com',
    ]) {
      const result = await call('GET', path);
      expect(result.status).toBe(200);
      expect(
        validateResponse({ method: 'GET', url: `${origin}${path}`, status: result.status, body: result.body }),
      ).toEqual([]);
    }
    const unauth = await hostingerCall(origin, { token: null })('GET', CATALOG);
    expect(unauth.status).toBe(401);
    expect(validateResponse({ method: 'GET', url: `${origin}${CATALOG}`, status: 401, body: unauth.body })).toEqual([]);
  });

  it('writes over real HTTP, including a DELETE with a JSON body', async () => {
    const call = hostingerCall(origin);
    const put = await call('PUT', '/api/dns/v1/zones/example.net', {
      overwrite: false,
      zone: [{ name: 'mail', type: 'A', records: [{ content: '192.0.2.25' }] }],
    });
    expect(put.body).toEqual({ message: 'Request accepted' });
    await call('DELETE', '/api/dns/v1/zones/example.net', { filters: [{ name: 'www', type: 'CNAME' }] });
    const names = sim.state.zones.get('example.net')!.map((s) => `${s.name}/${s.type}`);
    expect(names).toContain('mail/A');
    expect(names).not.toContain('www/CNAME');
  });

  it('drops the connection for a network-error fault', async () => {
    sim.inject({ networkError: true });
    await expect(fetch(`${origin}${CATALOG}`, { headers: { authorization: 'Bearer test-token' } })).rejects.toThrow(
      TypeError,
    );
    expect((await hostingerCall(origin)('GET', CATALOG)).status).toBe(200);
  });

  it('refuses connections after close()', async () => {
    const other = createHostingerSimulator();
    const url = await other.listen();
    await other.close();
    await expect(fetch(`${url}${CATALOG}`)).rejects.toThrow(TypeError);
  });
});
