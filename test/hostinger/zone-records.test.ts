import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHostingerDns } from '../../src/hostinger/index.js';
import { BASE, CANARY } from './helpers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const ZONE = `${BASE}/api/dns/v1/zones/example.com`;
const set = (name: string, type: string, contents: string[], extra: Record<string, unknown> = {}) => ({
  name,
  type,
  ttl: 600,
  records: contents.map((content) => ({ content, is_disabled: false })),
  ...extra,
});
const list = async (zone: JsonBodyType) => {
  server.use(http.get(ZONE, () => HttpResponse.json(zone)));
  return createHostingerDns({ apiKey: CANARY }).list('example.com');
};

describe('hostinger: how a zone answer becomes records', () => {
  it('reads types in any case and leaves out the types the SDK does not model', async () => {
    const records = await list([
      set('@', 'SOA', ['ns1.dns-parking.com. dns.hostinger.com. 1 10000 2400 604800 600']),
      set('@', 'ALIAS', ['example.net']),
      set('@', 'soa', ['ns1.dns-parking.com. dns.hostinger.com. 1 10000 2400 604800 600']),
      set('www', 'a', ['192.0.2.1']),
      set('mail', 'Mx', ['10 MX1.Example.COM.']),
    ]);
    expect(records).toEqual([
      { id: 'www/A/0', type: 'A', name: 'www', content: '192.0.2.1', ttl: 600, priority: 0 },
      { id: 'mail/MX/10', type: 'MX', name: 'mail', content: 'mx1.example.com', ttl: 600, priority: 10 },
    ]);
  });

  it('splits priorities, unquotes TXT, lower-cases names and hostnames, skips disabled records', async () => {
    const records = await list({
      data: [
        set('', 'TXT', ['"v=spf1 -all"', '"say \\"hi\\"" " there"', 'unquoted']),
        set('_SIP._tcp', 'SRV', ['10 5 5060 SIP.example.com.']),
        set('Alias', 'CNAME', ['WWW.Example.com.']),
        set('v6', 'AAAA', [' 2001:DB8::1 ']),
        {
          name: 'off',
          type: 'A',
          ttl: null,
          records: [{ content: '192.0.2.9', is_disabled: true }, { content: '192.0.2.8' }],
        },
      ],
      meta: { total: 5 },
    });
    expect(records.map(({ type, name, content, ttl, priority }) => [type, name, content, ttl, priority])).toEqual([
      ['TXT', '@', 'v=spf1 -all', 600, 0],
      ['TXT', '@', 'say "hi" there', 600, 0],
      ['TXT', '@', 'unquoted', 600, 0],
      ['SRV', '_sip._tcp', '5 5060 sip.example.com', 600, 10],
      ['CNAME', 'alias', 'www.example.com', 600, 0],
      ['AAAA', 'v6', '2001:db8::1', 600, 0],
      ['A', 'off', '192.0.2.8', 14400, 0],
    ]);
  });
});
