import { describe, expect, it } from 'vitest';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import { recordsFromZone } from '../../src/hostinger/dns.js';
import { formatZoneFile, parseZoneFile, planZone, restoreSnapshot } from '../../src/zone/index.js';
import { useSimulatorServer } from '../support/msw.js';

const { sim, baseUrl } = useSimulatorServer();
const provider = () => createHostingerProvider({ apiKey: sim.token, baseUrl });
const noService = { type: 'SRV' as const, name: '_sip._udp', content: '0 0 .', priority: 0, ttl: 300 };
const listed = async () => (await provider().dns.list('example.com')).filter((r) => r.name === '_sip._udp');

describe('hostinger: an SRV whose target is "." (no service here)', () => {
  it('is written as "0 0 0 ." and listed with its target "." kept', async () => {
    await provider().dns.create('example.com', noService);
    const put = sim.requests.find((r) => r.method === 'PUT')?.body as { zone: { records: { content: string }[] }[] };
    expect(put.zone[0]?.records).toEqual([{ content: '0 0 0 .' }]);
    expect(await listed()).toEqual([{ id: '_sip._udp/SRV/0', ...noService }]);
  });

  it('round-trips through a zone file, a re-plan and a snapshot of the zone’s own listing', async () => {
    await provider().dns.create('example.com', noService);
    const records = await provider().dns.list('example.com');
    const text = formatZoneFile('example.com', records);
    expect(text).toMatch(/_sip\._udp\s.*SRV\s+0 0 0 \.$/m);
    const parsed = parseZoneFile(text, { origin: 'example.com' }).records;
    expect((await planZone(provider(), 'example.com', parsed)).changes).toEqual([]);
    const { snapshot } = await planZone(provider(), 'example.com', records);
    await provider().dns.delete('example.com', '_sip._udp', 'SRV');
    await restoreSnapshot(provider(), snapshot);
    expect(await listed()).toEqual([{ id: '_sip._udp/SRV/0', ...noService }]);
  });

  it('reads an SRV whose "." the server dropped as the root, not as an empty target', () => {
    const zone = [
      { name: '_sip._udp', type: 'SRV', ttl: 300, records: [{ content: '0 0 0' }, { content: '1 0 0 .' }] },
    ];
    expect(recordsFromZone(zone).map((r) => `${r.priority} ${r.content}`)).toEqual(['0 0 0 .', '1 0 0 .']);
  });
});
