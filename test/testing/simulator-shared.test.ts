import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import {
  createDigitalOceanSimulator,
  createHetznerSimulator,
  createHostingerSimulator,
  FAULT_HEADER,
  type ProviderSimulator,
} from '../../src/testing/index.js';

interface Case {
  name: string;
  create(options?: { token?: string; seed?: boolean }): ProviderSimulator<unknown>;
  /** A cheap authenticated GET. */
  path: string;
  /** Another route, to see that a fault's path filter leaves it alone. */
  other: string;
  /** The provider's error body for a 503 fault without a body. */
  faultBody: object;
  /** The provider's 401 body. */
  unauthorized: object;
  /** How many domains the account holds (the seeded one has some, an empty one none). */
  seeded(sim: ProviderSimulator<unknown>): number;
  /** Empties the account's domains. */
  clear(sim: ProviderSimulator<unknown>): void;
}

const cases: Case[] = [
  {
    name: 'Hostinger',
    create: (options) => createHostingerSimulator(options),
    path: '/api/billing/v1/catalog',
    other: '/api/vps/v1/templates',
    faultBody: { message: 'Service Unavailable', correlation_id: expect.any(String) },
    unauthorized: { message: 'Unauthenticated', correlation_id: expect.any(String) },
    seeded: (sim) => (sim as ReturnType<typeof createHostingerSimulator>).state.domains.size,
    clear: (sim) => (sim as ReturnType<typeof createHostingerSimulator>).state.domains.clear(),
  },
  {
    name: 'DigitalOcean',
    create: (options) => createDigitalOceanSimulator(options),
    path: '/v2/account',
    other: '/v2/regions',
    faultBody: { id: 'service_unavailable', message: 'Service Unavailable', request_id: expect.any(String) },
    unauthorized: { id: 'unauthorized', message: 'Unable to authenticate you', request_id: expect.any(String) },
    seeded: (sim) => (sim as ReturnType<typeof createDigitalOceanSimulator>).state.domains.size,
    clear: (sim) => (sim as ReturnType<typeof createDigitalOceanSimulator>).state.domains.clear(),
  },
  {
    name: 'Hetzner',
    create: (options) => createHetznerSimulator(options),
    path: '/v1/locations',
    other: '/v1/server_types',
    faultBody: { error: { code: 'unavailable', message: 'Service Unavailable', details: null } },
    unauthorized: { error: { code: 'unauthorized', message: 'unable to authenticate', details: null } },
    seeded: (sim) => (sim as ReturnType<typeof createHetznerSimulator>).state.zones.size,
    clear: (sim) => (sim as ReturnType<typeof createHetznerSimulator>).state.zones.clear(),
  },
];

const auth = { authorization: 'Bearer test-token' };

