import { inspect } from 'node:util';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthenticationError, ProviderAPIError, RateLimitError, ValidationError } from '../../src/core/errors.js';
import { createDigitalOceanProvider, digitalocean } from '../../src/digitalocean/index.js';
import { useDigitalOceanServer } from '../support/msw.js';
import { providerFor } from './helpers.js';

const { sim, server } = useDigitalOceanServer();
const CANARY = 'dop_v1_canary5f1d2c3b4a';

describe('digitalocean: rate limits and retries', () => {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] }));
  afterEach(() => void vi.useRealTimers());

  it('a 429 with retry-after (burst limit) is retried after that many seconds', async () => {
    sim.inject({ status: 429, path: '/v2/account', headers: { 'retry-after': '2' } });
    const done = providerFor(sim).testConnection();
    await vi.advanceTimersByTimeAsync(1_900);
    expect(sim.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    await done;
    expect(sim.requests).toHaveLength(2);
  });

  it('a 429 once the hourly limit is spent waits until ratelimit-reset (epoch seconds)', async () => {
    const reset = Math.floor(Date.now() / 1000) + 5;
    const headers = { 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset) };
    sim.inject({ status: 429, path: '/v2/account', headers });
    const done = providerFor(sim).testConnection();
    await vi.advanceTimersByTimeAsync(4_000);
    expect(sim.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_500);
    await done;
    expect(sim.requests).toHaveLength(2);
  });

  it('a reset further away than 60 s is not slept: RateLimitError at once, with retryAfter', async () => {
    const headers = { 'ratelimit-remaining': '0', 'ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1800) };
    sim.inject({ status: 429, path: '/v2/account', headers });
    const error = await providerFor(sim)
      .testConnection()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(1800);
    expect(sim.requests).toHaveLength(1);
  });

  it('gives up after 3 retries of a 429', async () => {
    sim.inject({ status: 429, path: '/v2/account', headers: { 'retry-after': '1' }, times: 10 });
    const done = providerFor(sim)
      .testConnection()
      .catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await done).toBeInstanceOf(RateLimitError);
    expect(sim.requests).toHaveLength(4);
  });

  it('a GET answered 503 is retried with back-off even though every answer carries ratelimit-reset', async () => {
    sim.inject({ status: 503, path: '/v2/account', times: 2 });
    const done = providerFor(sim).testConnection();
    await vi.runAllTimersAsync();
    await done;
    expect(sim.requests).toHaveLength(3);
  });

  it('a record create answered 502 is sent once (a retry could add the record twice)', async () => {
    sim.inject({ status: 502, method: 'POST' });
    await expect(
      providerFor(sim).dns.create('example.com', { type: 'A', name: 'x', content: '192.0.2.1' }),
    ).rejects.toBeInstanceOf(ProviderAPIError);
    expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});

describe('digitalocean: errors and secrets', () => {
  it('reads {id, message, request_id}: the message and id in the error, request_id as correlationId', async () => {
    sim.state.droplets.get(3164444)!.locked = true;
    const error = (await providerFor(sim)
      .vps.start('3164444')
      .catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/locked.*\(unprocessable_entity\)/);
    expect(error.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a wrong token is an AuthenticationError that never shows the token', async () => {
    const provider = createDigitalOceanProvider({ apiKey: CANARY, baseUrl: sim.baseUrl });
    const error = await provider.testConnection().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    for (const text of [String(error), inspect(error, { depth: Infinity }), JSON.stringify(error), inspect(provider)])
      expect(text).not.toContain(CANARY);
  });

  it('sends Bearer auth, Accept and the SDK User-Agent', async () => {
    let headers: Headers | undefined;
    server.events.on('request:start', ({ request }) => void (headers ??= request.headers));
    await providerFor(sim, { userAgent: 'my-app/1.0' }).testConnection();
    expect(headers?.get('authorization')).toBe(`Bearer ${sim.token}`);
    expect(headers?.get('accept')).toBe('application/json');
    expect(headers?.get('user-agent')).toMatch(/^my-app\/1\.0 setec-hosting\/\d/);
  });

  it('never follows a next-page link to another origin (the token stays with the API)', async () => {
    let foreign = 0;
    server.use(
      http.get('https://api.digitalocean.com/v2/account/keys', () =>
        HttpResponse.json({
          ssh_keys: [],
          links: { pages: { next: 'https://evil.example/v2/account/keys?page=2' } },
          meta: { total: 1 },
        }),
      ),
      http.get('https://evil.example/*', () => {
        foreign += 1;
        return HttpResponse.json({});
      }),
    );
    await expect(providerFor(sim).sshKeys.list()).rejects.toThrow(/leaves the API/);
    expect(foreign).toBe(0);
  });

  it('the definition reads api_key (without a Bearer prefix) and extra.base_url', async () => {
    const provider = digitalocean.create({
      provider: 'digitalocean',
      api_key: `Bearer ${sim.token}`,
      api_secret: '',
      extra: { base_url: sim.baseUrl },
      connected: false,
    });
    await provider.testConnection();
    expect(sim.requests.map((r) => r.path)).toEqual(['/v2/account']);
    expect(() => createDigitalOceanProvider({ apiKey: ' ' })).toThrow(ValidationError);
  });
});
