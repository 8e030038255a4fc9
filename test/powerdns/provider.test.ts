import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { getProvider, ValidationError } from '../../src/index.js';
import { createPowerDnsProvider, powerdns } from '../../src/powerdns/index.js';
import '../../src/powerdns/register.js';

const KEY = 'pdns-secret-key-42';

/** A fetch that records each request and answers `status` with `body`. */
function recorder(status = 200, body = '{"rrsets": []}') {
  const requests: Request[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    requests.push(new Request(input, init));
    return new Response(status === 204 ? null : body, { status, headers: { 'Content-Type': 'application/json' } });
  };
  return { requests, fetch };
}

describe('createPowerDnsProvider', () => {
  it('needs a base URL and a key, refused before any request', () => {
    const { requests, fetch } = recorder();
    expect(() => createPowerDnsProvider({ apiKey: KEY, baseUrl: '', fetch })).toThrow(ValidationError);
    expect(() => createPowerDnsProvider({ apiKey: KEY, baseUrl: 'ftp://dns.example.org', fetch })).toThrow(
      expect.objectContaining({ fields: { baseUrl: [expect.stringContaining('must be an http(s) URL')] } }),
    );
    expect(() => createPowerDnsProvider({ apiKey: ' ', baseUrl: 'http://127.0.0.1:8081', fetch })).toThrow(
      ValidationError,
    );
    expect(requests).toHaveLength(0);
  });

  it('refuses a bad record with a ValidationError naming the field, sending nothing', async () => {
    const { requests, fetch } = recorder();
    const provider = createPowerDnsProvider({ apiKey: KEY, baseUrl: 'http://127.0.0.1:8081', fetch });
    const error = await provider.dns
      .create('example.org', { type: 'A', name: 'www', content: '192.0.2.300' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toHaveProperty('content');
    expect(requests).toHaveLength(0);
  });

  it('sends the key in X-API-Key with Accept: application/json, and accepts a base URL ending in /api/v1', async () => {
    const { requests, fetch } = recorder();
    const provider = createPowerDnsProvider({ apiKey: KEY, baseUrl: 'http://127.0.0.1:8081/api/v1/', fetch });
    expect(await provider.dns.list('Example.ORG')).toEqual([]);
    const [request] = requests;
    expect(request!.url).toBe('http://127.0.0.1:8081/api/v1/servers/localhost/zones/example.org.');
    expect(request!.headers.get('x-api-key')).toBe(KEY);
    expect(request!.headers.get('accept')).toBe('application/json');
    expect(request!.headers.has('authorization')).toBe(false);
  });

  it('never shows the key in util.inspect or JSON.stringify', () => {
    const provider = createPowerDnsProvider({ apiKey: KEY, baseUrl: 'http://127.0.0.1:8081' });
    expect(inspect(provider, { depth: 10 })).not.toContain(KEY);
    expect(inspect(provider)).toContain('http://127.0.0.1:8081');
    expect(JSON.stringify(provider)).not.toContain(KEY);
  });
});

describe('the powerdns definition', () => {
  it('is what setec-hosting/powerdns/register puts in the registry', () => {
    expect(getProvider('powerdns')).toBe(powerdns);
    expect(powerdns.extraFields?.map((f) => f.name)).toEqual(['base_url', 'server_id']);
  });

  it('reads api_key, extra.base_url and extra.server_id, and sends through the fetch it is given', async () => {
    const { requests, fetch } = recorder(200, '{"daemon_type": "authoritative"}');
    const config = {
      provider: 'powerdns',
      api_key: KEY,
      api_secret: '',
      extra: { base_url: 'http://10.0.0.53:8081', server_id: 'ns-a' },
      connected: false,
    };
    await powerdns.create(config, { fetch }).testConnection();
    expect(requests[0]!.url).toBe('http://10.0.0.53:8081/api/v1/servers/ns-a');
    expect(requests[0]!.headers.get('x-api-key')).toBe(KEY);
  });

  it('refuses a config without extra.base_url', () => {
    const config = { provider: 'powerdns', api_key: KEY, api_secret: '', extra: {}, connected: false };
    expect(() => powerdns.create(config)).toThrow(expect.objectContaining({ fields: { baseUrl: expect.any(Array) } }));
  });
});
