import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimitError } from '../../src/core/errors.js';
import { createHostingerProvider, type SharedCooldownStore } from '../../src/hostinger/index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date('2026-03-01T12:00:00Z'));
});
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

const ZONE = 'https://developers.hostinger.com/api/dns/v1/zones/example.com';
const zone = [{ name: '@', type: 'A', ttl: 14400, records: [{ content: '192.0.2.1', is_disabled: false }] }];
const TOKEN = 'shared-TOKEN-9a8b7c6d';

/** A store object shared by the instances, as an unstorage memory storage would be. */
function memoryStore() {
  const items = new Map<string, unknown>();
  const store: SharedCooldownStore = {
    getItem: async (key) => items.get(key) ?? null,
    setItem: async (key, value) => void items.set(key, value),
  };
  return { items, store };
}

/** Answers 429 with `Retry-After` to the first request, then the zone; logs when each request arrived. */
function limitedOnce(retryAfter: string) {
  const times: number[] = [];
  server.use(
    http.get(ZONE, () => {
      times.push(Date.now());
      return times.length === 1
        ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': retryAfter } })
        : HttpResponse.json(zone);
    }),
  );
  return times;
}

describe('kit: sharedCooldown', () => {
  it("after one instance's 429 with Retry-After: 2, another instance's next request waits until the pause ends", async () => {
    const { store } = memoryStore();
    const times = limitedOnce('2');
    const first = createHostingerProvider({ apiKey: TOKEN, sharedCooldown: store, retry: { limit: 0 } });
    const second = createHostingerProvider({ apiKey: TOKEN, sharedCooldown: store });
    const start = Date.now();
    await expect(first.dns.list('example.com')).rejects.toBeInstanceOf(RateLimitError);

    const listing = second.dns.list('example.com');
    await vi.advanceTimersByTimeAsync(1990);
    expect(times).toHaveLength(1); // still paused: nothing sent
    await vi.advanceTimersByTimeAsync(20);
    await expect(listing).resolves.toHaveLength(1);
    expect(times).toHaveLength(2);
    expect(times[1]! - start).toBeGreaterThanOrEqual(2000);
  });

  it('keeps the pause under a key of the provider and a hash of the token, never the token', async () => {
    const { items, store } = memoryStore();
    limitedOnce('2');
    const provider = createHostingerProvider({ apiKey: TOKEN, sharedCooldown: store, retry: { limit: 0 } });
    await provider.dns.list('example.com').catch(() => undefined);
    expect([...items.keys()]).toEqual([expect.stringMatching(/^setec-hosting:cooldown:hostinger:[0-9a-f]{32}$/)]);
    expect(JSON.stringify([...items])).not.toContain(TOKEN);
    expect(Number([...items.values()][0])).toBe(Date.now() + 2000);
  });

  it('a pause longer than maxRetryAfter rejects at once with RateLimitError and sends nothing', async () => {
    const { store } = memoryStore();
    const times = limitedOnce('600');
    const options = { apiKey: TOKEN, sharedCooldown: store };
    await createHostingerProvider(options)
      .dns.list('example.com')
      .catch(() => undefined);
    // No timer is advanced: a client that decided to sleep would never settle.
    const error = await createHostingerProvider(options)
      .dns.list('example.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfter: 600, provider: 'hostinger' });
    expect(times).toHaveLength(1);
  });

  it('instances with another token are not paused', async () => {
    const { store } = memoryStore();
    const times = limitedOnce('30');
    await createHostingerProvider({ apiKey: TOKEN, sharedCooldown: store, retry: { limit: 0 } })
      .dns.list('example.com')
      .catch(() => undefined);
    const other = createHostingerProvider({ apiKey: 'another-TOKEN-1234', sharedCooldown: store });
    await expect(other.dns.list('example.com')).resolves.toHaveLength(1);
    expect(times[1]).toBe(times[0]); // sent at once
  });

  it('aborting while paused rejects with the signal reason and sends nothing', async () => {
    const { store } = memoryStore();
    const times = limitedOnce('30');
    const options = { apiKey: TOKEN, sharedCooldown: store, retry: { limit: 0 } };
    await createHostingerProvider(options)
      .dns.list('example.com')
      .catch(() => undefined);
    const controller = new AbortController();
    const listing = createHostingerProvider(options)
      .dns.list('example.com', { signal: controller.signal })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    expect(((await listing) as Error).name).toBe('AbortError');
    expect(times).toHaveLength(1);
  });

  it('a store that fails does not stop requests', async () => {
    const failing: SharedCooldownStore = {
      getItem: () => Promise.reject(new Error('store down')),
      setItem: () => Promise.reject(new Error('store down')),
    };
    limitedOnce('1');
    const provider = createHostingerProvider({ apiKey: TOKEN, sharedCooldown: failing });
    const listing = provider.dns.list('example.com');
    await vi.advanceTimersByTimeAsync(1000);
    await expect(listing).resolves.toHaveLength(1);
  });
});
