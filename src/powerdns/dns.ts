/**
 * PowerDNS DNS on the provider kit: `read` is one GET of the whole zone, `write` one PATCH of every changed
 * record set (REPLACE or DELETE per set), which PowerDNS applies in one transaction.
 *
 * @internal
 * @module
 */
import { createDnsCapability, type KitDnsCapability } from '../provider-kit/index.js';
import type { AdapterClient } from './kit.js';
import { patchBody, recordsFromWire, type RRSetWire } from './wire.js';

/** The zone GET, checked only as far as it is read: `rrsets` with names, types, TTLs and records. */
const ZoneWire = {
  '~standard': {
    version: 1,
    vendor: 'setec-hosting',
    validate(value: unknown) {
      const rrsets = (value as { rrsets?: unknown })?.rrsets;
      const bad = !Array.isArray(rrsets)
        ? []
        : rrsets.findIndex(
            (s: Partial<RRSetWire>) =>
              typeof s?.name !== 'string' || typeof s.type !== 'string' || !Array.isArray(s.records),
          );
      if (bad === -1) return { value: value as { rrsets: RRSetWire[] } };
      return { issues: [{ message: 'Invalid input', path: Array.isArray(bad) ? ['rrsets'] : ['rrsets', bad] }] };
    },
    types: undefined as unknown as { input: unknown; output: { rrsets: RRSetWire[] } },
  },
} as const;

/** A PATCH answers 204 with no body. */
const NoContent = {
  '~standard': { version: 1, vendor: 'setec-hosting', validate: (value: unknown) => ({ value }) },
} as const;

/** The zone id in a path: the canonical name with its trailing dot, bytes outside `A-Za-z0-9.-` as `=XX`. */
const zoneId = (zone: string) =>
  encodeURIComponent(
    `${zone}.`.replace(/[^A-Za-z0-9.-]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`),
  );

/** The DNS group of one PowerDNS server (`server` is `api/v1/servers/<id>`). */
export function createPowerDnsDns(client: AdapterClient, server: string): KitDnsCapability {
  // The gsqlite3 backend refuses a write while another is in progress: this provider sends them one at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  return createDnsCapability({
    provider: 'powerdns',
    // writeSets sends the sets without reading first: PowerDNS itself checks them against the rest of the zone.
    blindSetWrites: true,
    async read(zone, options) {
      const path = `${server}/zones/${zoneId(zone)}`;
      const answer = await client.request({ method: 'GET', path, schema: ZoneWire, signal: options?.signal });
      return recordsFromWire(answer.rrsets, zone);
    },
    write(zone, changes, options) {
      const path = `${server}/zones/${zoneId(zone)}`;
      const json = patchBody(changes, zone);
      // REPLACE and DELETE give the same zone when repeated, so a 5xx ("database is locked") is retried.
      return serial(() =>
        client.request({ method: 'PATCH', path, json, schema: NoContent, idempotent: true, signal: options?.signal }),
      ).then(() => undefined);
    },
  });
}
