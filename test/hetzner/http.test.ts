import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AuthenticationError,
  ConflictError,
  ProviderAPIError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from '../../src/core/errors.js';
import { createHetznerProvider, hetzner } from '../../src/hetzner/index.js';
import { useHetznerServer } from '../support/msw.js';
import { providerFor, values, writes } from './helpers.js';

const { sim, server } = useHetznerServer();
const CANARY = 'hz-canary-5f1d2c3b4a0e9d8c7b6a';
const spent = (extra: Record<string, string> = {}) => ({
  'ratelimit-limit': '3600',
  'ratelimit-remaining': '0',
  'ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
  ...extra,
});

describe('hetzner: rate limits and retries', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    // On a whole second, so a reset time in epoch seconds is exactly that many seconds away.
    vi.setSystemTime(new Date('2026-12-07T12:00:00Z'));
  });
  afterEach(() => void vi.useRealTimers());

  it('a 429 with the budget spent waits one request share of the hour (1 s), not until the budget is full', async () => {
    sim.inject({ status: 429, path: '/v1/locations', headers: spent() });
    const done = providerFor(sim).testConnection();
    await vi.advanceTimersByTimeAsync(900);
    expect(sim.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    await done;
    expect(sim.requests).toHaveLength(2);
  });

  it('a RateLimit-Reset closer than that share is waited for exactly', async () => {
    vi.setSystemTime(Math.ceil(Date.now() / 1000) * 1000); // a whole second: the reset is exactly 3 s away
    const headers = spent({ 'ratelimit-limit': '60', 'ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3) });
    sim.inject({ status: 429, path: '/v1/locations', headers });
    const done = providerFor(sim).testConnection();
    await vi.advanceTimersByTimeAsync(2_500);
    expect(sim.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await done;
    expect(sim.requests).toHaveLength(2);
  });

  it('a wait over 60 s is not slept: RateLimitError at once, with retryAfter', async () => {
    sim.inject({ status: 429, path: '/v1/locations', headers: spent({ 'ratelimit-limit': '10' }) });
    const error = await providerFor(sim)
      .testConnection()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(360);
    expect(sim.requests).toHaveLength(1);
  });

  it('a storm of 429s gives up after 3 retries without sleeping past the cap', async () => {
    sim.inject({ status: 429, path: '/v1/locations', headers: spent(), times: 100 });
    const done = providerFor(sim)
      .testConnection()
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await done).toBeInstanceOf(RateLimitError);
    expect(sim.requests).toHaveLength(4);
  });

  it('a record-set write answered 502 is sent once (a retry could apply it twice)', async () => {
    sim.inject({ status: 502, method: 'POST' });
    const done = providerFor(sim)
      .dns.create('example.com', { type: 'A', name: 'x', content: '192.0.2.1' })
      .catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await done).toBeInstanceOf(ProviderAPIError);
    expect(writes(sim)).toHaveLength(1);
  });

  it('an action that never ends is bounded by actions.timeoutMs: TimeoutError naming it', async () => {
    sim.state.actionPolls = 1_000;
    const provider = providerFor(sim, { actions: { intervalMs: 500, timeoutMs: 5_000 } });
    const done = provider.dns.create('example.com', { type: 'A', name: 'x', content: '192.0.2.1' }).catch((e) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    const error = (await done) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toMatch(/action add_rrset_records \(id \d+\) was still running after 5000 ms/);
    // 500 + 1000 + 2000 ms: three polls fit before the next pause would pass the 5 s bound.
    expect(sim.requests.filter((r) => r.path === '/v1/actions')).toHaveLength(3);
  });

  it('the caller signal stops the wait for an action at once', async () => {
    sim.state.actionPolls = 1_000;
    const controller = new AbortController();
    const done = providerFor(sim, { actions: { intervalMs: 1_000 } })
      .dns.create('example.com', { type: 'A', name: 'x', content: '192.0.2.1' }, { signal: controller.signal })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_500);
    controller.abort(new Error('stop'));
    expect(((await done) as Error).message).toBe('stop');
    const polls = sim.requests.filter((r) => r.path === '/v1/actions').length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sim.requests.filter((r) => r.path === '/v1/actions')).toHaveLength(polls);
  });
});

