import { lookup, Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';

/** How long one DNS query may take before it counts as unanswered. */
const QUERY_TIMEOUT_MS = 2_000;

/** A DNS server to ask, as the user named it (`host` or `host:port`) and as `setServers` wants it. */
export interface DnsServer {
  label: string;
  address: string;
}

function splitHostPort(entry: string): { host: string; port?: number } {
  const bracketed = /^\[(.+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { host: bracketed[1]!, ...(bracketed[2] ? { port: Number(bracketed[2]) } : {}) };
  const parts = entry.split(':');
  if (parts.length === 2 && /^\d+$/.test(parts[1]!)) return { host: parts[0]!, port: Number(parts[1]) };
  return { host: entry };
}

/** Turns `host` / `host:port` entries into addresses a resolver can use (host names are looked up). */
export async function toServers(entries: readonly string[]): Promise<DnsServer[]> {
  const servers: DnsServer[] = [];
  for (const entry of entries) {
    const { host, port } = splitHostPort(entry.trim());
    const ips = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
    for (const ip of ips) {
      const hostPart = isIP(ip) === 6 ? `[${ip}]` : ip;
      servers.push({ label: entry, address: port === undefined ? ip : `${hostPart}:${port}` });
    }
  }
  return servers;
}

/** A resolver that asks only the given servers (or the system's when none are given), once per query. */
export function resolverFor(servers?: readonly DnsServer[], timeoutMs = QUERY_TIMEOUT_MS): Resolver {
  const timeout = Math.max(50, Math.min(QUERY_TIMEOUT_MS, Math.ceil(timeoutMs)));
  const resolver = new Resolver({ timeout, tries: 1 });
  if (servers && servers.length > 0) resolver.setServers(servers.map((s) => s.address));
  return resolver;
}

const ABSENT = new Set(['ENODATA', 'ENOTFOUND', 'ENONAME']);

/** Runs a query; "no such record" is `undefined`, any other failure too (the caller tries elsewhere). */
export async function quietly<T>(query: Promise<T>): Promise<T | undefined> {
  try {
    return await query;
  } catch {
    return undefined;
  }
}

/** The TXT strings at `fqdn` (each record's strings joined), or the DNS error code when the server failed. */
export async function txtAt(resolver: Resolver, fqdn: string): Promise<string[] | string> {
  try {
    return (await resolver.resolveTxt(fqdn)).map((chunks) => chunks.join(''));
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    return ABSENT.has(code) ? [] : code;
  }
}
