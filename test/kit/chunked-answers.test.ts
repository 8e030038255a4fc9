import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostingerProvider } from '../../src/hostinger/index.js';

// A real server on 127.0.0.1 that sends the zone in several chunks, pausing between them, so the client
// reads a body that arrives piece by piece: a byte order mark first, and a two-byte UTF-8 character cut in half.
let server: Server;
let origin = '';
const zone = JSON.stringify([
  { name: 'www', type: 'A', ttl: 300, records: [{ content: '192.0.2.1' }] },
  { name: 'note', type: 'TXT', ttl: 300, records: [{ content: '"café"' }] },
]);
const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(zone, 'utf8')]);
const cut = bytes.indexOf(0xc3) + 1; // inside "é"

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.write(bytes.subarray(0, 3));
    setTimeout(() => response.write(bytes.subarray(3, cut)), 10);
    setTimeout(() => response.end(bytes.subarray(cut)), 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('kit: answers whose body arrives in pieces', () => {
  it('joins the pieces, drops a leading byte order mark and keeps a character split between pieces', async () => {
    const records = await createHostingerProvider({ apiKey: 'token-for-chunks', baseUrl: origin }).dns.list(
      'example.com',
    );
    expect(records.map((r) => [r.type, r.name, r.content])).toEqual([
      ['A', 'www', '192.0.2.1'],
      ['TXT', 'note', 'café'],
    ]);
  });
});
