import { describe, expect, it, vi } from 'vitest';
import type { ProviderConfig } from '../../src/config/config-store.js';
import {
  ConfigStoreError,
  ConflictError,
  NotFoundError,
  ProviderAPIError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from '../../src/core/errors.js';
import type { ProviderDefinition } from '../../src/core/registry.js';
import { CANARY, configure, harness } from './helpers.js';

/** A provider whose `dns.list` throws whatever the test puts in `failure.error`. */
const failure: { error: unknown } = { error: undefined };
const failing = (): ProviderDefinition => ({
  name: 'failing',
  displayName: 'Failing',
  create: (_config: ProviderConfig) => ({
    name: 'failing',
    displayName: 'Failing',
    testConnection: async () => {},
    dns: {
      list: async () => {
        throw failure.error;
      },
      create: async () => {},
      update: async () => {},
      delete: async () => {},
      reset: async () => {},
    },
  }),
});

async function answerTo(error: unknown, onError = vi.fn()) {
  failure.error = error;
  const h = await harness({ providers: [failing], onError });
  await configure(h, 'failing');
  const response = await h.send('GET', '/providers/failing/dns/example.com');
  return { response, text: await response.text(), onError };
}

describe('http: error mapping', () => {
  it.each([
    [new NotFoundError('Zone example.com not found'), 404],
    [new ConflictError('That record already exists'), 409],
    [new ProviderAPIError('Hostinger answered 503', { status: 502, upstreamStatus: 503 }), 502],
    [new ProviderAPIError('Hostinger answered an unexpected shape at data.0.id', { status: 500 }), 500],
    [new TimeoutError('Hostinger did not answer within 30000 ms'), 502],
  ])('maps %s to %i with an {error} body carrying its message', async (error, status) => {
    const { response, text, onError } = await answerTo(error);
    expect(response.status).toBe(status);
    expect(JSON.parse(text)).toEqual({ error: error.message });
    expect(onError).not.toHaveBeenCalled();
  });

  it('maps a provider ValidationError to 400 naming its fields', async () => {
    const error = new ValidationError('Hostinger rejected the records', {
      fields: { 'zone.0.records.0.content': ['is invalid'] },
    });
    const { response, text } = await answerTo(error);
    expect(response.status).toBe(400);
    expect(JSON.parse(text)).toEqual({
      error: 'Hostinger rejected the records: zone.0.records.0.content is invalid',
      fields: { 'zone.0.records.0.content': ['is invalid'] },
    });
  });

  it('maps a RateLimitError to 429 with Retry-After from retryAfter (rounded up), or a default', async () => {
    const known = await answerTo(new RateLimitError('Rate limited by hostinger', { retryAfter: 7.2, attempts: 4 }));
    expect(known.response.status).toBe(429);
    expect(known.response.headers.get('Retry-After')).toBe('8');
    expect(JSON.parse(known.text)).toEqual({ error: 'Rate limited by hostinger' });
    const unknown = await answerTo(new RateLimitError('Rate limited'));
    expect(unknown.response.headers.get('Retry-After')).toBe('30');
  });

  it('answers an unexpected error with a bare 500 that leaks nothing, and reports it to onError', async () => {
    const bug = new TypeError(`Cannot read properties of undefined (api_key ${CANARY}) at /srv/app/secret-path.js:12`);
    const { response, text, onError } = await answerTo(bug);
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: 'Internal server error' });
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain('secret-path');
    expect(onError).toHaveBeenCalledWith(bug, expect.any(Request));
  });

  it('answers a credentials-store failure with a bare 500 that does not name the server path', async () => {
    const h = await harness({ onError: vi.fn() });
    h.store.get = async () => {
      throw new ConfigStoreError('Config file /srv/secret-dir/tinydns.json is corrupt', {
        reason: 'corrupt',
        path: '/srv/secret-dir/tinydns.json',
      });
    };
    const response = await h.send('GET', '/providers/tinydns/dns/example.com');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: 'Internal server error' });
    expect(text).not.toContain('secret-dir');
  });

  it('never echoes a bearer token that reached an error message', async () => {
    const { text } = await answerTo(new ProviderAPIError(`upstream said: Authorization: Bearer ${CANARY}`));
    expect(text).not.toContain(CANARY);
  });
});

describe('http: request bodies', () => {
  it('answers 400 to a body that is not JSON', async () => {
    const h = await harness();
    await configure(h, 'tinydns');
    const response = await h.send('POST', '/providers/tinydns/dns/example.com', '{"type": "A", ');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'Invalid JSON body' });
    expect(h.calls).toEqual([]);
  });

  it('answers 400 naming each bad field of the schema, before calling the provider', async () => {
    const h = await harness();
    await configure(h, 'tinydns');
    const response = await h.send('PUT', '/providers/tinydns/dns/example.com', {
      records: [
        { type: 'A', name: '@', content: '1.2.3.4', ttl: 'soon' },
        { type: 'SPF', name: 'x', content: 'y' },
      ],
      overwite: true,
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fields).toEqual({
      'records.0.ttl': ['must be a number'],
      'records.1.type': ['must be one of A, AAAA, CNAME, MX, TXT, NS, SRV, CAA'],
      overwite: ['is not allowed'],
    });
    expect(body.error).toContain('records.0.ttl');
    expect(h.calls).toEqual([]);
  });

  it('answers 400 naming the query parameter a DNS delete lacks', async () => {
    const h = await harness();
    await configure(h, 'tinydns');
    const response = await h.send('DELETE', '/providers/tinydns/dns/example.com?name=api');
    expect(response.status).toBe(400);
    expect((await response.json()).fields).toEqual({ type: ['is required'] });
    expect(h.calls).toEqual([]);
  });

  it('answers 413 to a 2 MiB body, whether or not it declares its length', async () => {
    const h = await harness();
    await configure(h, 'tinydns');
    const big = JSON.stringify({ type: 'TXT', name: '@', content: 'x'.repeat(2 * 1024 * 1024) });
    const declared = await h.send('POST', '/providers/tinydns/dns/example.com', big, {
      'Content-Length': String(big.length),
    });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error).toMatch(/exceeds 1048576 bytes/);
    const streamed = await h.send('POST', '/providers/tinydns/dns/example.com', big);
    expect(streamed.status).toBe(413);
    expect(h.calls).toEqual([]);
  });

  it('honours a smaller maxBodyBytes', async () => {
    const h = await harness({ maxBodyBytes: 64 });
    const response = await h.send('POST', '/providers/tinydns/configure', { api_key: 'k'.repeat(100) });
    expect(response.status).toBe(413);
    expect(await h.store.inner.get('tinydns')).toBeUndefined();
  });

  it('rejects a path segment that decodes to a traversal or a slash', async () => {
    const h = await harness();
    await configure(h, 'tinydns');
    for (const domain of ['example.com%2F..%2Fx', 'a%5Cb', 'a%20b']) {
      const response = await h.send('GET', `/providers/tinydns/dns/${domain}`);
      expect(response.status).toBe(400);
      expect((await response.json()).fields).toEqual({ domain: ['is not a valid path segment'] });
    }
    expect(h.calls).toEqual([]);
  });
});
