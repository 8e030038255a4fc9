import { describe, expect, it } from 'vitest';
import type { DnsRecordInput } from '../../src/core/dns.js';
import { isValidationError } from '../../src/core/errors.js';
import { createMemoryProvider } from '../../src/testing/index.js';
import { applyPlan, parseZoneFile, planZone } from '../../src/zone/index.js';

const records: DnsRecordInput[] = [
  { type: 'A', name: '@', content: '192.0.2.1', ttl: 3600 },
  { type: 'MX', name: '@', content: 'mail.example.com', priority: 10, ttl: 3600 },
  { type: 'A', name: 'mail', content: '192.0.2.25', ttl: 3600 },
];
const ns = (...hosts: string[]) => hosts.map((content) => ({ type: 'NS' as const, name: '@', content, ttl: 86400 }));
const source = () =>
  createMemoryProvider({
    name: 'hostinger',
    zones: { 'example.com': [...ns('ns1.dns-parking.com', 'ns2.dns-parking.com'), ...records] },
  });
const target = () =>
  createMemoryProvider({
    name: 'digitalocean',
    zones: { 'example.com': ns('ns1.digitalocean.com', 'ns2.digitalocean.com') },
  });
const apexNs = async (p: ReturnType<typeof target>) =>
  (await p.dns!.list('example.com')).filter((r) => r.name === '@' && r.type === 'NS').map((r) => r.content);

describe('zone: copying a zone between providers', () => {
  it("never plans the source's apex NS onto the target: the target keeps its own name servers", async () => {
    const to = target();
    const listing = await source().dns!.list('example.com');
    const plan = await planZone(to, 'example.com', listing);
    expect(plan.changes.map((c) => `${c.action} ${c.name} ${c.type}`)).toEqual([
      'create @ A',
      'create @ MX',
      'create mail A',
    ]);
    await applyPlan(to, plan);
    expect(await apexNs(to)).toEqual(['ns1.digitalocean.com', 'ns2.digitalocean.com']);
    expect((await planZone(to, 'example.com', listing)).changes).toEqual([]);
  });

  it('moves the name servers too when the caller names them with apexNs: true', async () => {
    const to = target();
    const plan = await planZone(to, 'example.com', await source().dns!.list('example.com'), { apexNs: true });
    expect(plan.changes.map((c) => `${c.action} ${c.name} ${c.type}`)).toContain('update @ NS');
    await applyPlan(to, plan, { force: true });
    expect(await apexNs(to)).toEqual(['ns1.dns-parking.com', 'ns2.dns-parking.com']);
  });

  it('a zone file that states the apex NS still sets them (the file is the caller naming them)', async () => {
    const to = target();
    const { records: desired } = parseZoneFile(
      '$ORIGIN example.com.\n@ 86400 IN NS ns1.example.net.\n@ 300 IN A 192.0.2.1\n',
    );
    const plan = await planZone(to, 'example.com', desired);
    expect(plan.changes.map((c) => `${c.action} ${c.name} ${c.type}`)).toEqual(['update @ NS', 'create @ A']);
  });

  it('apexNs: false leaves the apex NS alone even when desired names them', async () => {
    const plan = await planZone(target(), 'example.com', ns('ns1.example.net'), { apexNs: false });
    expect(plan.changes).toEqual([]);
  });

  it('refuses an apexNs that is not true, false or "auto" before reading the zone', async () => {
    const error = await planZone(target(), 'example.com', [], { apexNs: 'yes' as never }).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
  });
});
