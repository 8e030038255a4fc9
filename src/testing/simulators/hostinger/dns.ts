import type { Hono } from 'hono';
import * as z from 'zod/mini';
import { checkContent, checkName, contentKey, storedContent } from './dns-content.js';
import { accepted, type FieldErrors, fieldError, notFound, parseBody, unprocessable } from './responses.js';
import type { SimRRsetWire, SimRuntime } from './state.js';

const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'ALIAS', 'MX', 'TXT', 'NS', 'SOA', 'SRV', 'CAA'] as const;

const UpdateBody = z.object({
  overwrite: z.optional(z.boolean()),
  zone: z
    .array(
      z.object({
        name: z.string(),
        type: z.enum(RECORD_TYPES),
        ttl: z.optional(z.int()),
        records: z.array(z.object({ content: z.string() })).check(z.minLength(1)),
      }),
    )
    .check(z.minLength(1)),
});
type UpdateBody = z.infer<typeof UpdateBody>;

const DeleteBody = z.object({ filters: z.array(z.object({ name: z.string(), type: z.enum(RECORD_TYPES) })) });

const ResetBody = z.object({
  sync: z.optional(z.boolean()),
  reset_email_records: z.optional(z.boolean()),
  whitelisted_record_types: z.optional(z.array(z.string())),
});

/** The 422 message Hostinger gives when an appended record exists already or a CNAME collides. */
export const DNS_CONFLICT_MESSAGE =
  '[DNS:4008] DNS resource record is not valid or conflicts with another resource record';

const MIN_TTL = 60;
const MAX_TTL = 2_147_483_647;
const DEFAULT_TTL = 14400;

const setKey = (name: string, type: string): string => `${name.toLowerCase()}\u0000${type}`;

/** Content and name checks on a parsed update body, reported with Laravel paths. */
function checkRecords(body: UpdateBody): void {
  const errors: FieldErrors = {};
  body.zone.forEach((set, i) => {
    const nameProblem = checkName(set.name);
    if (nameProblem) errors[`zone.${i}.name`] = [`The zone.${i}.name ${nameProblem}.`];
    if (set.ttl !== undefined && (set.ttl < MIN_TTL || set.ttl > MAX_TTL)) {
      errors[`zone.${i}.ttl`] = [`The zone.${i}.ttl field must be between ${MIN_TTL} and ${MAX_TTL}.`];
    }
    set.records.forEach((record, j) => {
      const problem = checkContent(set.type, record.content);
      if (problem) errors[`zone.${i}.records.${j}.content`] = [`The zone.${i}.records.${j}.content ${problem}.`];
    });
  });
  if (Object.keys(errors).length > 0) throw unprocessable(errors);
}

/** Computes the zone after applying `body` (record-set semantics), or throws the 422 Hostinger would answer. */
export function applyUpdate(zone: readonly SimRRsetWire[], body: UpdateBody): SimRRsetWire[] {
  checkRecords(body);
  const overwrite = body.overwrite ?? true;
  const next = structuredClone(zone) as SimRRsetWire[];
  const replaced = new Set<string>();
  body.zone.forEach((input, i) => {
    const name = input.name.toLowerCase();
    const key = setKey(name, input.type);
    let set = next.find((s) => setKey(s.name, s.type) === key);
    if (overwrite && !replaced.has(key)) {
      replaced.add(key);
      if (set) {
        set.records = [];
        set.ttl = input.ttl ?? DEFAULT_TTL;
      }
    }
    if (!set) {
      set = { name, type: input.type, ttl: input.ttl ?? DEFAULT_TTL, records: [] };
      next.push(set);
    } else if (input.ttl !== undefined) {
      set.ttl = input.ttl;
    }
    const existing = new Set(set.records.map((r) => contentKey(set.type, r.content)));
    input.records.forEach((record, j) => {
      const stored = storedContent(input.type, record.content);
      const identity = contentKey(input.type, stored);
      if (existing.has(identity)) {
        if (!overwrite) throw fieldError(`zone.${i}.records.${j}.content`, DNS_CONFLICT_MESSAGE);
        return; // a duplicate inside one overwrite is stored once
      }
      existing.add(identity);
      set.records.push({ content: stored, is_disabled: false });
    });
  });
  assertCnameAlone(next);
  return next;
}

function assertCnameAlone(zone: readonly SimRRsetWire[]): void {
  for (const set of zone) {
    if (set.type !== 'CNAME') continue;
    const clash =
      set.records.length > 1 ||
      zone.some((other) => other !== set && other.name === set.name && other.records.length > 0);
    if (clash) throw unprocessable({ zone: [DNS_CONFLICT_MESSAGE] });
  }
}

function resetZone(
  current: readonly SimRRsetWire[],
  base: readonly SimRRsetWire[],
  body: z.infer<typeof ResetBody>,
): SimRRsetWire[] {
  const keep = new Set((body.whitelisted_record_types ?? []).map((t) => t.toUpperCase()));
  if (body.reset_email_records === false) keep.add('MX');
  const kept = current.filter((set) => keep.has(set.type));
  return [...base.filter((set) => !keep.has(set.type)).map((set) => structuredClone(set)), ...structuredClone(kept)];
}

/** DNS zone routes under `/api/dns/v1/zones/{domain}`. */
export function dnsRoutes(app: Hono, sim: SimRuntime): void {
  const zoneFor = (domain: string, write: boolean): SimRRsetWire[] => {
    const zone = sim.state.zones.get(domain.toLowerCase());
    if (zone) return zone;
    if (write) throw fieldError('domain', 'Domain name is not valid');
    throw notFound('Domain name is not valid');
  };

  app.get('/api/dns/v1/zones/:domain', (c) => c.json(zoneFor(c.req.param('domain'), false)));

  app.put('/api/dns/v1/zones/:domain', async (c) => {
    const domain = c.req.param('domain').toLowerCase();
    const zone = zoneFor(domain, true);
    const body = await parseBody(c, UpdateBody);
    sim.state.zones.set(domain, applyUpdate(zone, body));
    return accepted(c);
  });

  app.post('/api/dns/v1/zones/:domain/validate', async (c) => {
    const zone = zoneFor(c.req.param('domain'), true);
    applyUpdate(zone, await parseBody(c, UpdateBody));
    return accepted(c);
  });

  app.delete('/api/dns/v1/zones/:domain', async (c) => {
    const domain = c.req.param('domain').toLowerCase();
    const zone = zoneFor(domain, true);
    const body = await parseBody(c, DeleteBody);
    const doomed = new Set(body.filters.map((f) => setKey(f.name, f.type)));
    sim.state.zones.set(
      domain,
      zone.filter((set) => !doomed.has(setKey(set.name, set.type))),
    );
    return accepted(c);
  });

  app.post('/api/dns/v1/zones/:domain/reset', async (c) => {
    const domain = c.req.param('domain').toLowerCase();
    const zone = zoneFor(domain, true);
    const body = await parseBody(c, ResetBody);
    const base = sim.state.defaultZones.get(domain) ?? [];
    sim.state.zones.set(domain, resetZone(zone, base, body));
    return accepted(c);
  });
}
