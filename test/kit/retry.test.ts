import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProviderAPIError, RateLimitError } from '../../src/core/errors.js';
import { BASE, makeProvider, seededRandom, settle } from '../hostinger/helpers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date('2026-03-01T12:00:00Z'));
});
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

const ZONE = `${BASE}/api/dns/v1/zones/example.com`;
const zone = [{ name: '@', type: 'A', ttl: 14400, records: [{ content: '192.0.2.1', is_disabled: false }] }];
const accepted = () => HttpResponse.json({ message: 'Request accepted' });

/** Answers the n-th request (0-based) with `answers[n]` (the last one repeats) and logs the time of each. */
function sequence(answers: (() => Response)[]) {
  const times: number[] = [];
  const bodies: string[] = [];
  const resolver = async ({ request }: { request: Request }) => {
    times.push(Date.now());
    bodies.push(await request.text());
    const answer = answers[Math.min(times.length - 1, answers.length - 1)];
    return answer!();
  };
  return { times, bodies, resolver, gaps: () => times.slice(1).map((t, i) => t - times[i]!) };
}

const status =
  (
    code: number,
    headers: Record<string, string> = {},
    body: string | Record<string, string> = { message: 'x', correlation_id: 'c-1' },
  ) =>
  () =>
    typeof body === 'string'
      ? new HttpResponse(body, { status: code, headers })
      : HttpResponse.json(body, { status: code, headers });

