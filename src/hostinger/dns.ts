/**
 * Hostinger DNS (`/api/dns/v1/zones/{domain}`) on the provider kit: how a zone is read (RRsets ⇄ records)
 * and handed to `createDnsCapability`, which owns the DNS rules; `dns-write.ts` is how sets are written.
 * Hostinger keys records by RRset (name + type, one TTL per set) and keeps MX/SRV priorities inside
 * `content`; the SDK lists one record per value with `priority` apart.
 *
 * @internal
 * @module
 */
import { DNS_RECORD_TYPES, type DnsCapability, type DnsRecordType } from '../core/dns.js';
import { NotFoundError } from '../core/errors.js';
import {
  canonicalCaa,
  DEFAULT_TTL,
  hostKey,
  normalizeDomain,
  parseTxt,
  type NormalizedDnsRecord,
} from '../core/validation/index.js';
import { MessageWire } from '../kit/parse-wire.js';
import { createDnsCapability, createDnsWithoutBatch, type KitDnsCapability } from '../provider-kit/dns-capability.js';
import { refuseDisabled } from '../provider-kit/dns-disabled.js';
import type { DnsSource } from '../provider-kit/dns-source.js';
import type { HostingerClient } from './client.js';
import { createSwapWriter } from './dns-swap.js';
import { createZoneAppender, createZoneWriter, type SwapWriter, ZONES } from './dns-write.js';
import { domainPath } from './paths.js';
import { type RRsetWire, ZoneWire } from './zone-wire.js';

const TYPES: readonly string[] = DNS_RECORD_TYPES;

/** MX/SRV content from Hostinger's zone-file form: the leading priority apart. Unparseable content is kept. */
function splitPriority(type: 'MX' | 'SRV', content: string): { content: string; priority: number } {
  const match = /^(\d{1,5})\s+(\S[\s\S]*)$/.exec(content);
  if (!match) return { content, priority: 0 };
  const rest = match[2] ?? '';
  if (type === 'MX') return { content: hostKey(rest), priority: Number(match[1]) };
  // SRV: weight, port, target; only the target is a host name. A target of "." (RFC 2782: no service
  // here) stays "."; should the dot be dropped by the server, an SRV left with no target is that one.
  const parts = rest.split(/\s+/);
  if (parts.length === 2) parts.push('.');
  else if (parts.length > 2 && parts[2] !== '.') parts[2] = hostKey(parts[2] as string);
  return { content: parts.join(' '), priority: Number(match[1]) };
}

/** Hostinger's zone-file content of the other types → SDK content. */
function plainContent(type: DnsRecordType, content: string): string {
  if (type === 'TXT') return parseTxt(content);
  if (type === 'CNAME' || type === 'NS') return hostKey(content);
  if (type === 'AAAA') return content.toLowerCase();
  if (type === 'CAA') return canonicalCaa(content);
  return content;
}

/** One record of a zone, as the DNS source reads it. */
type ZoneRecord = NormalizedDnsRecord & { disabled?: boolean };

/**
 * The records of a zone, without ids: types the SDK does not model (SOA, ALIAS) left out, records disabled
 * in hPanel marked `disabled`.
 */
export function recordsFromZone(zone: readonly RRsetWire[]): ZoneRecord[] {
  // Plain loops: this runs once per record of every listing (thousands for a large zone).
  const out: ZoneRecord[] = [];
  for (const set of zone) {
    // Hostinger sends types in upper case: upper-casing (a new string per set) only when it does not.
    let type = set.type as DnsRecordType;
    if (!TYPES.includes(type)) {
      type = type.toUpperCase() as DnsRecordType;
      if (!TYPES.includes(type)) continue;
    }
    const name = set.name === '' ? '@' : set.name.toLowerCase();
    const ttl = set.ttl ?? DEFAULT_TTL;
    const withPriority = type === 'MX' || type === 'SRV' ? type : undefined;
    for (const r of set.records) {
      const raw = r.content.trim();
      const record: ZoneRecord = withPriority
        ? { type, name, ttl, ...splitPriority(withPriority, raw) }
        : { type, name, content: plainContent(type, raw), ttl, priority: 0 };
      if (r.is_disabled === true) record.disabled = true;
      out.push(record);
    }
  }
  return out;
}

/** The Hostinger DNS group with `writeSets` (the whole provider's): any `applyPlan` in 4 requests (7 for a CNAME swap). */
export function createDns(client: HostingerClient): KitDnsCapability {
  // A CNAME swap reads the zone again (to put the old set back if refused): that read is checked too.
  const swap = createSwapWriter(async (zone, changes, signal) => {
    const fresh = await getZone(client, zone, signal);
    refuseDisabled(DISABLED, zone, recordsFromZone(fresh), changes);
    return fresh;
  });
  return createDnsCapability(hostingerDnsSource(client, swap));
}

/** The Hostinger DNS group without `writeSets`, for the smallest bundle: its calls never swap a CNAME. */
export function createDnsOnly(client: HostingerClient): DnsCapability {
  return createDnsWithoutBatch(hostingerDnsSource(client));
}

/** Who refuses a write that would lose a record disabled in hPanel, and what to do about it. */
const DISABLED = {
  provider: 'hostinger',
  disabledHint: 'in hPanel',
};

/** The zone as Hostinger lists it. */
async function getZone(client: HostingerClient, domain: string, signal: AbortSignal | undefined) {
  try {
    return (await client.request({ method: 'GET', path: domainPath(ZONES, domain), schema: ZoneWire, signal })).data;
  } catch (error) {
    // Hostinger's 404 says "Domain name is not valid" for a zone it does not host for this account, which
    // reads as an input error; its text (and correlation id) stay in `cause`.
    if (error instanceof NotFoundError) {
      throw new NotFoundError(`No DNS zone ${normalizeDomain(domain)} in this Hostinger account`, {
        provider: 'hostinger',
        cause: error,
      });
    }
    throw error;
  }
}

/** Hostinger's DNS as the kit sees it: its zone GET and its RRset writes (a CNAME swap through `swap`). */
function hostingerDnsSource(
  client: HostingerClient,
  swap?: SwapWriter,
): DnsSource & Required<Pick<DnsSource, 'reset'>> {
  return {
    ...DISABLED,
    // Hostinger keeps one TTL per record set.
    limits: { ttl: 'per-set' },
    // The zone PUT replaces whole sets and the DELETE takes set filters: `writeSets` needs no read first.
    blindSetWrites: true,
    read: async (zone, o) => recordsFromZone(await getZone(client, zone, o?.signal)),
    write: createZoneWriter(client, swap),
    // Values are appended with `overwrite: false`, so a value another client adds at the same time stays.
    addRecords: createZoneAppender(client),
    // Removing one value rewrites its set: calls on one zone in this process go one at a time.
    lockKey: (zone) => `hostinger ${zone}`,
    async reset(zone, o) {
      await client.request({
        method: 'POST',
        path: domainPath(ZONES, zone, 'domain', 'reset'),
        json: { sync: true, reset_email_records: true },
        schema: MessageWire,
        idempotent: false,
        signal: o?.signal,
      });
    },
  };
}
