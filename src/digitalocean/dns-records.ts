/**
 * DigitalOcean DNS records ↔ the SDK's records. DigitalOcean keeps `priority`, `port`, `weight`, `flags`
 * and `tag` in fields of their own; the SDK folds SRV's `weight port target` and CAA's `flags tag value`
 * into `content`, as in a zone file. Host names go out absolute with a trailing dot (the API reads a
 * name without it as relative to the zone) and come back without it; `@` in `data` is the apex.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import { DNS_RECORD_TYPES, type DnsRecordType } from '../core/dns.js';
import { formatCaa, parseCaa, type NormalizedDnsRecord } from '../core/validation/index.js';
import { maybeNumber, maybeString } from '../kit/index.js';

/** One record as DigitalOcean lists it. */
export const RecordWire = z.looseObject({
  id: z.number(),
  type: z.string(),
  name: z.string(),
  data: maybeString,
  priority: maybeNumber,
  port: maybeNumber,
  ttl: maybeNumber,
  weight: maybeNumber,
  flags: maybeNumber,
  tag: maybeString,
});
export type RecordWire = z.infer<typeof RecordWire>;

/** A record of the SDK together with the DigitalOcean id it is stored under. */
export interface StoredRecord extends NormalizedDnsRecord {
  doId: number;
}

const TYPES: readonly string[] = DNS_RECORD_TYPES;
const HOST_TYPES = new Set(['CNAME', 'MX', 'NS', 'SRV']);
/** A CAA value that is a plain CA domain (DigitalOcean wants it absolute, like a host name). */
const CAA_DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;

/** A host from `data`: `@` is the apex; the trailing dot (when the API keeps one) is dropped. */
function hostFromData(data: string, zone: string): string {
  if (data === '@' || data === '') return zone;
  return data.replace(/\.$/, '').toLowerCase();
}

const relativeName = (name: string, zone: string): string => {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n === zone || n === '@' || n === '') return '@';
  return n.endsWith(`.${zone}`) ? n.slice(0, -(zone.length + 1)) : n;
};

/**
 * The SDK record for a listed DigitalOcean record, or `undefined` for one the SDK does not model
 * (the SOA, which DigitalOcean lists as a record but which cannot be written).
 */
export function recordFromWire(wire: RecordWire, zone: string): StoredRecord | undefined {
  if (!TYPES.includes(wire.type)) return undefined;
  const type = wire.type as DnsRecordType;
  const data = wire.data ?? '';
  let content = data;
  if (HOST_TYPES.has(type)) content = hostFromData(data, zone);
  // An SRV target of "." (RFC 2782: no service here) is the root, not the apex (`@`): it stays "."
  // (and an empty target, the root with its one dot stripped, is read as it).
  if (type === 'SRV')
    content = `${wire.weight ?? 0} ${wire.port ?? 0} ${data === '.' || data === '' ? '.' : hostFromData(data, zone)}`;
  if (type === 'CAA') {
    const value = wire.tag !== 'iodef' && CAA_DOMAIN.test(data.replace(/\.$/, '')) ? data.replace(/\.$/, '') : data;
    content = formatCaa({ flags: wire.flags ?? 0, tag: wire.tag ?? '', value });
  }
  if (type === 'AAAA') content = data.toLowerCase();
  const priority = type === 'MX' || type === 'SRV' ? (wire.priority ?? 0) : 0;
  return { doId: wire.id, type, name: relativeName(wire.name, zone), content, ttl: wire.ttl ?? 1800, priority };
}

const absolute = (host: string): string => (host.endsWith('.') ? host : `${host}.`);

/** The body DigitalOcean wants for a record (the whole record: a PUT does not keep fields left out). */
export function recordToWire(record: NormalizedDnsRecord): Record<string, unknown> {
  const body: Record<string, unknown> = {
    type: record.type,
    name: record.name,
    data: record.content,
    priority: null,
    port: null,
    ttl: record.ttl,
    weight: null,
    flags: null,
    tag: null,
  };
  switch (record.type) {
    case 'CNAME':
    case 'NS':
      body.data = absolute(record.content);
      break;
    case 'MX':
      Object.assign(body, { data: absolute(record.content), priority: record.priority });
      break;
    case 'SRV': {
      const [weight = '0', port = '0', target = '.'] = record.content.split(' ');
      Object.assign(body, {
        data: target === '.' ? '.' : absolute(target),
        priority: record.priority,
        weight: Number(weight),
        port: Number(port),
      });
      break;
    }
    case 'CAA': {
      const { flags, tag, value } = parseCaa(record.content) ?? { flags: 0, tag: '', value: record.content };
      const host = tag !== 'iodef' && CAA_DOMAIN.test(value);
      Object.assign(body, { flags, tag, data: host ? absolute(value) : value });
      break;
    }
  }
  return body;
}