describe.each(cases)('$name simulator: what every simulator does', (c) => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const get = (sim: ProviderSimulator<unknown>, path = c.path, init: RequestInit = { headers: auth }) =>
    // Hetzner's baseUrl ends in the API's /v1, which its paths carry: requests go to the origin.
    sim.fetch(`${new URL(sim.baseUrl).origin}${path}`, init);

  it('answers an injected 429 with its headers and plain-text body once, marked as a fault, then serves', async () => {
    const sim = c.create();
    sim.inject({ status: 429, headers: { 'Retry-After': '2' }, body: 'error code: 1015' });
    const limited = await get(sim);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get(FAULT_HEADER)).toBe('true');
    expect(await limited.text()).toBe('error code: 1015');
    expect((await get(sim)).status).toBe(200);
  });

  it("answers a status fault without a body in the provider's error shape, only on the matching method and path", async () => {
    const sim = c.create();
    sim.inject({ status: 503, method: 'get', path: c.path, times: 2 });
    sim.inject({ status: 500, method: 'DELETE', path: /./ });
    expect((await get(sim, c.other)).status).toBe(200);
    const failed = await get(sim);
    expect(failed.status).toBe(503);
    expect(await failed.json()).toEqual(c.faultBody);
    expect((await get(sim)).status).toBe(503);
    expect((await get(sim)).status).toBe(200);
  });

  it('rejects like fetch for a network-error fault, `times` requests in a row, and logs each request', async () => {
    const sim = c.create();
    sim.inject({ networkError: true, times: 2 });
    await expect(get(sim)).rejects.toThrow(TypeError);
    await expect(get(sim)).rejects.toThrow('fetch failed');
    expect((await get(sim)).status).toBe(200);
    expect(sim.requests).toEqual(Array(3).fill({ method: 'GET', path: c.path, search: '', body: undefined }));
    expect(JSON.stringify(sim.requests)).not.toContain('test-token');
  });

  it('refuses a fault it could not answer with a RangeError, and queues nothing', async () => {
    const sim = c.create();
    for (const fault of [
      { status: 500, times: 0 },
      { status: 99 },
      { status: 503.5 },
      { delayMs: -1 },
      { delayMs: NaN },
    ])
      expect(() => sim.inject(fault), JSON.stringify(fault)).toThrow(RangeError);
    expect((await get(sim)).status).toBe(200);
  });

  it('holds the answer for delayMs plus latencyMs, and stops at once when the signal aborts', async () => {
    vi.useFakeTimers();
    const sim = c.create();
    sim.latencyMs = 500;
    sim.inject({ delayMs: 1000, path: c.path });
    const statuses: number[] = [];
    const pending = get(sim).then((r) => statuses.push(r.status));
    await vi.advanceTimersByTimeAsync(1499);
    expect(statuses).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(statuses).toEqual([200]);
    const controller = new AbortController();
    const aborted = get(sim, c.path, { headers: auth, signal: controller.signal });
    controller.abort(new Error('caller gave up'));
    await expect(aborted).rejects.toThrow('caller gave up');
  });

  it('reset() brings back the seeded account and clears faults, latency and the log', async () => {
    const sim = c.create();
    const seeded = c.seeded(sim);
    expect(seeded).toBeGreaterThan(0);
    c.clear(sim);
    sim.inject({ status: 500, times: 5 });
    sim.latencyMs = 10;
    await get(sim);
    sim.reset();
    expect(sim.requests).toEqual([]);
    expect(sim.latencyMs).toBe(0);
    expect(c.seeded(sim)).toBe(seeded);
    expect((await get(sim)).status).toBe(200);
    expect(c.seeded(c.create({ seed: false }))).toBe(0);
  });

  it("answers a missing, malformed or wrong token with the provider's 401", async () => {
    const sim = c.create({ token: 'right-token_1.0~+/==' });
    for (const headers of [{}, { authorization: 'Basic dXNlcg==' }, auth, { authorization: 'Bearer a b' }]) {
      const refused = await get(sim, c.path, { headers });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual(c.unauthorized);
    }
    expect((await get(sim, c.path, { headers: { authorization: `Bearer ${sim.token}` } })).status).toBe(200);
  });

  it('refuses a token that cannot travel in a Bearer header with a ValidationError that does not show it', () => {
    for (const token of ['', 'two words', 'sécret']) {
      let error: unknown;
      try {
        c.create({ token });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields.token).toHaveLength(1);
      if (token !== '') expect((error as Error).message).not.toContain(token);
    }
  });

  it('serves over a real server on 127.0.0.1, drops the connection for a network error, and stops on close()', async () => {
    const sim = c.create();
    const origin = await sim.listen();
    try {
      expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${origin}${c.path}`, { headers: auth })).status).toBe(200);
      sim.inject({ networkError: true });
      await expect(fetch(`${origin}${c.path}`, { headers: auth })).rejects.toThrow(TypeError);
      expect((await fetch(`${origin}${c.path}`, { headers: auth })).status).toBe(200);
    } finally {
      await sim.close();
    }
    await expect(fetch(`${origin}${c.path}`, { headers: auth })).rejects.toThrow(TypeError);
  });
});

describe('DigitalOcean simulator: the rate limit around the shared token check', () => {
  it('counts refused requests too, answers a wrong token 401 even once spent, and a spent window 429', async () => {
    const sim = createDigitalOceanSimulator({ now: () => 1_700_000_000_000 });
    sim.state.rateLimitRemaining = 1;
    const refused = await sim.fetch(`${sim.baseUrl}/v2/account`, { headers: { authorization: 'Bearer nope' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('ratelimit-reset')).toBe(String(1_700_000_000 + 3600));
    const stillRefused = await sim.fetch(`${sim.baseUrl}/v2/account`, { headers: { authorization: 'Bearer nope' } });
    expect(stillRefused.status).toBe(401);
    for (const path of ['/v2/account', '/v2/no-such-route']) {
      const limited = await sim.fetch(`${sim.baseUrl}${path}`, { headers: auth });
      expect(limited.status).toBe(429);
      expect(await limited.json()).toMatchObject({ id: 'too_many_requests' });
      expect(limited.headers.get('ratelimit-limit')).toBe('5000');
    }
  });
});
