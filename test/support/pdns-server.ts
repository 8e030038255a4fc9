/**
 * A real PowerDNS Authoritative server for tests.
 *
 * `startPdnsServer(): Promise<{ apiUrl, apiKey, dnsPort, pid, createZone(name), stop() }>` starts its own
 * `pdns_server` in a fresh temporary directory (gsqlite3 database from Debian's schema, caches off), with the
 * HTTP API and DNS (UDP + TCP) on free ports of 127.0.0.1:
 * - `apiUrl`: `http://127.0.0.1:<port>`, the `baseUrl` of `createPowerDnsProvider`;
 * - `apiKey`: the `X-API-Key` the server accepts;
 * - `dnsPort`: where the server answers DNS queries for its zones (authoritative, no recursion), so a
 *   change made through the API can be checked the way a resolver sees it;
 * - `createZone('example.org')`: a Native zone with `ns1.example.net.` as its apex NS;
 * - `stop()`: SIGTERM to its pid, then removes the directory (safe to call twice).
 *
 * {@link describeWithPdns} runs its suite when `pdns_server` and `pdns-backend-sqlite3` are installed;
 * otherwise it skips after printing one notice, and under `CI=true` it fails instead (`.ci/run` installs
 * Debian's `pdns-server` and `pdns-backend-sqlite3`).
 *
 * @example
 * ```ts
 * import { describeWithPdns, startPdnsServer } from './pdns-server.js';
 *
 * describeWithPdns('my suite on PowerDNS', () => {
 *   let pdns: PdnsServer;
 *   beforeAll(async () => { pdns = await startPdnsServer(); await pdns.createZone('example.org'); });
 *   afterAll(() => pdns?.stop());
 *   it('works', async () => {
 *     const provider = createPowerDnsProvider({ apiKey: pdns.apiKey, baseUrl: pdns.apiUrl });
 *     ...
 *   });
 * });
 * ```
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { pdnsServerPath, startPdnsServer, type PdnsServer } from './pdns-process.js';

export { pdnsServerPath, startPdnsServer, type PdnsServer } from './pdns-process.js';

/**
 * Starts one server for the enclosing `describe` (beforeAll), creates `zones` in it, and stops it afterwards
 * (afterAll). The returned function reads the running server.
 */
export function usePdnsServer(zones: readonly string[] = []): () => PdnsServer {
  let server: PdnsServer | undefined;
  beforeAll(async () => {
    server = await startPdnsServer();
    for (const zone of zones) await server.createZone(zone);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('the PowerDNS server is not started yet (use it inside a test or hook)');
    return server;
  };
}

let noticePrinted = false;

/**
 * `describe` when `pdns_server` and its gsqlite3 schema are installed. Otherwise: under `CI=true`, a suite
 * whose one test fails saying the server is missing; elsewhere `describe.skip`, after printing a notice once.
 */
export const describeWithPdns = ((name: string, fn: () => void) => {
  if (pdnsServerPath) return describe(name, fn);
  if (process.env.CI === 'true' || process.env.CI === '1') {
    return describe(name, () => {
      it('needs pdns_server (CI installs the Debian packages pdns-server and pdns-backend-sqlite3)', () => {
        throw new Error('pdns_server is not installed: under CI=true the PowerDNS tests must run, not skip');
      });
    });
  }
  if (!noticePrinted) {
    noticePrinted = true;
    console.warn('pdns_server is not installed: the tests that need a real PowerDNS server are skipped.');
  }
  return describe.skip(name, fn);
}) as (name: string, fn: () => void) => void;
