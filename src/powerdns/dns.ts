/**
 * PowerDNS DNS on the provider kit: `read` is one GET of the whole zone, `write` one PATCH of every changed
 * record set (REPLACE or DELETE per set), which PowerDNS applies in one transaction.
 *
 * @internal
 * @module
 */
import { createDnsCapability, type ApiClient, type KitDnsCapability } from '../provider-kit/index.js';
import { patchBody, recordsFromWire, type RRSetWire } from './wire.js';

/** A Standard Schema (what the client checks answers with) from a test of the decoded body. */
const schema = <T>(fits: (value: unknown) => boolean, path: string[] = []) => ({
  '~standard': {
    version: 1 as const,
    vendor: 'setec-hosting',
    validate: (value: unknown) =>
      fits(value) ? { value: value as T } : { issues: [{ message: 'Invalid input', path }] },
    types: undefined as unknown as { input: unknown; output: T },
  },
});

/** Any answer (PATCH answers 204 with no body). */
export const AnyBody = schema<unknown>(() => true);
const isSet = (s: Partial<RRSetWire>) =>
  typeof s?.name === 'string' && typeof s.type === 'string' && Array.isArray(s.records);
const ZoneWire = schema<{ rrsets: RRSetWire[] }>(
  (v) => {
    const rrsets: unknown = (v as { rrsets?: unknown })?.rrsets;
    return Array.isArray(rrsets) && rrsets.every(isSet);
  },
  ['rrsets'],
);

/** The DNS group of one PowerDNS server (`server` is `api/v1/servers/<id>`). */
export function createPowerDnsDns(client: ApiClient, server: string): KitDnsCapability {
  // A zone id is its name with the trailing dot (a valid domain needs no `=XX` escapes).
  const path = (zone: string) => `${server}/zones/${encodeURIComponent(`${zone}.`)}`;
  // gsqlite3 refuses a write while another is in progress: this provider sends its writes one at a time.
  let queue: Promise<unknown> = Promise.resolve();
  return createDnsCapability({
    provider: 'powerdns',
    // writeSets sends the sets without reading first: PowerDNS checks them against the rest of the zone.
    blindSetWrites: true,
    // One PATCH is one transaction: a refused PATCH changed nothing.
    atomicWrites: true,
    async read(zone, options) {
      const answer = await client.request({
        method: 'GET',
        path: path(zone),
        schema: ZoneWire,
        signal: options?.signal,
      });
      return recordsFromWire(answer.rrsets, zone);
    },
    async write(zone, changes, options) {
      const json = patchBody(changes, zone);
      // Whole sets replaced or deleted give the same zone when repeated, so a 5xx is retried.
      const send = () =>
        client.request({
          method: 'PATCH',
          path: path(zone),
          json,
          schema: AnyBody,
          idempotent: true,
          signal: options?.signal,
        });
      const done = queue.then(send, send);
      queue = done.catch(() => undefined);
      await done;
    },
  });
}
