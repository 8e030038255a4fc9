/**
 * Hostinger DNS (`/api/dns/v1/zones/{domain}`): wire schemas, record ⇄ RRset mapping and the
 * {@link DnsCapability} methods. Hostinger keys records by RRset (name + type, one TTL per set) and
 * keeps MX/SRV priorities inside `content`; the SDK lists one record per value with `priority` apart.
 *
 * @internal
 * @module
 */
import type { CallOptions } from '../core/call-options.js';
import {
  DNS_RECORD_TYPES,
  type DnsCapability,
  type DnsDeleteOptions,
  type DnsRecord,
  type DnsRecordInput,
  type DnsRecordType,
  type DnsUpdateOptions,
} from '../core/dns.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import { setRecordIds } from '../core/record-id.js';
import {
  DEFAULT_TTL,
  formatTxt,
  normalizeDomain,
  normalizeRecord,
  normalizeRecordName,
  parseTxt,
  sameRecord,
  validateRecords,
  type NormalizedDnsRecord,
} from '../core/validation/index.js';
import type { HostingerClient } from './client.js';
import { domainPath } from './paths.js';
import { MessageWire } from '../kit/parse-wire.js';
import { type RRsetWire, ZoneWire } from './zone-wire.js';
import { DisabledRecordsMemo, disabledSets, refuseDisabled } from './disabled-records.js';

/** The body of PUT/validate: RRsets to write. */
interface ZoneWriteWire {
  overwrite: boolean;
  zone: { name: string; type: DnsRecordType; ttl: number; records: { content: string }[] }[];
}

const ZONES = 'api/dns/v1/zones';
const TYPES: readonly string[] = DNS_RECORD_TYPES;

function hostname(value: string): string {
  const lower = value.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** MX/SRV content from Hostinger's zone-file form: the leading priority apart. Unparseable content is kept. */
function splitPriority(type: 'MX' | 'SRV', content: string): { content: string; priority: number } {
  const match = /^(\d{1,5})\s+(\S[\s\S]*)$/.exec(content);
  if (!match) return { content, priority: 0 };
  const rest = match[2] ?? '';
  if (type === 'MX') return { content: hostname(rest), priority: Number(match[1]) };
  // SRV: weight, port, target; only the target is a host name. A target of "." (RFC 2782: no service
  // here) stays "."; should the dot be dropped by the server, an SRV left with no target is that one.
  const parts = rest.split(/\s+/);
  if (parts.length === 2) parts.push('.');
  else if (parts.length > 2 && parts[2] !== '.') parts[2] = hostname(parts[2] as string);
  return { content: parts.join(' '), priority: Number(match[1]) };
}

/** Hostinger's zone-file content of the other types → SDK content. */
function plainContent(type: DnsRecordType, content: string): string {
  if (type === 'TXT') return parseTxt(content);
  if (type === 'CNAME' || type === 'NS') return hostname(content);
  if (type === 'AAAA') return content.toLowerCase();
  return content;
}

/** SDK record → Hostinger content: the priority goes back in front for MX/SRV, TXT is quoted. */
function toWireContent(record: NormalizedDnsRecord): string {
  if (record.type === 'MX' || record.type === 'SRV') return `${record.priority} ${record.content}`;
  if (record.type === 'TXT') return formatTxt(record.content);
  return record.content;
}

/** Flattens RRsets into records; types the SDK does not model (SOA, ALIAS) are left out. */
function flatten<R>(
  zone: readonly RRsetWire[],
  make: (type: DnsRecordType, name: string, content: string, ttl: number, priority: number) => R,
): R[] {
  // Plain loops: this runs once per record of every listing (thousands for a large zone).
  const out: R[] = [];
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
      if (r.is_disabled === true) continue;
      const raw = r.content.trim();
      if (withPriority) {
        const { content, priority } = splitPriority(withPriority, raw);
        out.push(make(type, name, content, ttl, priority));
      } else out.push(make(type, name, plainContent(type, raw), ttl, 0));
    }
  }
  return out;
}

