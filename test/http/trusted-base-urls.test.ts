import { describe, expect, it } from 'vitest';
import { createHostingHandler } from '../../src/http/index.js';
import { powerdns } from '../../src/powerdns/index.js';
import { describeWithPdns, usePdnsServer } from '../support/pdns-server.js';
import { harness } from './helpers.js';

describeWithPdns('http: trustedBaseUrls lets the operator reach their own PowerDNS server', () => {
  const server = usePdnsServer(['example.org']);
  const setup = (trustedBaseUrls?: string[]) =>
    harness({ providers: [() => powerdns], ...(trustedBaseUrls ? { trustedBaseUrls } : {}) });
  const configure = (h: Awaited<ReturnType<typeof setup>>, base_url: string) =>
    h.send('POST', '/providers/powerdns/configure', { api_key: server().apiKey, extra: { base_url } });

  it('without it, a loopback http base_url is refused and nothing is stored', async () => {
    const h = await setup();
    const response = await configure(h, server().apiUrl);
    expect(response.status).toBe(400);
    expect(await h.store.get('powerdns')).toBeUndefined();
  });

  it('with the server origin trusted, configure, test and the DNS routes reach it over plain http', async () => {
    const h = await setup([server().apiUrl]);
    expect((await configure(h, server().apiUrl)).status).toBe(200);
    const tested = await h.send('POST', '/providers/powerdns/test');
    expect(tested.status).toBe(200);
    expect((await h.store.get('powerdns'))?.connected).toBe(true);
    const created = await h.send('POST', '/providers/powerdns/dns/example.org', {
      type: 'A',
      name: 'www',
      content: '192.0.2.7',
      ttl: 300,
    });
    expect(created.status).toBe(201);
    const listed = (await (await h.send('GET', '/providers/powerdns/dns/example.org')).json()) as Array<{
      id: string;
      content: string;
    }>;
    expect(listed).toContainEqual(expect.objectContaining({ id: 'www/A/0', content: '192.0.2.7' }));
  });

  it('every other private origin stays refused: another port, another spelling of the host, another address', async () => {
    const h = await setup([server().apiUrl]);
    const port = Number(new URL(server().apiUrl).port);
    for (const base_url of [
      `http://127.0.0.1:${port + 1}`,
      `https://127.0.0.1:${port}`,
      `http://localhost:${port}`,
      'http://10.0.0.53:8081',
      'http://169.254.169.254',
      `http://user:pw@127.0.0.1:${port}`,
    ]) {
      const response = await configure(h, base_url);
      expect(response.status, base_url).toBe(400);
      expect(await response.json()).toMatchObject({ error: expect.stringContaining('extra.base_url') });
    }
    expect(await h.store.get('powerdns')).toBeUndefined();
  });
});

describe('http: trustedBaseUrls entries', () => {
  it('must be http(s) origins alone: a path, a query or another scheme is a TypeError at creation', () => {
    const make = (trustedBaseUrls: string[]) => () =>
      createHostingHandler({ store: undefined as never, auth: { none: true }, trustedBaseUrls });
    for (const entry of ['http://10.0.0.53:8081/api/v1', 'http://10.0.0.53:8081?x=1', 'ftp://10.0.0.53', 'nope'])
      expect(make([entry]), entry).toThrow(TypeError);
  });
});
