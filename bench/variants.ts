/**
 * The clients `npm run bench` compares. Each one lists the same zone from the same server and ends with
 * the decoded records in memory; what differs is the transport and how much each does to the answer.
 *
 * | variant                     | transport                          | connection reuse                                  | work on the body                                      |
 * |-----------------------------|------------------------------------|---------------------------------------------------|-------------------------------------------------------|
 * | raw fetch + JSON.parse      | global `fetch` (undici)            | undici's global dispatcher keeps sockets alive     | `text()` + `JSON.parse`                               |
 * | raw node:http + JSON.parse  | `http.get`                         | `http.globalAgent`, `keepAlive: true` since Node 19 | `Buffer.concat` + `JSON.parse`                        |
 * | setec-hosting dns.list      | ky → global `fetch` (undici)       | as raw fetch                                      | JSON.parse + shape check + split to records + ids     |
 * | hostinger-api-sdk (axios)   | axios http adapter → `http.request` | `http.globalAgent` (keep-alive on Node ≥ 19)      | axios `JSON.parse`, no validation, RRsets as sent     |
 * | hostinger-api-sdk fetch     | axios `adapter: 'fetch'` (undici)  | as raw fetch                                      | as above                                              |
 *
 * The last row equalises the transport with ours: same undici stack, so the remaining gap is client work.
 * Connection reuse is not assumed: the bench counts the server's accepted sockets per variant.
 */
import { get, globalAgent } from 'node:http';
import axios from 'axios';
import { Configuration, DNSZoneApi } from 'hostinger-api-sdk';
import { createHostingerProvider } from 'setec-hosting/hostinger';

/** One way of listing the zone; `count` turns its result into a number of records/sets for a sanity check. */
export interface Variant {
  name: string;
  run: () => Promise<unknown>;
  count: (result: unknown) => string;
}

const length = (value: unknown) => `${(value as unknown[]).length} RRsets`;

/** The end-to-end variants against `baseUrl` (the simulator's HTTP server). */
export function httpVariants(baseUrl: string, token: string, domain: string): Variant[] {
  const url = `${baseUrl}/api/dns/v1/zones/${domain}`;
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  const ours = createHostingerProvider({ apiKey: token, baseUrl });
  const peer = new DNSZoneApi(new Configuration({ accessToken: token, basePath: baseUrl }));
  const peerFetch = new DNSZoneApi(
    new Configuration({ accessToken: token, basePath: baseUrl }),
    baseUrl,
    axios.create({ adapter: 'fetch' }),
  );
  const rawHttp = () =>
    new Promise<unknown>((resolve, reject) => {
      get(url, { headers, agent: globalAgent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            reject(error as Error);
          }
        });
        res.on('error', reject);
      }).on('error', reject);
    });
  return [
    {
      name: 'raw fetch + JSON.parse',
      run: async () => JSON.parse(await (await fetch(url, { headers })).text()) as unknown,
      count: length,
    },
    {
      name: 'setec-hosting dns.list',
      run: () => ours.dns.list(domain),
      count: (r) => `${(r as unknown[]).length} records`,
    },
    {
      name: 'hostinger-api-sdk (axios http)',
      run: async () => (await peer.getDNSRecordsV1(domain)).data,
      count: length,
    },
    {
      name: 'hostinger-api-sdk (axios fetch)',
      run: async () => (await peerFetch.getDNSRecordsV1(domain)).data,
      count: length,
    },
    { name: 'raw node:http + JSON.parse', run: rawHttp, count: length },
  ];
}

/**
 * The same clients without a network: each gets the zone's JSON text from an in-memory response, so
 * what is left is the client's own work (request building, body read, parse, validation, mapping).
 */
export function offlineVariants(baseUrl: string, token: string, domain: string, body: string): Variant[] {
  const json = { status: 200, headers: { 'content-type': 'application/json' } };
  const ours = createHostingerProvider({ apiKey: token, baseUrl, fetch: async () => new Response(body, json) });
  const canned = axios.create({
    adapter: async (config) => ({
      data: body,
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'application/json' },
      config,
      request: {},
    }),
  });
  const peer = new DNSZoneApi(new Configuration({ accessToken: token, basePath: baseUrl }), baseUrl, canned);
  // The peer on the same transport work as ours: axios' fetch adapter reading the same in-memory `Response`
  // (a `Request` built, the body streamed and decoded), where the canned adapter above hands over a string.
  const peerFetch = new DNSZoneApi(
    new Configuration({ accessToken: token, basePath: baseUrl }),
    baseUrl,
    axios.create({ adapter: 'fetch', env: { fetch: async () => new Response(body, json) } }),
  );
  return [
    { name: 'JSON.parse only', run: async () => JSON.parse(body) as unknown, count: length },
    {
      name: 'Response.text() + JSON.parse',
      run: async () => JSON.parse(await new Response(body, json).text()) as unknown,
      count: length,
    },
    {
      name: 'setec-hosting dns.list',
      run: () => ours.dns.list(domain),
      count: (r) => `${(r as unknown[]).length} records`,
    },
    { name: 'hostinger-api-sdk (axios)', run: async () => (await peer.getDNSRecordsV1(domain)).data, count: length },
    {
      name: 'hostinger-api-sdk (axios fetch adapter)',
      run: async () => (await peerFetch.getDNSRecordsV1(domain)).data,
      count: length,
    },
  ];
}
