/**
 * PowerDNS DNS on the provider kit: `read` is one GET of the whole zone, `write` one PATCH of every changed
 * record set (REPLACE or DELETE per set), which PowerDNS applies in one transaction.
 *
 * The API has no "add one value" or "remove one value" operation: adding a record rewrites its whole set
 * from a read just before. So every read-then-write of one zone of one server runs one at a time across
 * all the providers of this process (the kit's `lockKey`), and the PATCHes to one server one at a time
 * (its gsqlite3 backend refuses a write while another is in progress). Two processes that write the same
 * record set at the same moment still need a lock of their own around their calls.
 *
 * @internal
 * @module
 */
import {
  createDnsCapability,
  exclusive,
  wireSchema,
  type ApiClient,
  type KitDnsCapability,
} from '../provider-kit/index.js';
import { NotFoundError } from '../index.js';
import { patchBody, recordsFromWire, resetBody, type RRSetWire } from './wire.js';

/** Any answer (PATCH answers 204 with no body). */
export const AnyBody = wireSchema<unknown>(() => undefined);
const isSet = (s: Partial<RRSetWire>) =>
  typeof s?.name === 'string' && typeof s.type === 'string' && Array.isArray(s.records);
const ZoneWire = wireSchema<{ rrsets: RRSetWire[] }>((v) => {
  const rrsets: unknown = (v as { rrsets?: unknown })?.rrsets;
  return Array.isArray(rrsets) && rrsets.every(isSet) ? undefined : ['rrsets'];
});

/** The DNS group of one PowerDNS server (`origin` is its base URL, `server` is `api/v1/servers/<id>`). */
export function createPowerDnsDns(client: ApiClient, server: string, origin: string): KitDnsCapability {
  // A zone id is its name with the trailing dot (a valid domain needs no `=XX` escapes).
  const path = (zone: string) => `${server}/zones/${encodeURIComponent(`${zone}.`)}`;
  const key = `${origin} ${server}`;
  const patch = async (zone: string, json: { rrsets: unknown[] }, signal: AbortSignal | undefined) => {
    // Whole sets replaced or deleted give the same zone when repeated, so a 5xx is retried.
    const send = () =>
      client.request({ method: 'PATCH', path: path(zone), json, schema: AnyBody, idempotent: true, signal });
    // One PATCH to a server at a time, from every provider of the process.
    await exclusive(key, send).catch(unknownZone(zone, server));
  };
  const getZone = async (zone: string, signal: AbortSignal | undefined) =>
    (
      await client
        .request({ method: 'GET', path: path(zone), schema: ZoneWire, signal })
        .catch(unknownZone(zone, server))
    ).rrsets;
  return createDnsCapability({
    provider: 'powerdns',
    // Adding a value rewrites its set from a read: one read-then-write per zone at a time in this process.
    lockKey: (zone) => `powerdns ${key} ${zone}`,
    // writeSets sends the sets without reading first: PowerDNS checks them against the rest of the zone.
    blindSetWrites: true,
    // One PATCH is one transaction: a refused PATCH changed nothing.
    atomicWrites: true,
    // Disabled records are kept but never served; a REPLACE writes only what it names, a DELETE takes all.
    disabledHint: 'on the server',
    async read(zone, options) {
      return recordsFromWire(await getZone(zone, options?.signal), zone);
    },
    async write(zone, changes, options) {
      await patch(zone, patchBody(changes, zone), options?.signal);
    },
    // Every set but the apex SOA and NS goes, those the SDK does not list included, in one atomic PATCH.
    async reset(zone, options) {
      const json = resetBody(await getZone(zone, options?.signal), zone);
      if (json) await patch(zone, json, options?.signal);
    },
  });
}

/** A 404 on a zone's path: the server (`…/servers/<id>`) has no such zone, and the SDK never creates one. */
const unknownZone =
  (zone: string, server: string) =>
  (error: unknown): never => {
    if (!(error instanceof NotFoundError)) throw error;
    const id = decodeURIComponent(server.slice(server.lastIndexOf('/') + 1));
    throw new NotFoundError(
      `No zone ${zone} on PowerDNS server "${id}": create it there first (pdnsutil create-zone ${zone}, or POST /api/v1/servers/${id}/zones)`,
      { provider: 'powerdns', cause: error },
    );
  };
