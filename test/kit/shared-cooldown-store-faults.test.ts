import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHostingerProvider, type SharedCooldownStore } from '../../src/hostinger/index.js';

// A shared cool-down store is a courtesy between instances: whatever it does, a call still ends within
// its own timeout, and the caller's signal still stops it.
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

/** Serves the zone (after `limited` answers 429 with `Retry-After: 1`) and counts the requests. */
function zoneServer(limited = 0) {
  const seen = { requests: 0 };
  server.use(
    http.get(ZONE, () => {
      seen.requests += 1;
      return seen.requests <= limited
        ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '1' } })
        : HttpResponse.json(zone);
    }),
  );
  return seen;
}

const never = () => new Promise<never>(() => undefined);

describe('kit: sharedCooldown with a store that misbehaves', () => {
  it('a store that never answers holds a call no longer than its timeout, then the request goes out', async () => {
    const seen = zoneServer();
    const stalled: SharedCooldownStore = { getItem: never, setItem: never };
    const provider = createHostingerProvider({ apiKey: TOKEN, sharedCooldown: stalled, timeout: 2000 });
    const listing = provider.dns.list('example.com');
    await vi.advanceTimersByTimeAsync(1990);
    expect(seen.requests).toBe(0); // still giving the store its chance
    await vi.advanceTimersByTimeAsync(20);
    await expect(listing).resolves.toHaveLength(1);
    expect(seen.requests).toBe(1);
  });

  it("the caller's signal ends a call waiting on a store that never answers, and nothing is sent", async () => {
    const seen = zoneServer();
    const stalled: SharedCooldownStore = { getItem: never, setItem: never };
    const provider = createHostingerProvider({ apiKey: TOKEN, sharedCooldown: stalled, timeout: 30_000 });
    const controller = new AbortController();
    const listing = provider.dns.list('example.com', { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    expect(((await listing) as Error).name).toBe('AbortError');
    expect(seen.requests).toBe(0);
  });

  it('a store whose write never answers after a 429 does not hold the retry past the timeout', async () => {
    const seen = zoneServer(1);
    const store: SharedCooldownStore = { getItem: async () => null, setItem: never };
    const provider = createHostingerProvider({ apiKey: TOKEN, sharedCooldown: store, timeout: 2000 });
    const listing = provider.dns.list('example.com');
    await vi.advanceTimersByTimeAsync(2000 + 1000 + 50);
    await expect(listing).resolves.toHaveLength(1);
    expect(seen.requests).toBe(2);
  });

  it.each<[string, SharedCooldownStore]>([
    [
      'throws synchronously',
      {
        getItem: () => {
          throw new Error('not connected');
        },
        setItem: () => {
          throw new Error('not connected');
        },
      },
    ],
    ['hands back an object', { getItem: async () => ({ until: 'soon' }), setItem: async () => undefined }],
    ['hands back text that is no number', { getItem: async () => 'later', setItem: async () => undefined }],
    [
      'answers without a promise',
      { getItem: (() => 'x') as unknown as SharedCooldownStore['getItem'], setItem: async () => undefined },
    ],
  ])('a store that %s is skipped: the request goes out at once', async (_what, store) => {
    const seen = zoneServer();
    const provider = createHostingerProvider({ apiKey: TOKEN, sharedCooldown: store, timeout: 2000 });
    await expect(provider.dns.list('example.com')).resolves.toHaveLength(1);
    expect(seen.requests).toBe(1);
  });
});
