import { describe, expect, it } from 'vitest';
import { recordFromWire } from '../../src/digitalocean/dns-records.js';
import { formatZoneFile, parseZoneFile, planZone, restoreSnapshot } from '../../src/zone/index.js';
import { useDigitalOceanServer } from '../support/msw.js';
import { providerFor } from './helpers.js';

const { sim } = useDigitalOceanServer();
const provider = () => providerFor(sim);
const noService = { type: 'SRV' as const, name: '_sip._udp', content: '0 0 .', priority: 0, ttl: 300 };
const listed = async () => (await provider().dns.list('example.com')).filter((r) => r.name === '_sip._udp');

describe('digitalocean: an SRV whose target is "." (no service here)', () => {
  it('is sent with data "." and listed with its target ".", not the apex', async () => {
    await provider().dns.create('example.com', noService);
    const post = sim.requests.find((r) => r.method === 'POST')?.body as { data: string };
    expect(post.data).toBe('.');
    expect(await listed()).toEqual([{ id: '_sip._udp/SRV/0', ...noService }]);
  });

  it('round-trips through a zone file, a re-plan and a snapshot of the zone’s own listing', async () => {
    await provider().dns.create('example.com', noService);
    const records = await provider().dns.list('example.com');
    const parsed = parseZoneFile(formatZoneFile('example.com', records), { origin: 'example.com' }).records;
    expect((await planZone(provider(), 'example.com', parsed)).changes).toEqual([]);
    const { snapshot } = await planZone(provider(), 'example.com', records);
    await provider().dns.delete('example.com', '_sip._udp', 'SRV');
    await restoreSnapshot(provider(), snapshot);
    expect(await listed()).toEqual([{ id: '_sip._udp/SRV/0', ...noService }]);
  });

  it('reads a root target whose dot was stripped as ".", and "@" still as the apex', () => {
    const wire = { id: 1, type: 'SRV', name: '_sip._udp', priority: 0, port: 0, weight: 0, ttl: 300 };
    expect(recordFromWire({ ...wire, data: '' }, 'example.com')?.content).toBe('0 0 .');
    expect(recordFromWire({ ...wire, data: '@' }, 'example.com')?.content).toBe('0 0 example.com');
  });
});
