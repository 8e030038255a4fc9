import { inspect } from 'node:util';
import fc from 'fast-check';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConflictError,
  NotFoundError,
  ProviderAPIError,
  TimeoutError,
  ValidationError,
} from '../../src/core/errors.js';
import { normalizeDomain } from '../../src/core/validation/index.js';
import { buildZoneUrl, hostinger } from '../../src/hostinger/index.js';
import { VERSION } from '../../src/version.js';
import { BASE, CANARY, makeProvider } from './helpers.js';

const server = setupServer();
const seen: Request[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => seen.push(request.clone()));
});
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

const ZONE = `${BASE}/api/dns/v1/zones/example.com`;
const zone = [{ name: 'www', type: 'A', ttl: 300, records: [{ content: '192.0.2.1', is_disabled: false }] }];
const body422 = {
  message: 'The zone.0.records.0.content field is invalid. (and 1 more error)',
  errors: { 'zone.0.records.0.content': ['The content is invalid.'], 'zone.0.ttl': ['The ttl must be at least 60.'] },
  correlation_id: '6b1f0e6e-4f6d-4a55-9d9a-6a1c8f7f2a10',
};

describe('hostinger: HTTP behaviour', () => {
  it.each([
    [400, ValidationError],
    [401, AuthenticationError],
    [403, AuthenticationError],
    [404, NotFoundError],
    [422, ValidationError],
  ] as const)('HTTP %i is never retried, for any method', async (code, ErrorClass) => {
    let count = 0;
    const answer = () => {
      count++;
      return HttpResponse.json({ message: 'no', correlation_id: 'c-9' }, { status: code });
    };
    server.use(
      http.get(ZONE, answer),
      http.delete(ZONE, answer),
      http.post(`${ZONE}/validate`, answer),
      http.post(`${ZONE}/reset`, answer),
    );
    const provider = makeProvider();
    const calls = [
      () => provider.dns.list('example.com'),
      () => provider.dns.delete('example.com', 'www', 'A'),
      () => provider.dns.update('example.com', [{ type: 'A', name: 'www', content: '192.0.2.9' }], { overwrite: true }),
      () => provider.dns.reset('example.com'),
    ];
    for (const call of calls) {
      count = 0;
      await expect(call()).rejects.toBeInstanceOf(ErrorClass);
      expect(count).toBe(1);
    }
  });

  it('a 422 exposes the correlation id and every field error', async () => {
    server.use(
      http.get(ZONE, () => HttpResponse.json(zone)),
      http.post(`${ZONE}/validate`, () => HttpResponse.json(body422, { status: 422 })),
    );
    const error = (await makeProvider()
      .dns.update('example.com', [{ type: 'A', name: 'www', content: '192.0.2.9' }], { overwrite: true })
      .catch((e: unknown) => e)) as ValidationError & { correlationId?: string };
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fields).toEqual(body422.errors);
    expect(error.correlationId).toBe(body422.correlation_id);
    expect(error.message).toContain(body422.correlation_id);
    expect(error.message).toContain('The ttl must be at least 60.');
  });

  it('maps a 422 [DNS:4008] answer to ConflictError', async () => {
    server.use(
      http.get(ZONE, () => HttpResponse.json(zone)),
      http.post(`${ZONE}/validate`, () =>
        HttpResponse.json(
          {
            message: '[DNS:4008] DNS resource record is not valid or conflicts with another resource record',
            errors: {},
          },
          { status: 422 },
        ),
      ),
    );
    await expect(
      makeProvider().dns.update('example.com', [{ type: 'A', name: 'w', content: '192.0.2.9' }], { overwrite: true }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('a 200 with malformed JSON rejects with ProviderAPIError (upstream 200) after 1 request', async () => {
    let count = 0;
    server.use(
      http.get(
        ZONE,
        () => (
          count++,
          new HttpResponse('[{"name": "www", ', { status: 200, headers: { 'Content-Type': 'application/json' } })
        ),
      ),
    );
    const error = await makeProvider()
      .dns.list('example.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderAPIError);
    expect(error).toMatchObject({ upstreamStatus: 200 });
    expect(count).toBe(1);
  });

  it('a 200 with an empty body on a JSON endpoint does not resolve to ""', async () => {
    server.use(http.get(ZONE, () => new HttpResponse('', { status: 200 })));
    const error = await makeProvider()
      .dns.list('example.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderAPIError);
  });

  it('names the field of an unexpected response shape', async () => {
    server.use(http.get(ZONE, () => HttpResponse.json([{ name: 'www', type: 'A', records: [{ content: 42 }] }])));
    const error = await makeProvider()
      .dns.list('example.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderAPIError);
    expect((error as Error).message).toContain('0.records.0.content');
  });

  it('a total deadline of 5 s rejects with TimeoutError in under 5.5 s, whatever the per-attempt timeout', async () => {
    server.use(
      http.get(ZONE, async () => {
        await delay('infinite');
        return HttpResponse.json([]);
      }),
    );
    const started = performance.now();
    const error = await makeProvider({ timeout: 2000 })
      .dns.list('example.com', { signal: AbortSignal.timeout(5000) })
      .catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(elapsed).toBeLessThan(5500);
    expect(seen.length).toBeGreaterThanOrEqual(2); // the per-attempt timeout did retry in between
  }, 15_000);

  it('a 302 to another origin is not followed and no token leaves the API host', async () => {
    let other = 0;
    server.use(
      http.get(
        ZONE,
        () => new HttpResponse(null, { status: 302, headers: { Location: 'https://collector.example.net/steal' } }),
      ),
      http.all('https://collector.example.net/*', () => (other++, HttpResponse.json([]))),
    );
    const error = await makeProvider()
      .dns.list('example.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderAPIError);
    expect(other).toBe(0);
    expect(seen.every((r) => new URL(r.url).origin === BASE)).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it('every request carries the Bearer token, the SDK User-Agent and Accept: application/json, never a token in the URL', async () => {
    server.use(
      http.get(ZONE, () => HttpResponse.json(zone)),
      http.post(`${ZONE}/validate`, () => HttpResponse.json({ message: 'Request accepted' })),
      http.put(ZONE, () => HttpResponse.json({ message: 'Request accepted' })),
      http.delete(ZONE, () => HttpResponse.json({ message: 'Request accepted' })),
    );
    const provider = makeProvider();
    await provider.dns.list('example.com');
    await provider.dns.create('example.com', { type: 'A', name: 'api', content: '192.0.2.5' });
    await provider.dns.delete('example.com', 'www', 'A');
    expect(seen.length).toBeGreaterThanOrEqual(5);
    for (const request of seen) {
      expect(request.headers.get('authorization')).toBe(`Bearer ${CANARY}`);
      expect(request.headers.get('user-agent')).toBe(`setec-hosting/${VERSION}`);
      expect(request.headers.get('accept')).toBe('application/json');
      expect(request.url).not.toContain(CANARY);
    }
  });

  it('puts the caller user agent in front of the SDK one', async () => {
    server.use(http.get(ZONE, () => HttpResponse.json(zone)));
    await makeProvider({ userAgent: 'acme-panel/2.1' }).dns.list('example.com');
    expect(seen[0]?.headers.get('user-agent')).toBe(`acme-panel/2.1 setec-hosting/${VERSION}`);
  });

  it('the token appears in no inspect output, JSON or error, for 401, 429, 500 and network failures', async () => {
    const provider = makeProvider({ retry: { limit: 0 } });
    expect(inspect(provider, { depth: Infinity, showHidden: true })).not.toContain(CANARY);
    expect(JSON.stringify(provider)).not.toContain(CANARY);
    for (const answer of [
      () => HttpResponse.json({ message: 'Unauthenticated' }, { status: 401 }),
      () => new HttpResponse('error code: 1015', { status: 429 }),
      () => HttpResponse.json({ message: 'boom' }, { status: 500 }),
      () => HttpResponse.error(),
    ]) {
      server.use(http.get(ZONE, answer));
      const error = await provider.dns.list('example.com').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      for (const text of [
        String(error),
        inspect(error, { depth: Infinity, showHidden: true }),
        JSON.stringify(error),
      ]) {
        expect(text).not.toContain(CANARY);
      }
    }
  });

  it('every accepted domain maps to exactly /api/dns/v1/zones/<domain>', () => {
    fc.assert(
      fc.property(fc.domain(), (d) => {
        const normalized = normalizeDomain(d);
        expect(new URL(buildZoneUrl(d)).pathname).toBe(`/api/dns/v1/zones/${normalized}`);
        if (normalized === d) expect(new URL(buildZoneUrl(d)).pathname).toBe(`/api/dns/v1/zones/${d}`);
      }),
    );
  });

  it.each(['..', '.', 'a/b.com', 'example.com/../../x', 'a?b.com', 'a#b.com', 'a%2e.com', '%2e%2e'])(
    '%j is rejected before any URL is built or request sent',
    async (bad) => {
      expect(() => buildZoneUrl(bad)).toThrow(ValidationError);
      await expect(makeProvider().dns.list(bad)).rejects.toBeInstanceOf(ValidationError);
      expect(seen).toHaveLength(0);
    },
  );

  it('the definition strips a stored "Bearer " prefix and uses extra.base_url', async () => {
    server.use(http.get('https://sim.example.test/api/vps/v1/data-centers', () => HttpResponse.json([])));
    const provider = hostinger.create({
      provider: 'hostinger',
      api_key: `Bearer ${CANARY}`,
      api_secret: '',
      extra: { base_url: 'https://sim.example.test' },
      connected: false,
    });
    await provider.testConnection();
    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${CANARY}`);
  });
});