/** The records of a zone, without ids. */
export function recordsFromZone(zone: readonly RRsetWire[]): NormalizedDnsRecord[] {
  return flatten(zone, (type, name, content, ttl, priority) => ({ type, name, content, ttl, priority }));
}

/** The records of a zone with their ids, each record allocated once. */
export function listFromZone(zone: readonly RRsetWire[]): DnsRecord[] {
  return setRecordIds(
    flatten(zone, (type, name, content, ttl, priority) => ({ id: '', type, name, content, ttl, priority })),
  );
}

/** Groups records into RRsets; a set takes the TTL of its first record. */
export function zoneFromRecords(records: readonly NormalizedDnsRecord[], overwrite: boolean): ZoneWriteWire {
  const sets = new Map<string, ZoneWriteWire['zone'][number]>();
  for (const r of records) {
    const key = `${r.name}\u0000${r.type}`;
    const set = sets.get(key) ?? { name: r.name, type: r.type, ttl: r.ttl, records: [] };
    set.records.push({ content: toWireContent(r) });
    sets.set(key, set);
  }
  return { overwrite, zone: [...sets.values()] };
}

function cnameConflict(
  existing: readonly NormalizedDnsRecord[],
  adding: readonly NormalizedDnsRecord[],
): string | undefined {
  for (const r of adding) {
    const others = existing.filter((e) => e.name === r.name && !sameRecord(e, r));
    if (r.type === 'CNAME' && others.length > 0)
      return `a CNAME at "${r.name}" cannot coexist with the existing ${others[0]?.type} record`;
    if (r.type !== 'CNAME' && others.some((e) => e.type === 'CNAME'))
      return `"${r.name}" already has a CNAME; no ${r.type} record can be added`;
  }
  return undefined;
}

/**
 * The Hostinger implementation of {@link DnsCapability}. `memo` (shared with `writeSets`) keeps what the
 * last listing showed of disabled records, which no write may lose.
 */
