/**
 * Starts a private, real PowerDNS Authoritative server (no vitest here, so benchmarks can use it too): a fresh
 * temporary directory holding `pdns.conf` and a gsqlite3 database made from Debian's schema, the HTTP API and
 * DNS (UDP and TCP) on free ports of 127.0.0.1, caches off so every answer comes from the database, stopped by
 * its pid. Tests use it through `./pdns-server.js`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findExecutable, freePort, startServerProcess, withRetries } from './server-process.js';

const SCHEMA = process.env.PDNS_SCHEMA ?? '/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql';

const findBinary = () =>
  findExecutable([
    process.env.PDNS_SERVER,
    ...(process.env.PATH ?? '').split(path.delimiter).map((d) => d && path.join(d, 'pdns_server')),
    '/usr/sbin/pdns_server',
  ]);

/** Absolute path of `pdns_server` (with its gsqlite3 schema installed), otherwise `undefined`. */
export const pdnsServerPath: string | undefined = fs.existsSync(SCHEMA) ? findBinary() : undefined;

/** A running server started by {@link startPdnsServer}. */
export interface PdnsServer {
  /** The base URL to give `createPowerDnsProvider`: `http://127.0.0.1:<port>`. */
  readonly apiUrl: string;
  /** The value of the `X-API-Key` header the server accepts. */
  readonly apiKey: string;
  /** UDP and TCP port of the server's DNS listener on 127.0.0.1. */
  readonly dnsPort: number;
  readonly pid: number;
  /** Creates a Native zone (`example.org`, no trailing dot) with `ns1.example.net.` as its apex NS. */
  createZone(name: string): Promise<void>;
  /** Stops the server (SIGTERM to its pid, SIGKILL after 10 s) and removes its directory. Safe to call twice. */
  stop(): Promise<void>;
}

/** The database: Debian's gsqlite3 schema, loaded with the sqlite3 command or Python. */
function createDatabase(db: string): void {
  const schema = fs.readFileSync(SCHEMA, 'utf8');
  try {
    execFileSync('sqlite3', [db], { input: schema, stdio: ['pipe', 'ignore', 'pipe'] });
  } catch {
    const script = 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.stdin.read()); c.commit()';
    execFileSync('python3', ['-c', script, db], { input: schema, stdio: ['pipe', 'ignore', 'pipe'] });
  }
}

function config(dir: string, dnsPort: number, apiPort: number, apiKey: string): string {
  return [
    'launch=gsqlite3',
    `gsqlite3-database=${path.join(dir, 'pdns.sqlite3')}`,
    'gsqlite3-dnssec=yes',
    'local-address=127.0.0.1',
    `local-port=${dnsPort}`,
    'api=yes',
    `api-key=${apiKey}`,
    'webserver=yes',
    'webserver-address=127.0.0.1',
    `webserver-port=${apiPort}`,
    'webserver-allow-from=127.0.0.0/8',
    `socket-dir=${dir}`,
    'guardian=no',
    'daemon=no',
    'disable-syslog=yes',
    'security-poll-suffix=',
    'cache-ttl=0',
    'query-cache-ttl=0',
    'negquery-cache-ttl=0',
    '',
  ].join('\n');
}

async function answers(apiUrl: string, apiKey: string): Promise<boolean> {
  try {
    const response = await fetch(`${apiUrl}/api/v1/servers/localhost`, { headers: { 'X-API-Key': apiKey } });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

async function startOnce(binary: string): Promise<PdnsServer> {
  const [apiPort, dnsPort] = [await freePort(), await freePort()];
  const apiKey = `test-${Math.random().toString(36).slice(2, 12)}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const server = await startServerProcess({
    name: `pdns_server (API ${apiPort}, DNS ${dnsPort})`,
    tmpPrefix: 'setec-pdns-',
    binary,
    async prepare(dir) {
      createDatabase(path.join(dir, 'pdns.sqlite3'));
      await fs.promises.writeFile(path.join(dir, 'pdns.conf'), config(dir, dnsPort, apiPort, apiKey));
    },
    args: (dir) => [`--config-dir=${dir}`],
    ready: async (output) =>
      output.includes('Listening on HTTP socket failed')
        ? 'failed'
        : output.includes('Done launching threads') && (await answers(apiUrl, apiKey)),
    startMs: 20_000,
    graceMs: 10_000,
  });
  const createZone = async (name: string) => {
    const response = await fetch(`${apiUrl}/api/v1/servers/localhost/zones`, {
      method: 'POST',
      headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ name: `${name}.`, kind: 'Native', nameservers: ['ns1.example.net.'] }),
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`creating zone ${name} failed: HTTP ${response.status} ${text}`);
  };
  return { apiUrl, apiKey, dnsPort, pid: server.pid, createZone, stop: server.stop };
}

/**
 * Starts a private `pdns_server` and waits until its API answers and its DNS listeners are up. A port taken
 * between choosing and binding is retried with other ports (three attempts).
 * @throws when `pdns_server` or its gsqlite3 schema is missing, or the server does not start.
 */
export async function startPdnsServer(): Promise<PdnsServer> {
  const binary = pdnsServerPath;
  if (!binary) throw new Error(`pdns_server or its gsqlite3 schema (${SCHEMA}) is missing`);
  return withRetries(() => startOnce(binary));
}
