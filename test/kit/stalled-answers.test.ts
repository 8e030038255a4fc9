import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProviderAPIError, isTimeoutError, TimeoutError } from '../../src/core/errors.js';
import { createHostingerProvider } from '../../src/hostinger/index.js';

// A real server on 127.0.0.1 (a new one per test): it sends its headers, then stalls the body forever
// or, for the zone `cut.example`, drops the connection in the middle of a chunked body.
let server: Server;
let origin = '';
let requests = 0;

beforeEach(async () => {
  requests = 0;
  server = createServer((request, response) => {
    requests += 1;
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.write('[{"name":"www","type":"A","ttl":300,');
    if (request.url?.includes('cut.example')) setTimeout(() => response.socket?.destroy(), 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const provider = (options: { timeout?: number; limit?: number }) =>
  createHostingerProvider({
    apiKey: 'token-for-stalls',
    baseUrl: origin,
    timeout: options.timeout ?? 30_000,
    retry: { limit: options.limit ?? 0 },
  });

describe('kit: answers that stall or break after their headers', () => {
  it('a body that never ends is timed out by the per-attempt timeout', async () => {
    const error = await provider({ timeout: 300 })
      .dns.list('example.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain('timed out after 300 ms');
  }, 10_000);

  it('a stalled body is retried like any timeout of an idempotent request', async () => {
    const error = await provider({ timeout: 300, limit: 1 })
      .dns.list('example.com')
      .catch((e: unknown) => e);
    expect(isTimeoutError(error)).toBe(true);
    expect(requests).toBe(2);
  }, 10_000);

  it("the caller's AbortSignal.timeout ends a stalled body with the SDK's TimeoutError", async () => {
    const error = await provider({})
      .dns.list('example.com', { signal: AbortSignal.timeout(300) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain("caller's deadline");
  }, 10_000);

  it('a connection cut in the middle of the body is a ProviderAPIError, not a raw fetch error', async () => {
    const error = await provider({})
      .dns.list('cut.example')
      .catch((e: unknown) => e);
    expect(isProviderAPIError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Network failure on GET \/api\/dns\/v1\/zones\/cut\.example/);
  }, 10_000);
});
