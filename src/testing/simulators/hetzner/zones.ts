import type { Context, Hono } from 'hono';
import { isoNow } from '../core/app.js';
import { actionOut, assertUnlocked, startAction } from './actions.js';
import { checkCname, checkSetName, HZ_RECORD_TYPES, readRecords, readTtl } from './records.js';
import { HzHttpError, invalidInput, jsonBody, listResponse, notFound, notUnique } from './responses.js';
import { defaultSets, HZ_NAME_SERVERS } from './seed.js';
import type { HzRRSet, HzRuntime, HzZone } from './state.js';

const ZONE_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const TYPES: readonly string[] = HZ_RECORD_TYPES;

/** A zone as Hetzner answers it. */
export const zoneOut = (zone: HzZone) => ({
  id: zone.id,
  name: zone.name,
  created: zone.created,
  mode: zone.mode,
  ttl: zone.ttl,
  labels: zone.labels,
  protection: zone.protection,
  record_count: [...zone.rrsets.values()].reduce((n, s) => n + s.records.length, 0),
  status: 'ok',
  registrar: 'hetzner',
  authoritative_nameservers: {
    assigned: HZ_NAME_SERVERS.map((ns) => `${ns}.`),
    delegated: [],
    delegation_last_check: null,
    delegation_status: 'unknown',
  },
});

const rrsetOut = (zone: HzZone, set: HzRRSet) => ({
  id: `${set.name}/${set.type}`,
  name: set.name,
  type: set.type,
  ttl: set.ttl,
  labels: set.labels,
  protection: set.protection,
  records: set.records.map((r) => ({ ...r })),
  zone: zone.id,
});

