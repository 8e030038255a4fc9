import type { Context, Hono } from 'hono';
import { SimulatorHttpError } from '../core/app.js';
import { checkCnameConflict, DO_RECORD_TYPES, recordAsInput, recordFromBody, zoneFile } from './records.js';
import { jsonBody, listResponse, notFound, unprocessable } from './responses.js';
import { defaultRecords } from './seed.js';
import type { DoDomain, DoRecordWire, DoRuntime } from './state.js';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** 204 with an empty body and a JSON content type, as DigitalOcean answers every DELETE. */
export const noContent = (): Response =>
  new Response(null, { status: 204, headers: { 'content-type': 'application/json; charset=utf-8' } });

const domainOut = (zone: DoDomain) => ({ name: zone.name, ttl: zone.ttl, zone_file: zoneFile(zone) });

/** Domain and record routes under `/v2/domains`: DigitalOcean's per-record DNS API. */
export function dnsRoutes(app: Hono, sim: DoRuntime): void {
  const zoneOf = (c: Context): DoDomain => {
    const zone = sim.state.domains.get((c.req.param('domain') ?? '').toLowerCase());
    if (!zone) throw notFound();
    return zone;
  };
  const recordOf = (c: Context): [DoDomain, DoRecordWire] => {
    const zone = zoneOf(c);
    const raw = c.req.param('id') ?? '';
    const found = /^\d+$/.test(raw) ? zone.records.find((r) => r.id === Number(raw)) : undefined;
    if (!found) throw notFound();
    return [zone, found];
  };
  const nextId = () => sim.state.nextId++;

  app.get('/v2/domains', (c) => listResponse(c, 'domains', [...sim.state.domains.values()].map(domainOut)));

  app.post('/v2/domains', async (c) => {
    const body = await jsonBody(c);
    const name = typeof body.name === 'string' ? body.name.toLowerCase() : '';
    if (!DOMAIN.test(name)) throw unprocessable('Name is not a valid domain name');
    if (sim.state.domains.has(name)) throw unprocessable('Name already exists');
    const zone: DoDomain = { name, ttl: 1800, records: defaultRecords(nextId) };
    if (body.ip_address !== undefined) {
      zone.records.push(recordFromBody({ type: 'A', name: '@', data: body.ip_address }, zone, nextId()));
    }
    sim.state.domains.set(name, zone);
    return c.json({ domain: { name, ttl: zone.ttl, zone_file: null } }, 201);
  });

  app.get('/v2/domains/:domain', (c) => c.json({ domain: domainOut(zoneOf(c)) }));

  app.delete('/v2/domains/:domain', (c) => {
    sim.state.domains.delete(zoneOf(c).name);
    return noContent();
  });

  app.get('/v2/domains/:domain/records', (c) => {
    const zone = zoneOf(c);
    const type = c.req.query('type');
    if (type !== undefined && !(DO_RECORD_TYPES as readonly string[]).includes(type))
      throw new SimulatorHttpError(400, 'type is not a supported record type');
    // `?name=` takes the FQDN (`www.example.com`), unlike the relative names the records carry.
    const fqdn = c.req.query('name')?.toLowerCase().replace(/\.$/, '');
    const records = zone.records.filter(
      (r) =>
        (type === undefined || r.type === type) &&
        (fqdn === undefined || fqdn === (r.name === '@' ? zone.name : `${r.name}.${zone.name}`)),
    );
    return listResponse(c, 'domain_records', records);
  });

  app.post('/v2/domains/:domain/records', async (c) => {
    const zone = zoneOf(c);
    const record = recordFromBody(await jsonBody(c), zone, nextId());
    checkCnameConflict(zone, record);
    zone.records.push(record);
    return c.json({ domain_record: record }, 201);
  });

  app.get('/v2/domains/:domain/records/:id', (c) => c.json({ domain_record: recordOf(c)[1] }));

  // PUT sets the whole record: a field left out is not kept from before. PATCH changes only what it names.
  const write = (partial: boolean) => async (c: Context) => {
    const [zone, current] = recordOf(c);
    const body = await jsonBody(c);
    if (body.type !== current.type) throw unprocessable('Type is required and cannot be changed');
    const merged = partial ? { ...recordAsInput(current), ...body } : body;
    if (current.type === 'SOA') {
      const ttl = merged.ttl;
      if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 30) throw unprocessable('TTL is invalid');
      current.ttl = ttl;
      return c.json({ domain_record: current });
    }
    const updated = recordFromBody({ ...merged, name: merged.name ?? current.name }, zone, current.id);
    checkCnameConflict(zone, updated);
    Object.assign(current, updated);
    return c.json({ domain_record: current });
  };
  app.put('/v2/domains/:domain/records/:id', write(false));
  app.patch('/v2/domains/:domain/records/:id', write(true));

  app.delete('/v2/domains/:domain/records/:id', (c) => {
    const [zone, record] = recordOf(c);
    if (record.type === 'SOA') throw unprocessable('The SOA record cannot be deleted');
    zone.records = zone.records.filter((r) => r.id !== record.id);
    return noContent();
  });
}
