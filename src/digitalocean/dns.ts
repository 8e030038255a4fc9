/**
 * DigitalOcean DNS (`/v2/domains/{domain}/records`): one API call per record, with the SDK's DNS
 * semantics built on top: stable `name/type/priority` ids, `create` that never overwrites, idempotent
 * merges, overwrite of only the named record sets, delete of a set or of one value, reset to the SOA
 * and the apex NS records. Every input is validated before the zone is even read.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { CallOptions } from '../core/call-options.js';
import { DNS_RECORD_TYPES } from '../core/dns.js';
import type {
  DnsCapability,
  DnsDeleteOptions,
  DnsLimits,
  DnsRecordInput,
  DnsRecordSetChanges,
  DnsUpdateOptions,
  DnsWriteSetsOptions,
} from '../core/dns.js';
import { ConflictError, ValidationError, isNotFoundError } from '../core/errors.js';
import { assignRecordIds } from '../core/record-id.js';
import {
  type NormalizedDnsRecord,
  assertZoneConsistent,
  normalizeDomain,
  normalizeRecord,
  normalizeRecordName,
  sameRecord,
  validateRecords,
  validateSetChanges,
} from '../core/validation/index.js';
import { apiPath } from '../kit/index.js';
import { type DigitalOceanClient, listAll } from './client.js';
import { RecordWire, type StoredRecord, recordFromWire, recordToWire } from './dns-records.js';

/** The name servers DigitalOcean puts at the apex of every zone it hosts. */
export const DIGITALOCEAN_NAME_SERVERS = ['ns1.digitalocean.com', 'ns2.digitalocean.com', 'ns3.digitalocean.com'];

const PROVIDER = 'digitalocean';

/** DigitalOcean keeps a TTL per record (of at least 30 s). */
export const DIGITALOCEAN_DNS_LIMITS: DnsLimits = { ttl: 'per-record', minTtl: 30 };
const RecordAnswer = z.looseObject({ domain_record: z.optional(z.unknown()) });
const NoContent = z.optional(z.unknown());
const setKey = (r: { name: string; type: string }) => `${r.name}\u0000${r.type}`;

/** A CNAME clash with records already in the zone is a conflict with its state (409), not bad input. */
function assertFits(zone: string, next: readonly NormalizedDnsRecord[]): void {
  try {
    assertZoneConsistent(next);
  } catch (error) {
    const detail = error instanceof ValidationError ? Object.values(error.fields).flat().join('; ') : String(error);
    throw new ConflictError(`The change conflicts with records in ${zone}: ${detail}`, {
      provider: PROVIDER,
      cause: error,
    });
  }
}

/**
 * The TTL a record joining an existing set takes: the set's (DigitalOcean keeps one TTL per name); a
 * different TTL asked for explicitly is refused rather than leaving the set with two.
 */
function ttlInSet(record: NormalizedDnsRecord, given: number | undefined, set: readonly StoredRecord[], field: string) {
  const ttl = set[0]?.ttl;
  if (ttl === undefined || ttl === record.ttl) return record;
  if (given !== undefined)
    throw new ValidationError(`The ${record.type} records of "${record.name}" share one TTL (${ttl})`, {
      fields: { [field]: [`must be ${ttl}, the TTL of the other ${record.type} records of "${record.name}"`] },
      provider: PROVIDER,
    });
  return { ...record, ttl };
}

