/**
 * A CPU-profile target: setec-hosting's `dns.list` of the bench's 1,000-record zone, from `src/`
 * (readable function names), the body served from memory so only client work is sampled.
 *
 *   node --import tsx --cpu-prof --cpu-prof-dir .tmp/prof bench/profile-dns-list.ts
 *   node bench/profile-summary.mjs .tmp/prof/<file>.cpuprofile
 */
import { createHostingerProvider } from '../src/hostinger/index.js';
import { createHostingerSimulator } from '../src/testing/index.js';
import { benchZone, DOMAIN } from './sim-server.js';

const sim = createHostingerSimulator();
sim.state.zones.set(DOMAIN, []);
const put = await sim.fetch(
  new Request(`${sim.baseUrl}/api/dns/v1/zones/${DOMAIN}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${sim.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ overwrite: true, zone: benchZone() }),
  }),
);
if (!put.ok) throw new Error(`seeding failed: ${put.status}`);
const body = await (
  await sim.fetch(
    new Request(`${sim.baseUrl}/api/dns/v1/zones/${DOMAIN}`, { headers: { Authorization: `Bearer ${sim.token}` } }),
  )
).text();
const provider = createHostingerProvider({
  apiKey: sim.token,
  fetch: async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }),
});
const seconds = Number(process.env.PROFILE_SECONDS ?? 4);
const end = performance.now() + seconds * 1000;
let calls = 0;
while (performance.now() < end) {
  await provider.dns.list(DOMAIN);
  calls++;
}
console.log(
  `${calls} calls in ${seconds} s: ${((seconds * 1000) / calls).toFixed(3)} ms per dns.list (client work only)`,
);
