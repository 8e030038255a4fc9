/**
 * Where setec-hosting's client time goes on a 1,000-record listing, step by step, using the adapter's
 * internal functions from `src/` (not exported by the package). Also the simulator's own handler time,
 * to put the server's share of an end-to-end call in scale.
 */
import { recordsFromZone } from '../src/hostinger/dns.js';
import { ZoneWire } from '../src/hostinger/zone-wire.js';
import { HOSTINGER_SPEC } from '../src/hostinger/client.js';
import { parseWire } from '../src/kit/parse-wire.js';
import { assignRecordIds } from '../src/core/record-id.js';
import { createHostingerSimulator } from '../src/testing/index.js';
import type { Variant } from './variants.js';

/** Steps of `dns.list` after the body is read, each on its own input so they can be timed apart. */
export function decodeSteps(body: string): Variant[] {
  const parsed: unknown = JSON.parse(body);
  const zone = parseWire(HOSTINGER_SPEC, ZoneWire, parsed, 'GET zone').data;
  const records = recordsFromZone(zone);
  const sets = (r: unknown) => `${(r as { data: unknown[] }).data.length} RRsets`;
  const list = (r: unknown) => `${(r as unknown[]).length} records`;
  const sim = createHostingerSimulator();
  sim.state.zones.set('example.com', JSON.parse(body) as never); // the listed body is the stored wire zone
  const request = () =>
    new Request(`${sim.baseUrl}/api/dns/v1/zones/example.com`, { headers: { Authorization: `Bearer ${sim.token}` } });
  return [
    {
      name: 'JSON.parse (100 kB)',
      run: async () => JSON.parse(body) as unknown,
      count: (r) => `${(r as unknown[]).length} RRsets`,
    },
    {
      name: 'parseWire(ZoneWire) (one-pass shape check)',
      run: async () => parseWire(HOSTINGER_SPEC, ZoneWire, parsed, 'GET zone'),
      count: sets,
    },
    { name: 'recordsFromZone (split RRsets)', run: async () => recordsFromZone(zone), count: list },
    { name: 'assignRecordIds', run: async () => assignRecordIds(records), count: list },
    {
      name: 'simulator handler (server side)',
      run: async () => (await sim.fetch(request())).text(),
      count: (r) => `${(r as string).length} B`,
    },
  ];
}