/** The DigitalOcean implementation of {@link DnsCapability}. */
export function createDns(client: DigitalOceanClient): DnsCapability {
  const recordsPath = (zone: string, ...rest: (string | number)[]) => apiPath(`v2/domains/${zone}/records`, ...rest);

  const read = async (zone: string, signal?: AbortSignal): Promise<StoredRecord[]> => {
    const wires = await listAll(client, recordsPath(zone), 'domain_records', RecordWire, { signal });
    const out: StoredRecord[] = [];
    for (const wire of wires) {
      const record = recordFromWire(wire, zone);
      if (record) out.push(record);
    }
    return out;
  };

  const post = (zone: string, record: NormalizedDnsRecord, signal?: AbortSignal) =>
    client.request({
      method: 'POST',
      path: recordsPath(zone),
      json: recordToWire(record),
      schema: RecordAnswer,
      idempotent: false,
      signal,
    });

  // A PUT sends the whole record (DigitalOcean does not keep fields left out); setting it twice is harmless.
  const put = (zone: string, id: number, record: NormalizedDnsRecord, signal?: AbortSignal) =>
    client.request({
      method: 'PUT',
      path: recordsPath(zone, id),
      json: recordToWire(record),
      schema: RecordAnswer,
      idempotent: true,
      signal,
    });

  // 404 on a DELETE means the record is already gone: the outcome asked for.
  const remove = async (zone: string, id: number, signal?: AbortSignal) => {
    try {
      await client.request({ method: 'DELETE', path: recordsPath(zone, id), schema: NoContent, signal });
    } catch (error) {
      if (!isNotFoundError(error)) throw error;
    }
  };

  /** The writes that make the set `name`+`type` hold exactly `wanted`: keep equal records, rewrite, delete, add. */
  const setWrites = (
    zone: string,
    current: StoredRecord[],
    wanted: NormalizedDnsRecord[],
    signal?: AbortSignal,
  ): Array<() => Promise<unknown>> => {
    const spare = [...current];
    const missing: NormalizedDnsRecord[] = [];
    for (const record of wanted) {
      const i = spare.findIndex((r) => sameRecord(r, record) && r.ttl === record.ttl);
      if (i === -1) missing.push(record);
      else spare.splice(i, 1);
    }
    const writes: Array<() => Promise<unknown>> = [];
    for (const record of missing) {
      // Rewrite a spare record in place (the same value first, e.g. a new TTL), else add one.
      const same = spare.findIndex((r) => sameRecord(r, record));
      const reuse = same === -1 ? spare.shift() : spare.splice(same, 1)[0];
      writes.push(reuse ? () => put(zone, reuse.doId, record, signal) : () => post(zone, record, signal));
    }
    for (const leftover of spare) writes.push(() => remove(zone, leftover.doId, signal));
    return writes;
  };

  const replaceSet = async (
    zone: string,
    current: StoredRecord[],
    wanted: NormalizedDnsRecord[],
    signal?: AbortSignal,
  ) => {
    for (const write of setWrites(zone, current, wanted, signal)) await write();
  };

  return {
    limits: DIGITALOCEAN_DNS_LIMITS,

    async list(domain: string, options?: CallOptions) {
      const zone = normalizeDomain(domain);
      return assignRecordIds(await read(zone, options?.signal));
    },

    async create(domain: string, input: DnsRecordInput, options?: CallOptions) {
      const zone = normalizeDomain(domain);
      let record = normalizeRecord(input, '', zone);
      const current = await read(zone, options?.signal);
      if (current.some((r) => sameRecord(r, record)))
        throw new ConflictError(
          `The record ${record.name} ${record.type} "${record.content}" already exists in ${zone}`,
          {
            provider: PROVIDER,
          },
        );
      record = ttlInSet(
        record,
        input.ttl,
        current.filter((r) => setKey(r) === setKey(record)),
        'ttl',
      );
      assertFits(zone, [...current, record]);
      await post(zone, record, options?.signal);
    },

    async update(domain: string, inputs: DnsRecordInput[], options: DnsUpdateOptions = {}) {
      const zone = normalizeDomain(domain);
      const records = validateRecords(inputs, zone);
      const signal = options.signal;
      const current = await read(zone, signal);
      const bySet = new Map<string, NormalizedDnsRecord[]>();
      for (const r of records) bySet.set(setKey(r), [...(bySet.get(setKey(r)) ?? []), r]);
      if (options.overwrite) {
        const next = [...current.filter((r) => !bySet.has(setKey(r))), ...records];
        assertFits(zone, next);
        for (const [key, wanted] of bySet) {
          const set = current.filter((r) => setKey(r) === key);
          await replaceSet(zone, set, wanted, signal);
        }
        return;
      }
      // Merge: add only what is missing; records already there are kept as they are.
      const added: NormalizedDnsRecord[] = [];
      records.forEach((record, i) => {
        if ([...current, ...added].some((r) => sameRecord(r, record))) return;
        const set = current.filter((r) => setKey(r) === setKey(record));
        added.push(ttlInSet(record, inputs[i]?.ttl, set, `records.${i}.ttl`));
      });
      assertFits(zone, [...current, ...added]);
      for (const record of added) await post(zone, record, signal);
    },

    async delete(domain: string, name: string, type, options: DnsDeleteOptions = {}) {
      const zone = normalizeDomain(domain);
      const n = normalizeRecordName(name);
      if (!(DNS_RECORD_TYPES as readonly string[]).includes(type))
        throw new ValidationError(`Unknown DNS record type "${String(type)}"`, {
          fields: { type: [`must be one of ${DNS_RECORD_TYPES.join(', ')}`] },
          provider: PROVIDER,
        });
      // The content is checked and normalised like a record's, so it matches the listing.
      const target =
        options.content === undefined
          ? undefined
          : normalizeRecord({ type, name: n, content: options.content }, '', zone);
      const current = await read(zone, options.signal);
      const doomed = current.filter(
        (r) => r.name === n && r.type === type && (!target || sameRecord({ ...target, priority: r.priority }, r)),
      );
      for (const r of doomed) await remove(zone, r.doId, options.signal);
    },

    async writeSets(domain: string, changes: DnsRecordSetChanges, options?: DnsWriteSetsOptions) {
      const zone = normalizeDomain(domain);
      // DigitalOcean keeps a TTL per record: a set whose records have different TTLs is written as it is.
      const batch = validateSetChanges(changes, zone, { ttlPerRecord: true });
      const signal = options?.signal;
      const current = await read(zone, signal);
      const named = new Set([...batch.replace, ...batch.delete].map(setKey));
      const next = [...current.filter((r) => !named.has(setKey(r))), ...batch.replace.flatMap((s) => s.records)];
      assertFits(zone, next);
      const writes: Array<() => Promise<unknown>> = [];
      for (const set of batch.delete)
        for (const r of current.filter((x) => setKey(x) === setKey(set)))
          writes.push(() => remove(zone, r.doId, signal));
      for (const set of batch.replace)
        writes.push(
          ...setWrites(
            zone,
            current.filter((r) => setKey(r) === setKey(set)),
            set.records,
            signal,
          ),
        );
      let done = 0;
      for (const write of writes) {
        signal?.throwIfAborted();
        await write();
        options?.onProgress?.(++done, writes.length);
      }
    },

    async reset(domain: string, options?: CallOptions) {
      const zone = normalizeDomain(domain);
      const signal = options?.signal;
      const current = await read(zone, signal);
      const isDefault = (r: StoredRecord) =>
        r.type === 'NS' && r.name === '@' && DIGITALOCEAN_NAME_SERVERS.includes(r.content);
      for (const r of current) if (!isDefault(r)) await remove(zone, r.doId, signal);
      for (const ns of DIGITALOCEAN_NAME_SERVERS) {
        if (current.some((r) => isDefault(r) && r.content === ns)) continue;
        await post(zone, { type: 'NS', name: '@', content: ns, ttl: 1800, priority: 0 }, signal);
      }
    },
  };
}
