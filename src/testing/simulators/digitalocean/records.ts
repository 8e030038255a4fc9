import { isIP } from 'node:net';
import type { DoDomain, DoRecordWire } from './state.js';
import { unprocessable } from './responses.js';

/** Record types DigitalOcean DNS knows (the `type` enum of records and of the `?type=` filter). */
export const DO_RECORD_TYPES = ['A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'SOA', 'SRV', 'TXT'] as const;

/** Types whose `data` is a host name: the API wants it absolute, with a trailing dot (or `@`). */
const HOST_TYPES = new Set(['CNAME', 'MX', 'NS', 'SRV']);
const CAA_TAGS = new Set(['issue', 'issuewild', 'iodef']);
const LABEL = /^(\*|_?[a-z0-9]([a-z0-9_-]{0,61}[a-z0-9])?)$/i;
const MIN_TTL = 30;
const DEFAULT_TTL = 1800;

const int = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/** `www.example.com.` → `www`, `example.com.` → `@`; a relative name is kept; lowercase either way. */
function relativeName(raw: string, zone: string): string {
  const name = raw.toLowerCase();
  if (!name.endsWith('.')) return name;
  const absolute = name.slice(0, -1);
  if (absolute === zone) return '@';
  if (absolute.endsWith(`.${zone}`)) return absolute.slice(0, -(zone.length + 1));
  throw unprocessable(`Name ${raw} is not in the zone ${zone}`);
}

function checkName(name: string): void {
  if (name === '@') return;
  if (name.length > 253 || !name.split('.').every((label) => LABEL.test(label)))
    throw unprocessable(`Name ${name} is not a valid host name`);
}

/** A host in `data`: `@`, or absolute with its trailing dot, which DigitalOcean strips when it stores it. */
function hostData(data: string): string {
  // "@" is the apex; "." is the root (an SRV target meaning "no service here"), kept as it is.
  if (data === '@' || data === '.') return data;
  if (!data.endsWith('.')) throw unprocessable('Data needs to end with a dot (.)');
  return data.slice(0, -1).toLowerCase();
}

function port16(body: Record<string, unknown>, field: 'priority' | 'port' | 'weight'): number {
  const value = body[field];
  if (!int(value) || value < 0 || value > 65535) throw unprocessable(`${field} must be an integer from 0 to 65535`);
  return value;
}

/**
 * Checks a record body as DigitalOcean's DNS does, per type (not per the spec's `required` lists), and
 * returns the record to store. Throws the 422 DigitalOcean would answer.
 */
export function recordFromBody(body: Record<string, unknown>, zone: DoDomain, id: number): DoRecordWire {
  const type = body.type;
  if (typeof type !== 'string' || !(DO_RECORD_TYPES as readonly string[]).includes(type))
    throw unprocessable('Type is not a supported record type');
  if (type === 'SOA') throw unprocessable('SOA records are created with the zone and cannot be added');
  if (typeof body.name !== 'string' || body.name === '') throw unprocessable('Name is required');
  const name = relativeName(body.name, zone.name);
  checkName(name);
  if (typeof body.data !== 'string' || body.data === '') throw unprocessable('Data is required');
  const ttl = body.ttl ?? DEFAULT_TTL;
  if (!int(ttl) || ttl < MIN_TTL) throw unprocessable(`TTL must be an integer of at least ${MIN_TTL} seconds`);
  const stored: DoRecordWire = {
    id,
    type,
    name,
    data: body.data,
    priority: null,
    port: null,
    ttl,
    weight: null,
    flags: null,
    tag: null,
  };
  if (type === 'A' && isIP(body.data) !== 4) throw unprocessable('Data must be a valid IPv4 address');
  if (type === 'AAAA' && isIP(body.data) !== 6) throw unprocessable('Data must be a valid IPv6 address');
  if (HOST_TYPES.has(type)) stored.data = hostData(body.data);
  if (type === 'MX' || type === 'SRV') stored.priority = port16(body, 'priority');
  if (type === 'SRV') Object.assign(stored, { port: port16(body, 'port'), weight: port16(body, 'weight') });
  if (type === 'CAA') {
    const { flags, tag } = body;
    if (!int(flags) || flags < 0 || flags > 255) throw unprocessable('Flags must be an integer from 0 to 255');
    if (typeof tag !== 'string' || !CAA_TAGS.has(tag)) throw unprocessable('Tag must be issue, issuewild or iodef');
    Object.assign(stored, { flags, tag, data: tag === 'iodef' || body.data === ';' ? body.data : hostData(body.data) });
  }
  return stored;
}

/** A stored record back in the form a request sends it (hosts absolute again), for a PATCH to build on. */
export function recordAsInput(record: DoRecordWire): Record<string, unknown> {
  const { id: _id, ...input } = record;
  const caaHost = record.type === 'CAA' && record.tag !== 'iodef' && record.data !== ';';
  if ((HOST_TYPES.has(record.type) || caaHost) && record.data !== '@') input.data = `${record.data}.`;
  return input;
}

/** Refuses a CNAME that would share its name with another record, or a record next to a CNAME. */
export function checkCnameConflict(zone: DoDomain, candidate: DoRecordWire): void {
  const others = zone.records.filter((r) => r.id !== candidate.id && r.name === candidate.name);
  if (others.some((r) => r.type === 'CNAME') || (candidate.type === 'CNAME' && others.length > 0))
    throw unprocessable('CNAME records cannot share a name with other records');
}

const absolute = (name: string, zone: string): string => (name === '@' ? `${zone}.` : `${name}.${zone}.`);
const hostOut = (data: string, zone: string): string => (data === '@' ? `${zone}.` : data === '.' ? '.' : `${data}.`);

/** The zone as a master file, the form `Domain.zone_file` carries (with the SOA that is not a record resource). */
export function zoneFile(zone: DoDomain): string {
  const lines = [`$ORIGIN ${zone.name}.`, `$TTL ${zone.ttl}`];
  lines.push(
    `${zone.name}. IN SOA ns1.digitalocean.com. hostmaster.${zone.name}. 1415982611 10800 3600 604800 ${zone.ttl}`,
  );
  for (const r of zone.records) {
    if (r.type === 'SOA') continue;
    let value = r.data;
    if (HOST_TYPES.has(r.type)) value = hostOut(r.data, zone.name);
    if (r.type === 'TXT') value = JSON.stringify(r.data);
    if (r.type === 'MX') value = `${r.priority} ${value}`;
    if (r.type === 'SRV') value = `${r.priority} ${r.weight} ${r.port} ${value}`;
    if (r.type === 'CAA') value = `${r.flags} ${r.tag} "${r.data}"`;
    lines.push(`${absolute(r.name, zone.name)} ${r.ttl} IN ${r.type} ${value}`);
  }
  return `${lines.join('\n')}\n`;
}