describe('adapter kit: retries, as the Hostinger adapter sends them', () => {
  it('a POST answered 429 with Retry-After: 2 is retried after ≥ 2 s, 3 times, then RateLimitError', async () => {
    const s = sequence([status(429, { 'Retry-After': '2' })]);
    server.use(http.post(`${ZONE}/reset`, s.resolver));
    const { error } = await settle(makeProvider().dns.reset('example.com'));
    expect(s.times).toHaveLength(4);
    for (const gap of s.gaps()) expect(gap).toBeGreaterThanOrEqual(2000);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfter: 2, attempts: 4 });
  });

  it.each([500, 502, 503, 504])(
    'a POST answered %i is sent exactly once and rejects with ProviderAPIError',
    async (code) => {
      const s = sequence([status(code)]);
      server.use(http.post(`${ZONE}/reset`, s.resolver));
      const { error } = await settle(makeProvider().dns.reset('example.com'));
      expect(s.times).toHaveLength(1);
      expect(error).toBeInstanceOf(ProviderAPIError);
      expect(error).toMatchObject({ upstreamStatus: code, correlationId: 'c-1' });
    },
  );

  it('a POST whose connection fails is sent once and says the outcome is unknown', async () => {
    const s = sequence([() => HttpResponse.error()]);
    server.use(http.post(`${ZONE}/reset`, s.resolver));
    const { error } = await settle(makeProvider().dns.reset('example.com'));
    expect(s.times).toHaveLength(1);
    expect(error).toBeInstanceOf(ProviderAPIError);
    expect((error as Error).message).toMatch(/outcome is unknown/);
  });

  describe('appends and resets are not retried on 503 or network errors, but are on 429', () => {
    // The apex A set exists: the new value is appended to it (`overwrite: false`), which a replay would double.
    const createA = () => makeProvider().dns.create('example.com', { type: 'A', name: '@', content: '192.0.2.7' });
    const withPut = (answers: (() => Response)[]) => {
      const put = sequence(answers);
      server.use(
        http.get(ZONE, () => HttpResponse.json(zone)),
        http.post(`${ZONE}/validate`, accepted),
        http.put(ZONE, put.resolver),
      );
      return put;
    };

    it('PUT overwrite:false answered 503 is sent once', async () => {
      const put = withPut([status(503)]);
      const { error } = await settle(createA());
      expect(put.times).toHaveLength(1);
      expect(JSON.parse(put.bodies[0]!)).toMatchObject({ overwrite: false });
      expect(error).toBeInstanceOf(ProviderAPIError);
    });

    it('PUT overwrite:false with a network error is sent once', async () => {
      const put = withPut([() => HttpResponse.error()]);
      const { error } = await settle(createA());
      expect(put.times).toHaveLength(1);
      expect((error as Error).message).toMatch(/outcome is unknown/);
    });

    it('PUT overwrite:false answered 429 then 200 is retried and succeeds', async () => {
      const put = withPut([status(429), accepted]);
      const { error } = await settle(createA());
      expect(error).toBeUndefined();
      expect(put.times).toHaveLength(2);
    });

    it('POST reset is not retried on 503 or network errors, but is on 429', async () => {
      for (const [answers, expected] of [
        [[status(503)], 1],
        [[() => HttpResponse.error()], 1],
        [[status(429), accepted], 2],
      ] as const) {
        const s = sequence([...answers]);
        server.use(http.post(`${ZONE}/reset`, s.resolver));
        await settle(makeProvider().dns.reset('example.com'));
        expect(s.times).toHaveLength(expected);
      }
    });
  });

  it('a GET answered 503, 503, 200 resolves after 3 requests with full-jitter back-off', async () => {
    const random = seededRandom(42);
    const draws: number[] = [];
    vi.spyOn(Math, 'random').mockImplementation(() => {
      const r = random();
      draws.push(r);
      return r;
    });
    const s = sequence([status(503), status(503), () => HttpResponse.json(zone)]);
    server.use(http.get(ZONE, s.resolver));
    const { value } = await settle(makeProvider().dns.list('example.com'));
    expect(s.times).toHaveLength(3);
    expect(value).toHaveLength(1);
    s.gaps().forEach((gap, i) => {
      const cap = Math.min(10_000, 300 * 2 ** i);
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThanOrEqual(cap);
      // Other code may draw too; the wait is one of the seeded draws scaled to the cap.
      expect(draws.map((d) => Math.floor(d * (cap + 1)))).toContain(gap);
    });
  });

  it('the back-off cap doubles per retry and stops at 10 s', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999999);
    const s = sequence([status(503)]);
    server.use(http.get(ZONE, s.resolver));
    await settle(makeProvider({ retry: { limit: 7 } }).dns.list('example.com'));
    expect(s.gaps()).toEqual([300, 600, 1200, 2400, 4800, 9600, 10_000]);
  });

  it('a 429 with an HTTP-date Retry-After 3 s ahead sleeps 3 s (at most 4 s) before request 2', async () => {
    const when = new Date(Date.now() + 3000).toUTCString();
    const s = sequence([status(429, { 'Retry-After': when }), () => HttpResponse.json(zone)]);
    server.use(http.get(ZONE, s.resolver));
    await settle(makeProvider().dns.list('example.com'));
    expect(s.gaps()[0]).toBeGreaterThanOrEqual(3000);
    expect(s.gaps()[0]).toBeLessThanOrEqual(4000);
  });

  it('Retry-After 0 and a past HTTP date retry with no sleep', async () => {
    for (const value of ['0', new Date(Date.now() - 60_000).toUTCString()]) {
      const s = sequence([status(429, { 'Retry-After': value }), () => HttpResponse.json(zone)]);
      server.use(http.get(ZONE, s.resolver));
      await settle(makeProvider().dns.list('example.com'));
      expect(s.gaps()).toEqual([0]);
    }
  });

  it.each(['-1', 'soon', ''])('Retry-After %j is treated as absent (back-off is used)', async (value) => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const s = sequence([status(429, { 'Retry-After': value }), () => HttpResponse.json(zone)]);
    server.use(http.get(ZONE, s.resolver));
    await settle(makeProvider().dns.list('example.com'));
    expect(s.gaps()).toEqual([150]);
  });

  it('a 429 with Retry-After: 2272 is not retried and reports the wait', async () => {
    const s = sequence([status(429, { 'Retry-After': '2272' }, 'error code: 1015')]);
    server.use(http.post(`${ZONE}/reset`, s.resolver));
    // No timer is advanced: had the client decided to sleep, this promise would never settle.
    const error = await makeProvider()
      .dns.reset('example.com')
      .catch((e: unknown) => e);
    expect(s.times).toHaveLength(1);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(2272);
    expect((error as Error).message).toContain('2272');
  });

  it('maxRetryAfter raises the wait the client sleeps through', async () => {
    const s = sequence([status(429, { 'Retry-After': '90' }), () => HttpResponse.json(zone)]);
    server.use(http.get(ZONE, s.resolver));
    const { value } = await settle(makeProvider({ retry: { maxRetryAfter: 120 } }).dns.list('example.com'));
    expect(value).toHaveLength(1);
    expect(s.gaps()).toEqual([90_000]);
  });

  it('a 429 with the plain-text body "error code: 1015" is a RateLimitError', async () => {
    const s = sequence([status(429, {}, 'error code: 1015')]);
    server.use(http.get(ZONE, s.resolver));
    const { error } = await settle(makeProvider({ retry: { limit: 0 } }).dns.list('example.com'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(s.times).toHaveLength(1);
  });

  it('four 429s with Retry-After: 1 give exactly 4 requests, then RateLimitError', async () => {
    const s = sequence([status(429, { 'Retry-After': '1' })]);
    server.use(http.get(ZONE, s.resolver));
    const { error } = await settle(makeProvider().dns.list('example.com'));
    expect(s.times).toHaveLength(4);
    expect(error).toMatchObject({ retryAfter: 1, attempts: 4 });
  });

  it('the body is byte-identical on every attempt of a retried PUT and POST', async () => {
    const put = sequence([status(503), status(429), accepted]);
    const validate = sequence([status(429), accepted]);
    server.use(
      http.get(ZONE, () => HttpResponse.json(zone)),
      http.post(`${ZONE}/validate`, validate.resolver),
      http.put(ZONE, put.resolver),
    );
    const records = [{ type: 'TXT' as const, name: '@', content: 'v=spf1 include:_spf.example.com ~all — ünïcode' }];
    const { error } = await settle(makeProvider().dns.update('example.com', records, { overwrite: true }));
    expect(error).toBeUndefined();
    expect(put.bodies).toHaveLength(3);
    expect(new Set(put.bodies).size).toBe(1);
    expect(validate.bodies).toHaveLength(2);
    expect(validate.bodies[1]).toBe(validate.bodies[0]);
    expect(put.bodies[0]).toBe(validate.bodies[0]);
  });

  it('aborting during a back-off rejects at once with the signal reason and sends nothing more', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.99);
    const s = sequence([status(503)]);
    server.use(http.get(ZONE, s.resolver));
    const controller = new AbortController();
    const outcome = makeProvider()
      .dns.list('example.com', { signal: controller.signal })
      .catch((e: unknown) => e);
    await vi.waitFor(() => expect(s.times).toHaveLength(1));
    await vi.advanceTimersByTimeAsync(10); // now inside the ~300 ms back-off
    controller.abort();
    const error = await outcome;
    expect(error).toBe(controller.signal.reason);
    expect((error as Error).name).toBe('AbortError');
    await vi.advanceTimersByTimeAsync(5000);
    expect(s.times).toHaveLength(1);
  });
});