/** Zone and record-set routes: Hetzner's RRSet API, every write answered with an action. */
export function zoneRoutes(app: Hono, sim: HzRuntime): void {
  const zoneOf = (c: Context, writing = false): HzZone => {
    const ref = c.req.param('zone') ?? '';
    const zone = [...sim.state.zones.values()].find((z) => z.name === ref || String(z.id) === ref);
    if (!zone) throw notFound('zone');
    if (writing === true && zone.mode === 'secondary')
      throw new HzHttpError(422, 'incorrect_zone_mode', 'record sets of a secondary zone cannot be changed');
    if (writing && sim.state.zoneLocks) assertUnlocked(sim.state, 'zone', zone.id);
    return zone;
  };
  const typeOf = (c: Context): string => {
    const type = c.req.param('type') ?? '';
    if (!TYPES.includes(type)) throw invalidInput('type', 'is not a supported record type');
    return type;
  };
  const setOf = (c: Context, zone: HzZone): HzRRSet => {
    const set = zone.rrsets.get(`${c.req.param('name')}/${typeOf(c)}`);
    if (!set) throw notFound('rrset');
    return set;
  };
  const changeable = (set: HzRRSet) => {
    if (set.protection.change) throw new HzHttpError(423, 'protected', 'the record set is protected against changes');
  };
  const done = (c: Context, zone: HzZone, command: string, status: 200 | 201 = 201) =>
    c.json({ action: actionOut(startAction(sim.state, command, [{ id: zone.id, type: 'zone' }])) }, status);

  app.get('/v1/zones', (c) => {
    const name = c.req.query('name');
    const mode = c.req.query('mode');
    const zones = [...sim.state.zones.values()].filter(
      (z) => (name === undefined || z.name === name) && (mode === undefined || z.mode === mode),
    );
    return listResponse(c, 'zones', zones.map(zoneOut));
  });

  app.post('/v1/zones', async (c) => {
    const body = await jsonBody(c);
    const name = typeof body.name === 'string' ? body.name : '';
    if (!ZONE_NAME.test(name)) throw invalidInput('name', 'must be a lower-case domain name without a trailing dot');
    if (body.mode !== 'primary' && body.mode !== 'secondary')
      throw invalidInput('mode', 'must be primary or secondary');
    if ([...sim.state.zones.values()].some((z) => z.name === name)) throw notUnique('name', 'zone already exists');
    const ttl = readTtl(body.ttl) ?? 3600;
    const zone: HzZone = {
      id: sim.state.nextId++,
      name,
      mode: body.mode,
      ttl,
      created: isoNow(),
      labels: {},
      protection: { delete: false },
      rrsets: defaultSets(name),
    };
    sim.state.zones.set(name, zone);
    const action = startAction(sim.state, 'create_zone', [{ id: zone.id, type: 'zone' }]);
    return c.json({ zone: zoneOut(zone), action: actionOut(action) }, 201);
  });

  app.get('/v1/zones/:zone', (c) => c.json({ zone: zoneOut(zoneOf(c)) }));

  app.delete('/v1/zones/:zone', (c) => {
    const zone = zoneOf(c);
    if (zone.protection.delete) throw new HzHttpError(423, 'protected', 'the zone is protected against deletion');
    sim.state.zones.delete(zone.name);
    return done(c, zone, 'delete_zone');
  });

  app.get('/v1/zones/:zone/rrsets', (c) => {
    const zone = zoneOf(c);
    if (zone.mode === 'secondary') zoneOf(c, true);
    const name = c.req.query('name');
    const types = c.req.queries('type');
    const sets = [...zone.rrsets.values()].filter(
      (s) => (name === undefined || s.name === name) && (!types || types.includes(s.type)),
    );
    return listResponse(
      c,
      'rrsets',
      sets.map((s) => rrsetOut(zone, s)),
      100,
    );
  });

  app.post('/v1/zones/:zone/rrsets', async (c) => {
    const zone = zoneOf(c, true);
    const body = await jsonBody(c);
    const name = typeof body.name === 'string' ? body.name : '';
    checkSetName(name, zone);
    const type = typeof body.type === 'string' && TYPES.includes(body.type) ? body.type : '';
    if (!type || type === 'SOA') throw invalidInput('type', 'is not a record type that can be created');
    if (zone.rrsets.has(`${name}/${type}`)) throw notUnique('name', 'record set already exists');
    const set: HzRRSet = {
      name,
      type,
      ttl: readTtl(body.ttl),
      labels: {},
      protection: { change: false },
      records: readRecords(body.records, type, 1000),
    };
    checkCname(zone, name, type);
    zone.rrsets.set(`${name}/${type}`, set);
    const action = startAction(sim.state, 'create_rrset', [{ id: zone.id, type: 'zone' }]);
    return c.json({ rrset: rrsetOut(zone, set), action: actionOut(action) }, 201);
  });

  app.get('/v1/zones/:zone/rrsets/:name/:type', (c) => {
    const zone = zoneOf(c);
    return c.json({ rrset: rrsetOut(zone, setOf(c, zone)) });
  });

  app.delete('/v1/zones/:zone/rrsets/:name/:type', (c) => {
    const zone = zoneOf(c, true);
    const set = setOf(c, zone);
    changeable(set);
    zone.rrsets.delete(`${set.name}/${set.type}`);
    return done(c, zone, 'delete_rrset');
  });

  app.post('/v1/zones/:zone/rrsets/:name/:type/actions/:action', async (c) => {
    const zone = zoneOf(c, true);
    const type = typeOf(c);
    const name = c.req.param('name');
    const body = await jsonBody(c);
    const existing = zone.rrsets.get(`${name}/${type}`);
    if (existing) changeable(existing);
    switch (c.req.param('action')) {
      case 'add_records': {
        checkSetName(name, zone);
        const records = readRecords(body.records, type);
        const ttl = readTtl(body.ttl);
        if (existing) {
          if (body.ttl !== undefined && existing.ttl !== null && ttl !== existing.ttl)
            throw invalidInput('ttl', 'must be the TTL of the record set');
          existing.records.push(...records.filter((r) => !existing.records.some((x) => x.value === r.value)));
        } else {
          checkCname(zone, name, type);
          zone.rrsets.set(`${name}/${type}`, { name, type, ttl, labels: {}, protection: { change: false }, records });
        }
        return done(c, zone, 'add_rrset_records');
      }
      case 'remove_records': {
        const set = setOf(c, zone);
        const gone = new Set(readRecords(body.records, 'any').map((r) => r.value));
        set.records = set.records.filter((r) => !gone.has(r.value));
        if (set.records.length === 0) zone.rrsets.delete(`${set.name}/${set.type}`);
        return done(c, zone, 'remove_rrset_records');
      }
      case 'set_records': {
        const set = setOf(c, zone);
        set.records = readRecords(body.records, type);
        return done(c, zone, 'set_rrset_records');
      }
      case 'update_records': {
        const set = setOf(c, zone);
        for (const r of readRecords(body.records, 'any')) {
          const found = set.records.find((x) => x.value === r.value);
          if (found) found.comment = r.comment;
        }
        return done(c, zone, 'update_rrset_records', 200);
      }
      case 'change_ttl': {
        const set = setOf(c, zone);
        if (!('ttl' in body)) throw invalidInput('ttl', 'is required');
        set.ttl = readTtl(body.ttl);
        return done(c, zone, 'change_rrset_ttl');
      }
      default:
        throw notFound('action');
    }
  });
}
