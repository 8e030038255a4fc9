import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHostingerProvider, type HostingerProvider } from '../../src/hostinger/index.js';
import { formatZoneFile, ZONE_PLAN_SCHEMA } from '../../src/zone/index.js';
import { startFixture, type CliFixture } from './run-cli.js';

let fx: CliFixture;
let sdk: HostingerProvider;
let dir: string;

beforeAll(async () => {
  fx = await startFixture();
  sdk = createHostingerProvider({ apiKey: fx.sim.token, baseUrl: fx.origin });
  dir = mkdtempSync(join(tmpdir(), 'setec-cli-plans-'));
});
afterAll(async () => {
  await fx.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => fx.sim.reset());

const writes = () => fx.sim.requests.filter((r) => r.method !== 'GET');
const shown = async () =>
  (await sdk.dns.list('example.com')).map((r) => `${r.name} ${r.type} ${r.ttl} ${r.priority} ${r.content}`).sort();

async function zoneWithNewHost(): Promise<string> {
  const records = await sdk.dns.list('example.com');
  records.push({ id: '', name: 'new', type: 'A', content: '198.51.100.7', ttl: 300, priority: 0 });
  const file = join(dir, `zone-${Math.random().toString(36).slice(2)}.zone`);
  writeFileSync(file, formatZoneFile('example.com', records));
  fx.sim.reset();
  return file;
}

describe('cli: plans as files', () => {
  it('dns plan --out writes a plan that matches the published schema; dns apply plan.json applies exactly it', async () => {
    const planFile = join(dir, 'plan.json');
    const planned = await fx.run(['dns', 'plan', 'example.com', await zoneWithNewHost(), '--out', planFile]);
    expect(planned.code).toBe(0);
    const json = JSON.parse(readFileSync(planFile, 'utf8')) as { changes: { action: string; name: string }[] };
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    expect(ajv.validate(ZONE_PLAN_SCHEMA, json), JSON.stringify(ajv.errors)).toBe(true);
    expect(json.changes.map((c) => `${c.action} ${c.name}`)).toEqual(['create new']);
    const applied = await fx.run(['dns', 'apply', 'example.com', planFile, '--yes']);
    expect(applied.code).toBe(0);
    expect(await shown()).toContain('new A 300 0 198.51.100.7');
  });

  it('dns apply takes a plan file alone, since the plan names its zone; a zone file alone is a usage error', async () => {
    const planFile = join(dir, 'alone.json');
    await fx.run(['dns', 'plan', 'example.com', await zoneWithNewHost(), '--out', planFile]);
    const applied = await fx.run(['dns', 'apply', planFile, '--yes']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(await shown()).toContain('new A 300 0 198.51.100.7');
    const zoneOnly = await fx.run(['dns', 'apply', 'example.com', '--yes']);
    expect(zoneOnly.code).toBe(2);
    expect(zoneOnly.stderr).toMatch(/^UsageError: missing argument <zonefile>/m);
  });

  it('a stale plan file is refused and nothing is written', async () => {
    const planFile = join(dir, 'stale.json');
    await fx.run(['dns', 'plan', 'example.com', await zoneWithNewHost(), '--out', planFile]);
    await sdk.dns.create('example.com', { type: 'A', name: 'late', content: '192.0.2.77' });
    const mark = writes().length;
    const applied = await fx.run(['dns', 'apply', 'example.com', planFile, '--yes']);
    expect(applied.code).toBe(1);
    expect(applied.stderr).toMatch(/^ConflictError: .*changed since the plan was made/m);
    expect(writes().slice(mark)).toEqual([]);
  });

  it('a plan file for another domain is refused before any request', async () => {
    const planFile = join(dir, 'other.json');
    await fx.run(['dns', 'plan', 'example.com', await zoneWithNewHost(), '--out', planFile]);
    fx.sim.reset();
    const applied = await fx.run(['dns', 'apply', 'example.org', planFile, '--yes']);
    expect(applied.code).toBe(1);
    expect(applied.stderr).toMatch(/^ValidationError: The plan .* is for example\.com, not example\.org/m);
    expect(fx.sim.requests).toEqual([]);
  });
});

describe('cli: dns snapshot and dns restore', () => {
  it('a snapshot kept in a file puts the zone back; without --yes and a terminal, restore writes nothing', async () => {
    const before = await shown();
    const snap = await fx.run(['dns', 'snapshot', 'example.com']);
    expect(snap.code).toBe(0);
    const file = join(dir, 'snapshot.json');
    writeFileSync(file, snap.stdout);
    expect(JSON.parse(snap.stdout)).toMatchObject({ domain: 'example.com', provider: 'hostinger' });
    await sdk.dns.delete('example.com', 'www', 'CNAME');
    await sdk.dns.create('example.com', { type: 'A', name: 'intruder', content: '203.0.113.66' });
    const mark = writes().length;
    const refused = await fx.run(['dns', 'restore', 'example.com', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^\+ www +CNAME/m);
    expect(refused.stderr).toMatch(/^- intruder +A/m);
    expect(writes().slice(mark)).toEqual([]);
    const restored = await fx.run(['dns', 'restore', 'example.com', file, '--yes']);
    expect(restored.code).toBe(0);
    expect(await shown()).toEqual(before);
  });

  it('a snapshot of another domain is refused before any request, whatever --yes says', async () => {
    const snap = await fx.run(['dns', 'snapshot', 'example.com']);
    const file = join(dir, 'com.json');
    writeFileSync(file, snap.stdout);
    fx.sim.reset();
    const refused = await fx.run(['dns', 'restore', 'example.org', file, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^ValidationError: This snapshot is of example\.com, not example\.org/m);
    expect(fx.sim.requests).toEqual([]);
  });

  it("a snapshot taken on another provider needs --from-other-provider, and keeps this zone's name servers", async () => {
    const before = await shown();
    const snap = JSON.parse((await fx.run(['dns', 'snapshot', 'example.com'])).stdout) as {
      provider: string;
      records: Array<Record<string, unknown>>;
    };
    snap.provider = 'powerdns';
    snap.records = snap.records.filter((r) => !(r.name === '@' && r.type === 'NS'));
    snap.records.push({
      id: '@/NS/0',
      type: 'NS',
      name: '@',
      content: 'ns1.elsewhere.example',
      ttl: 3600,
      priority: 0,
    });
    snap.records.push({ id: 'moved/A/0', type: 'A', name: 'moved', content: '192.0.2.77', ttl: 3600, priority: 0 });
    const file = join(dir, 'pdns.json');
    writeFileSync(file, JSON.stringify(snap));
    fx.sim.reset();
    const refused = await fx.run(['dns', 'restore', 'example.com', file, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^ValidationError: This snapshot was taken on powerdns, not hostinger.*--from-other-provider/m,
    );
    expect(fx.sim.requests).toEqual([]);
    const restored = await fx.run(['dns', 'restore', 'example.com', file, '--from-other-provider', '--yes']);
    expect(restored.code).toBe(0);
    expect(restored.stderr).not.toMatch(/NS/);
    const nsOf = (lines: string[]) => lines.filter((l) => l.startsWith('@ NS '));
    expect(nsOf(await shown())).toEqual(nsOf(before));
    expect(await shown()).toContain('moved A 3600 0 192.0.2.77');
  });
});