describe('hetzner: errors and secrets', () => {
  it('invalid_input: a ValidationError whose fields are Hetzner details.fields', async () => {
    sim.inject({
      status: 422,
      method: 'POST',
      body: JSON.stringify({
        error: {
          code: 'invalid_input',
          message: "invalid input in field 'records'",
          details: { fields: [{ name: 'records', messages: ['is too long'] }] },
        },
      }),
      headers: { 'content-type': 'application/json' },
    });
    const error = (await providerFor(sim)
      .dns.create('example.com', { type: 'A', name: 'x', content: '192.0.2.1' })
      .catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fields).toEqual({ records: ['is too long'] });
  });

  it('uniqueness_error and protected are ConflictErrors; protected says how to get past it', async () => {
    sim.state.zones.get('example.com')!.rrsets.get('app/A')!.protection.change = true;
    const error = (await providerFor(sim)
      .dns.delete('example.com', 'app', 'A')
      .catch((e: unknown) => e)) as ConflictError;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/\[protected\].*remove the protection first/);
  });

  it('a zone locked by running actions is written once they end (423 locked, then success)', async () => {
    sim.state.zoneLocks = true;
    await providerFor(sim).dns.writeSets!('example.com', {
      replace: [
        { type: 'TXT', name: 'a', content: 'one' },
        { type: 'TXT', name: 'b', content: 'two' },
      ],
    });
    expect(values(sim, 'example.com', 'a', 'TXT')).toEqual(['"one"']);
    expect(values(sim, 'example.com', 'b', 'TXT')).toEqual(['"two"']);
    expect(writes(sim)).toEqual([
      'POST /zones/example.com/rrsets',
      'POST /zones/example.com/rrsets',
      'POST /zones/example.com/rrsets',
    ]);
  });

  it('a read-only token is an AuthenticationError that says so', async () => {
    sim.inject({
      status: 401,
      method: 'POST',
      body: JSON.stringify({ error: { code: 'token_readonly', message: 'token is read-only', details: null } }),
      headers: { 'content-type': 'application/json' },
    });
    const error = await providerFor(sim)
      .dns.create('example.com', { type: 'A', name: 'x', content: '192.0.2.1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/read-only token/);
  });

  it('a wrong token is an AuthenticationError that never shows the token', async () => {
    const provider = createHetznerProvider({ apiKey: CANARY, baseUrl: sim.baseUrl });
    const error = await provider.testConnection().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    for (const text of [String(error), inspect(error, { depth: Infinity }), JSON.stringify(error), inspect(provider)])
      expect(text).not.toContain(CANARY);
  });

  it('sends Bearer auth, Accept and the SDK User-Agent; testConnection asks for one location', async () => {
    let headers: Headers | undefined;
    server.events.on('request:start', ({ request }) => void (headers ??= request.headers));
    await providerFor(sim, { userAgent: 'my-app/1.0' }).testConnection();
    expect(headers?.get('authorization')).toBe(`Bearer ${sim.token}`);
    expect(headers?.get('user-agent')).toMatch(/^my-app\/1\.0 setec-hosting\/\d/);
    expect(sim.requests.map((r) => `${r.path}${r.search}`)).toEqual(['/v1/locations?per_page=1']);
  });

  it('the definition reads api_key (without a Bearer prefix) and extra.base_url', async () => {
    const provider = hetzner.create({
      provider: 'hetzner',
      api_key: `Bearer ${sim.token}`,
      api_secret: '',
      extra: { base_url: sim.baseUrl },
      connected: false,
    });
    await provider.testConnection();
    expect(sim.requests).toHaveLength(1);
    expect(() => createHetznerProvider({ apiKey: ' ' })).toThrow(ValidationError);
  });
});
