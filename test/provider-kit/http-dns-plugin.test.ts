import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPocketDnsProvider, pocketDns } from '../../examples/http-dns-plugin.js';
import { ProviderRegistry } from '../../src/index.js';
import { runConformance } from '../../src/testing/index.js';

const KEY = 'pocket-key-0123456789';
type Set = { name: string; type: string; ttl: number; records: Array<{ content: string; priority?: number }> };

/** A local Pocket DNS: record sets per zone, the key checked in X-API-Key, PATCH applied at once. */
let zones: Map<string, Set[]>;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers['x-api-key'] !== KEY) return send(401, { error: 'bad key' });
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/v1/zones')
      return send(
        200,
        [...zones.keys()].map((name) => ({ name })),
      );
    const match = /^\/v1\/zones\/([^/]+)\/rrsets$/.exec(url.pathname);
    const sets = match ? zones.get(decodeURIComponent(match[1]!)) : undefined;
    if (!match || !sets) return send(404, { error: 'no such zone', request_id: 'r-1' });
    if (req.method === 'GET') return send(200, sets);
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(text) as { replace: Set[]; delete: Array<{ name: string; type: string }> };
      const named = new Set([...body.replace, ...body.delete].map((s) => `${s.name} ${s.type}`));
      const kept = sets.filter((s) => !named.has(`${s.name} ${s.type}`));
      zones.set(decodeURIComponent(match[1]!), [...kept, ...body.replace]);
      send(200, {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('examples/http-dns-plugin.ts: a DNS plugin on the provider kit', () => {
  it('passes every check of the conformance kit against its API', async () => {
    const results = await runConformance(
      () => {
        zones = new Map([['example.com', []]]);
        return createPocketDnsProvider({ apiKey: KEY, baseUrl });
      },
      { domain: 'example.com', name: 'pocketdns' },
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.filter((r) => r.ok && !r.skipped).length).toBeGreaterThan(15);
  });

  it('is created from a key through its registry entry, and a wrong key is an AuthenticationError', async () => {
    zones = new Map([['example.com', []]]);
    const registry = new ProviderRegistry();
    registry.registerProvider(pocketDns);
    const good = registry.createProvider('pocketdns', { api_key: KEY, extra: { base_url: baseUrl } });
    await good.dns!.create('example.com', { type: 'TXT', name: '@', content: 'say "hi"; bye' });
    expect((await good.dns!.list('example.com')).map((r) => r.content)).toEqual(['say "hi"; bye']);
    const bad = registry.createProvider('pocketdns', { api_key: 'wrong', extra: { base_url: baseUrl } });
    await expect(bad.testConnection()).rejects.toMatchObject({ name: 'AuthenticationError', provider: 'pocketdns' });
  });
});
