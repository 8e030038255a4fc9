/**
 * Child process of `npm run bench`: the Hostinger simulator on 127.0.0.1 serving `example.com` with a
 * 1,000-record zone (a realistic mix of A, AAAA, CNAME, TXT, MX, SRV and CAA, some names holding several
 * values). It runs apart from the measuring process so server work and its garbage collection do not
 * land in the client's samples, and it counts accepted TCP connections so the bench can show which
 * clients reuse them (keep-alive).
 *
 * Protocol (IPC, `child_process.fork`): sends `{ ready: baseUrl, token, records }` once listening; answers
 * `'connections'` with `{ connections: n }`, `{ latencyMs }` with `{ latency }` (added to every answer); exits on `'close'` or when the parent goes away.
 */
import { subscribe } from 'node:diagnostics_channel';
import { createHostingerSimulator } from '../src/testing/index.js';

export const DOMAIN = 'example.com';

/** The zone the bench lists, in the PUT body shape: 1,000 records in 936 RRsets. */
export function benchZone(): { name: string; type: string; ttl: number; records: { content: string }[] }[] {
  const sets = (n: number, make: (i: number) => { name: string; type: string; ttl: number; values: string[] }) =>
    Array.from({ length: n }, (_, i) => {
      const { values, ...set } = make(i);
      return { ...set, records: values.map((content) => ({ content })) };
    });
  const ip = (i: number) => `10.${Math.floor(i / 250) % 250}.${i % 250}.${(i % 7) + 1}`;
  return [
    ...sets(550, (i) => ({ name: `host${i}`, type: 'A', ttl: 3600, values: [ip(i)] })), // 550 A
    ...sets(25, (i) => ({ name: `lb${i}`, type: 'A', ttl: 300, values: [ip(1000 + 2 * i), ip(1001 + 2 * i)] })), // 50 A
    ...sets(100, (i) => ({ name: `host${i}`, type: 'AAAA', ttl: 3600, values: [`2001:db8::${(i + 1).toString(16)}`] })), // 100 AAAA
    ...sets(150, (i) => ({ name: `alias${i}`, type: 'CNAME', ttl: 3600, values: [`host${i}.example.com.`] })), // 150 CNAME
    ...sets(60, (i) => ({
      name: `_verify${i}`,
      type: 'TXT',
      ttl: 14400,
      values: [`"site-verification=${(i * 7919).toString(36)}abcdef${i}"`],
    })), // 60 TXT
    ...sets(10, (i) => ({
      name: `mail${i}`,
      type: 'TXT',
      ttl: 14400,
      values: [`"v=spf1 include:_spf${i}.example.com ~all"`, `"k=rsa; p=MIGfMA0GCSqGSIb3DQEB${i}"`],
    })), // 20 TXT
    ...sets(10, (i) => ({
      name: `mail${i}`,
      type: 'MX',
      ttl: 14400,
      values: [10, 20, 30].map((p) => `${p} mx${p / 10}.mail${i}.example.com`),
    })), // 30 MX
    ...sets(30, (i) => ({
      name: `_sip${i}._tcp`,
      type: 'SRV',
      ttl: 14400,
      values: [`10 5 ${5060 + i} sip${i}.example.com`],
    })), // 30 SRV
    ...sets(1, () => ({
      name: '@',
      type: 'CAA',
      ttl: 14400,
      values: Array.from({ length: 10 }, (_, i) => `0 issue "ca${i}.example.net"`),
    })), // 10 CAA
  ];
}

async function main(): Promise<void> {
  let connections = 0;
  subscribe('net.server.socket', () => {
    connections += 1;
  });
  const sim = createHostingerSimulator();
  const baseUrl = await sim.listen();
  sim.state.zones.set(DOMAIN, []); // start empty, then fill through the API (the simulator validates every value)
  const zone = benchZone();
  const put = await fetch(`${baseUrl}/api/dns/v1/zones/${DOMAIN}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${sim.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ overwrite: true, zone }),
  });
  if (!put.ok) throw new Error(`seeding the zone failed: ${put.status} ${await put.text()}`);
  const stored = sim.state.zones.get(DOMAIN) ?? [];
  const records = stored.reduce((n, set) => n + set.records.length, 0);
  connections = 0;
  process.on('message', (message) => {
    if (message === 'connections') process.send?.({ connections });
    if (message === 'close') void sim.close().then(() => process.exit(0));
    if (typeof message === 'object' && message !== null && 'latencyMs' in message) {
      sim.latencyMs = Number(message.latencyMs);
      process.send?.({ latency: sim.latencyMs });
    }
  });
  process.on('disconnect', () => void sim.close().then(() => process.exit(0)));
  process.send?.({ ready: baseUrl, token: sim.token, records, sets: stored.length });
}

if (process.send) await main();
