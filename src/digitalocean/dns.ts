/**
 * DigitalOcean DNS (`/v2/domains/{domain}/records`) on the provider kit: `createDnsCapability` owns the
 * DNS rules; this file is how DigitalOcean's per-record API reads a zone and writes record sets (a POST per
 * record added, a whole-record PUT per record changed, a DELETE per record removed), and its own reset to
 * the SOA and the apex NS records.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { CallOptions } from '../core/call-options.js';
import type { DnsLimits, DnsRecordInput } from '../core/dns.js';
import { isNotFoundError } from '../core/errors.js';
import { recordIdentity, type NormalizedDnsRecord } from '../core/validation/index.js';
import { apiPath } from '../kit/index.js';
import { createDnsCapability, type KitDnsCapability } from '../provider-kit/dns-capability.js';
import type { DnsSetChanges, DnsWriteOptions } from '../provider-kit/dns-source.js';
import { type DigitalOceanClient, listAll } from './client.js';
import { RecordWire, type StoredRecord, recordFromWire, recordToWire } from './dns-records.js';

/** The name servers DigitalOcean puts at the apex of every zone it hosts. */
export const DIGITALOCEAN_NAME_SERVERS = ['ns1.digitalocean.com', 'ns2.digitalocean.com', 'ns3.digitalocean.com'];

/** DigitalOcean keeps a TTL per record (of at least 30 s). */
export const DIGITALOCEAN_DNS_LIMITS: DnsLimits = { ttl: 'per-record', minTtl: 30 };

/** A write's answer: an object (the record in it is not read). */
const RecordAnswer = z.looseObject({});
const inSet = (set: { name: string; type: string }) => (r: { name: string; type: string }) =>
  r.name === set.name && r.type === set.type;

/** The DigitalOcean DNS group: the kit's rules on DigitalOcean's per-record calls. */
export function createDns(client: DigitalOceanClient): KitDnsCapability {
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
      await client.request({ method: 'DELETE', path: recordsPath(zone, id), signal });
    } catch (error) {
      if (!isNotFoundError(error)) throw error;
    }
  };

  /** The writes that make one set hold exactly `wanted`: keep equal records, rewrite spare ones, delete, add. */
  const setWrites = (zone: string, current: StoredRecord[], wanted: NormalizedDnsRecord[], signal?: AbortSignal) => {
    const spare = [...current];
    const missing: NormalizedDnsRecord[] = [];
    for (const record of wanted) {
      const i = spare.findIndex((r) => recordIdentity(r) === recordIdentity(record) && r.ttl === record.ttl);
      if (i === -1) missing.push(record);
      else spare.splice(i, 1);
    }
    const writes: Array<() => Promise<unknown>> = [];
    for (const record of missing) {
      // Rewrite a spare record in place (the same value first, e.g. a new TTL), else add one.
      const same = spare.findIndex((r) => recordIdentity(r) === recordIdentity(record));
      const reuse = same === -1 ? spare.shift() : spare.splice(same, 1)[0];
      writes.push(reuse ? () => put(zone, reuse.doId, record, signal) : () => post(zone, record, signal));
    }
    for (const leftover of spare) writes.push(() => remove(zone, leftover.doId, signal));
    return writes;
  };

  /** Every removed set's records, then each replaced set record by record; each landed write is reported. */
  const write = async (zone: string, changes: DnsSetChanges, options?: DnsWriteOptions) => {
    const signal = options?.signal;
    const current = (options?.current as StoredRecord[] | undefined) ?? (await read(zone, signal));
    const writes: Array<() => Promise<unknown>> = [];
    for (const set of changes.delete)
      for (const r of current.filter(inSet(set))) writes.push(() => remove(zone, r.doId, signal));
    for (const set of changes.replace) {
      const wanted = set.records.map((r) => ({
        type: set.type,
        name: set.name,
        content: r.content,
        ttl: r.ttl ?? set.ttl,
        priority: r.priority ?? 0,
      }));
      writes.push(...setWrites(zone, current.filter(inSet(set)), wanted, signal));
    }
    let done = 0;
    for (const send of writes) {
      signal?.throwIfAborted();
      await send();
      options?.onProgress?.(++done, writes.length);
    }
  };

  /** Back to what DigitalOcean creates a zone with: the SOA (never listed) and its three apex NS records. */
  const reset = async (zone: string, options?: CallOptions) => {
    const signal = options?.signal;
    const current = await read(zone, signal);
    const isDefault = (r: StoredRecord) =>
      r.type === 'NS' && r.name === '@' && DIGITALOCEAN_NAME_SERVERS.includes(r.content);
    for (const r of current) if (!isDefault(r)) await remove(zone, r.doId, signal);
    for (const ns of DIGITALOCEAN_NAME_SERVERS) {
      if (current.some((r) => isDefault(r) && r.content === ns)) continue;
      await post(zone, { type: 'NS', name: '@', content: ns, ttl: 1800, priority: 0 }, signal);
    }
  };

  return createDnsCapability({
    provider: 'digitalocean',
    limits: DIGITALOCEAN_DNS_LIMITS,
    read: (zone, o): Promise<DnsRecordInput[]> => read(zone, o?.signal),
    write,
    reset,
  });
}