export function createDns(client: HostingerClient, memo = new DisabledRecordsMemo()): DnsCapability {
  const getZone = async (domain: string, signal: AbortSignal | undefined) => {
    try {
      const zone = (await client.request({ method: 'GET', path: domainPath(ZONES, domain), schema: ZoneWire, signal }))
        .data;
      memo.note(domain, zone);
      return zone;
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
  };

  /** Validates with `/validate` (a pure check, safe to retry), then applies with PUT. */
  const write = async (domain: string, body: ZoneWriteWire, signal: AbortSignal | undefined) => {
    await client.request({
      method: 'POST',
      path: domainPath(ZONES, domain, 'domain', 'validate'),
      json: body,
      schema: MessageWire,
      idempotent: true,
      signal,
    });
    // overwrite:false appends (not idempotent: a replay is a 4008 conflict); overwrite:true replaces.
    await client.request({
      method: 'PUT',
      path: domainPath(ZONES, domain),
      json: body,
      schema: MessageWire,
      idempotent: body.overwrite,
      signal,
    });
  };

  /**
   * Adds `adding` to the zone. Hostinger keeps one TTL per record set and an append rewrites it, so a
   * record joining an existing set takes the set's TTL; asking for another TTL there is refused rather
   * than silently changing the TTL of the records already in the set.
   */
  const append = async (
    domain: string,
    adding: NormalizedDnsRecord[],
    inputs: DnsRecordInput[],
    existing: NormalizedDnsRecord[],
    signal?: AbortSignal,
  ) => {
    const conflict = cnameConflict(existing, adding);
    if (conflict) throw new ConflictError(`Cannot add to ${domain}: ${conflict}`, { provider: 'hostinger' });
    const fields: Record<string, string[]> = {};
    const withTtl = adding.map((r, i) => {
      const set = existing.find((e) => e.name === r.name && e.type === r.type);
      if (!set) return r;
      if (inputs[i]?.ttl !== undefined && inputs[i]?.ttl !== set.ttl) {
        fields[inputs.length > 1 ? `records.${i}.ttl` : 'ttl'] = [
          `the ${r.type} records of "${r.name}" share TTL ${set.ttl}; omit ttl or use ${set.ttl}`,
        ];
      }
      return { ...r, ttl: set.ttl };
    });
    if (Object.keys(fields).length > 0)
      throw new ValidationError('Hostinger keeps one TTL per record set', { fields, provider: 'hostinger' });
    await write(domain, zoneFromRecords(withTtl, false), signal);
  };

  return {
    async list(domain: string, options?: CallOptions): Promise<DnsRecord[]> {
      return listFromZone(await getZone(domain, options?.signal));
    },

    async create(domain: string, record: DnsRecordInput, options?: CallOptions): Promise<void> {
      const zoneName = normalizeDomain(domain);
      const wanted = normalizeRecord(record, '', zoneName);
      const existing = recordsFromZone(await getZone(domain, options?.signal));
      if (existing.some((e) => sameRecord(e, wanted))) {
        throw new ConflictError(
          `${wanted.type} record "${wanted.name}" → "${wanted.content}" already exists in ${domain}`,
          { provider: 'hostinger' },
        );
      }
      await append(domain, [wanted], [record], existing, options?.signal);
    },

    async update(domain: string, records: DnsRecordInput[], options?: DnsUpdateOptions): Promise<void> {
      const wanted = validateRecords(records, normalizeDomain(domain));
      if (wanted.length === 0) return;
      if (options?.overwrite) {
        const disabled = memo.recent(domain) ?? disabledSets(await getZone(domain, options.signal));
        refuseDisabled(domain, disabled, wanted, 'replace');
        await write(domain, zoneFromRecords(wanted, true), options.signal);
        memo.written(domain, wanted);
        return;
      }
      const existing = recordsFromZone(await getZone(domain, options?.signal));
      const missing: NormalizedDnsRecord[] = [];
      const inputs: DnsRecordInput[] = [];
      wanted.forEach((r, i) => {
        if (existing.some((e) => sameRecord(e, r)) || missing.some((m) => sameRecord(m, r))) return;
        missing.push(r);
        inputs.push(records[i] as DnsRecordInput);
      });
      if (missing.length > 0) await append(domain, missing, inputs, existing, options?.signal);
    },

    async delete(domain: string, name: string, type: DnsRecordType, options?: DnsDeleteOptions): Promise<void> {
      domainPath(ZONES, domain);
      const setName = normalizeRecordName(name);
      const setType = typeof type === 'string' ? (type.toUpperCase() as DnsRecordType) : type;
      if (!TYPES.includes(setType))
        throw new ValidationError(`Invalid record type "${String(type)}"`, {
          fields: { type: [`must be one of ${TYPES.join(', ')}`] },
        });
      const signal = options?.signal;
      const deleteSet = () =>
        client.request({
          method: 'DELETE',
          path: domainPath(ZONES, domain),
          json: { filters: [{ name: setName, type: setType }] },
          schema: MessageWire,
          signal,
        });
      if (options?.content === undefined) {
        await deleteSet();
        return;
      }
      const target = normalizeRecord({ type: setType, name: setName, content: options.content });
      const zone = await getZone(domain, signal);
      refuseDisabled(domain, disabledSets(zone), [{ name: setName, type: setType }], 'remove one value of');
      const set = recordsFromZone(zone).filter((r) => r.name === setName && r.type === setType);
      const remaining = set.filter((r) => !sameRecord({ ...r, priority: 0 }, { ...target, priority: 0 }));
      // Nothing matched: the record is already gone, as the caller wants (deletes stay idempotent).
      if (remaining.length === set.length) return;
      if (remaining.length === 0) await deleteSet();
      else await write(domain, zoneFromRecords(remaining, true), signal);
    },

    async reset(domain: string, options?: CallOptions): Promise<void> {
      await client.request({
        method: 'POST',
        path: domainPath(ZONES, domain, 'domain', 'reset'),
        json: { sync: true, reset_email_records: true },
        schema: MessageWire,
        idempotent: false,
        signal: options?.signal,
      });
    },
  };
}
