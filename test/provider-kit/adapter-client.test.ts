import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  NotFoundError,
  ProviderRegistry,
  RateLimitError,
  type Provider,
} from '../../src/index.js';
import { adapterDefinition, createAdapterClient, type AdapterSpec } from '../../src/provider-kit/index.js';

const KEY = 'pk-live-0123456789abcdef';

/** One answer per path; every request's method, path and headers are kept. */
let seen: Array<{ method: string; url: string; headers: IncomingHttpHeaders }> = [];
let answers: Record<string, Array<{ status: number; body: string; headers?: Record<string, string> }>> = {};
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const queue = answers[req.url ?? ''] ?? [];
    const answer = queue.length > 1 ? queue.shift()! : (queue[0] ?? { status: 404, body: '{"error":"no route"}' });
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const spec = (extra: Partial<AdapterSpec> = {}): AdapterSpec => ({
  name: 'pocketdns',
  displayName: 'Pocket DNS',
  defaultBaseUrl: 'https://api.pocketdns.invalid',
  readErrorBody: (text) => {
    try {
      const body = JSON.parse(text) as { error?: string; request_id?: string };
      return { message: body.error, correlationId: body.request_id };
    } catch {
      return {};
    }
  },
  ...extra,
});

function reset(routes: typeof answers): void {
  seen = [];
  answers = routes;
}

describe('provider kit: createAdapterClient', () => {
  it('sends the key as a Bearer token by default, with the SDK User-Agent', async () => {
    reset({ '/v1/zones': [{ status: 200, body: '[{"name":"example.com"}]' }] });
    const client = createAdapterClient(spec(), { apiKey: KEY, baseUrl: origin });
    expect(await client.request({ method: 'GET', path: 'v1/zones' })).toEqual([{ name: 'example.com' }]);
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen[0]?.headers['user-agent']).toMatch(/^setec-hosting\/\d/);
  });

  it('sends the key as it is in the header the spec names, and no Authorization header', async () => {
    reset({ '/v1/zones': [{ status: 200, body: '[]' }] });
    const client = createAdapterClient(spec({ authHeader: 'X-API-Key' }), { apiKey: KEY, baseUrl: origin });
    await client.request({ method: 'GET', path: 'v1/zones' });
    expect(seen[0]?.headers['x-api-key']).toBe(KEY);
    expect(seen[0]?.headers.authorization).toBeUndefined();
  });

  it('retries a 429 after its Retry-After and maps the final answer to the SDK errors without the key', async () => {
    reset({
      '/v1/zones/example.com': [
        { status: 429, body: '{"error":"slow down"}', headers: { 'retry-after': '0' } },
        { status: 404, body: `{"error":"zone not found for ${KEY}","request_id":"req-7"}` },
      ],
    });
    const client = createAdapterClient(spec({ authHeader: 'X-API-Key' }), { apiKey: KEY, baseUrl: origin });
    const error = await client.request({ method: 'GET', path: 'v1/zones/example.com' }).catch((e: unknown) => e);
    expect(seen).toHaveLength(2);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).provider).toBe('pocketdns');
    expect(`${String(error)} ${inspect(error)} ${JSON.stringify(error)}`).not.toContain(KEY);
  });

  it('never retries a failed POST on a 5xx (the change may have been applied)', async () => {
    reset({ '/v1/records': [{ status: 503, body: '{"error":"busy"}' }] });
    const client = createAdapterClient(spec(), { apiKey: KEY, baseUrl: origin });
    await expect(client.request({ method: 'POST', path: 'v1/records', json: { a: 1 } })).rejects.toThrow(/busy/);
    expect(seen).toHaveLength(1);
  });

  it('gives up at once on a wait longer than maxRetryAfter, with a RateLimitError carrying it', async () => {
    reset({ '/v1/zones': [{ status: 429, body: '{}', headers: { 'retry-after': '120' } }] });
    const client = createAdapterClient(spec(), { apiKey: KEY, baseUrl: origin, retry: { maxRetryAfter: 5 } });
    const error = await client.request({ method: 'GET', path: 'v1/zones' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(120);
    expect(seen).toHaveLength(1);
  });

  it('refuses an empty key before any request', () => {
    expect(() => createAdapterClient(spec(), { apiKey: ' ', baseUrl: origin })).toThrow(/API token is required/);
  });
});

describe('provider kit: adapterDefinition and createProvider from a key', () => {
  const definition = adapterDefinition(
    { name: 'pocketdns', displayName: 'Pocket DNS' },
    (options, credentials): Provider => {
      const client = createAdapterClient(spec(), options);
      return {
        name: 'pocketdns',
        displayName: `Pocket DNS (${credentials.extra?.group ?? 'default'})`,
        testConnection: async (o) => void (await client.request({ method: 'GET', path: 'v1/me', signal: o?.signal })),
      };
    },
  );

  it('builds a provider from only an api_key, reading extra.base_url and its own extra settings', async () => {
    const registry = new ProviderRegistry();
    registry.registerProvider(definition);
    reset({ '/v1/me': [{ status: 200, body: '{}' }] });
    const plain = registry.createProvider('pocketdns', { api_key: `Bearer ${KEY}`, extra: { base_url: origin } });
    await plain.testConnection();
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    const grouped = registry.createProvider('pocketdns', { api_key: KEY, extra: { base_url: origin, group: 'ops' } });
    expect(grouped.displayName).toBe('Pocket DNS (ops)');
  });

  it('maps a refused key to AuthenticationError', async () => {
    const registry = new ProviderRegistry();
    registry.registerProvider(definition);
    reset({ '/v1/me': [{ status: 401, body: '{"error":"bad key"}' }] });
    const provider = registry.createProvider('pocketdns', { api_key: KEY, extra: { base_url: origin } });
    await expect(provider.testConnection()).rejects.toBeInstanceOf(AuthenticationError);
  });
});
