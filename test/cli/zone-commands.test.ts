import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHostingerProvider, type HostingerProvider } from '../../src/hostinger/index.js';
import { formatZoneFile, parseZoneFile, planZone } from '../../src/zone/index.js';
import { startFixture, type CliFixture } from './run-cli.js';

let fx: CliFixture;
let sdk: HostingerProvider;
let dir: string;

beforeAll(async () => {
  fx = await startFixture();
  sdk = createHostingerProvider({ apiKey: fx.sim.token, baseUrl: fx.origin });
  dir = mkdtempSync(join(tmpdir(), 'setec-cli-zone-'));
});
afterAll(async () => {
  await fx.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => fx.sim.reset());

const writes = () => fx.sim.requests.filter((r) => r.method !== 'GET');

/** The seeded zone with the apex A changed, _dmarc gone and `new` added: 1 update, 1 delete, 1 create. */
async function editedZoneFile(): Promise<string> {
  const records = (await sdk.dns.list('example.com'))
    .filter((r) => r.name !== '_dmarc')
    .map((r) => (r.name === '@' && r.type === 'A' ? { ...r, content: '203.0.113.99' } : r));
  records.push({ id: '', name: 'new', type: 'A', content: '198.51.100.7', ttl: 300, priority: 0 });
  const file = join(dir, `edited-${Math.random().toString(36).slice(2)}.zone`);
  writeFileSync(file, formatZoneFile('example.com', records));
  fx.sim.reset();
  return file;
}

describe('cli: dns export', () => {
  it('prints a zone file that reads back to exactly the listed records', async () => {
    const result = await fx.run(['dns', 'export', 'example.com']);
    expect(result.code).toBe(0);
    const { records } = parseZoneFile(result.stdout, { origin: 'example.com' });
    const plan = await planZone(sdk, 'example.com', records);
    expect(plan.changes).toEqual([]);
    expect(records).toHaveLength((await sdk.dns.list('example.com')).length);
  });
});

describe('cli: dns plan', () => {
  it('prints the diff and, with --detailed-exitcode, exits 2 while changes are pending; writes nothing', async () => {
    const file = await editedZoneFile();
    const result = await fx.run(['dns', 'plan', 'example.com', file, '--detailed-exitcode']);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^example\.com \(hostinger\): record sets: 1 to delete, 1 to update, 1 to create/);
    expect(result.stdout).toMatch(/^- _dmarc +TXT/m);
    expect(result.stdout).toMatch(/^\+ new +A +198\.51\.100\.7/m);
    expect(writes()).toEqual([]);
  });

  it('exits 0 with --detailed-exitcode when the zone already matches, and 0 without the flag', async () => {
    const same = join(dir, 'same.zone');
    writeFileSync(same, formatZoneFile('example.com', await sdk.dns.list('example.com')));
    expect((await fx.run(['dns', 'plan', 'example.com', same, '--detailed-exitcode'])).code).toBe(0);
    expect((await fx.run(['dns', 'plan', 'example.com', await editedZoneFile()])).code).toBe(0);
  });

  it('--output json prints the plan as planZone returns it', async () => {
    const file = await editedZoneFile();
    const result = await fx.run(['dns', 'plan', 'example.com', file, '--output', 'json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    const expected = await planZone(
      sdk,
      'example.com',
      parseZoneFile(readFileSync(file, 'utf8'), { origin: 'example.com' }).records,
    );
    expect(printed.changes).toEqual(JSON.parse(JSON.stringify(expected.changes)));
    expect(printed.unchanged).toBe(expected.unchanged);
    expect(printed.snapshot.records).toEqual(JSON.parse(JSON.stringify(expected.snapshot.records)));
  });

  it('--no-purge keeps the sets the file does not mention', async () => {
    const file = join(dir, 'only-new.zone');
    writeFileSync(file, 'new 300 IN A 198.51.100.7\n');
    const result = await fx.run(['dns', 'plan', 'example.com', file, '--no-purge', '--output', 'json']);
    expect(JSON.parse(result.stdout).changes).toEqual([expect.objectContaining({ action: 'create', name: 'new' })]);
  });

  it('a bad zone file is a ValidationError naming the line, before any request', async () => {
    const file = join(dir, 'bad.zone');
    writeFileSync(file, 'www 300 IN A 203.0.113.5\nbroken 300 IN A not-an-address\n');
    const result = await fx.run(['dns', 'plan', 'example.com', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ValidationError: .*line 2/);
    expect(fx.sim.requests).toEqual([]);
  });
});

describe('cli: a zone file that cannot be read', () => {
  it('is a ValidationError naming the file, before any request', async () => {
    const missing = await fx.run(['dns', 'plan', 'example.com', '/nonexistent/example.com.zone']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('ValidationError: The zone file /nonexistent/example.com.zone: no such file\n');
    const directory = await fx.run(['dns', 'plan', 'example.com', tmpdir()]);
    expect(directory.stderr).toMatch(/^ValidationError: The zone file .*: it is a directory\n$/);
    expect(fx.sim.requests).toEqual([]);
  });
});

describe('cli: dns apply', () => {
  it('without --yes and no terminal shows the plan, exits 1 and writes nothing', async () => {
    const file = await editedZoneFile();
    const result = await fx.run(['dns', 'apply', 'example.com', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^[+~-] /m);
    expect(result.stderr).toMatch(/^ValidationError: .*--yes.*Nothing was changed/m);
    expect(fx.sim.requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('--yes makes the zone match the file in five requests (plan read, re-read, validate, delete, put)', async () => {
    const file = await editedZoneFile();
    const result = await fx.run(['dns', 'apply', 'example.com', file, '--yes']);
    expect(result.code).toBe(0);
    const sent = fx.sim.requests.map((r) => `${r.method} ${r.path}`);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('example.com: 3 record sets changed');
    const desired = parseZoneFile(readFileSync(file, 'utf8'), { origin: 'example.com' }).records;
    expect((await planZone(sdk, 'example.com', desired)).changes).toEqual([]);
    expect(
      sent.filter((line) => line.startsWith('GET ')),
      sent.join('\n'),
    ).toHaveLength(2);
    // On Hostinger the whole plan is written in one batch: read, re-read, validate, DELETE, PUT.
    expect(sent, sent.join('\n')).toHaveLength(5);
  });

  it('refuses a plan that deletes most of the zone (UnsafePlanError) unless --force', async () => {
    const file = join(dir, 'tiny.zone');
    writeFileSync(file, '@ 14400 IN A 203.0.113.10\n');
    const refused = await fx.run(['dns', 'apply', 'example.com', file, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^UnsafePlanError: /m);
    expect(writes()).toEqual([]);
    const forced = await fx.run(['dns', 'apply', 'example.com', file, '--yes', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(/applied \d+\/\d+ writes/);
    const left = (await sdk.dns.list('example.com')).filter((r) => !(r.name === '@' && r.type === 'NS'));
    expect(left.map((r) => `${r.name} ${r.type} ${r.content}`)).toEqual(['@ A 203.0.113.10']);
  });

  it('a write that fails midway saves the zone as it was, and applying that file puts it back', async () => {
    const before = await sdk.dns.list('example.com');
    const file = await editedZoneFile();
    fx.sim.inject({ status: 500, method: 'PUT', times: 5 });
    const failed = await fx.run(['dns', 'apply', 'example.com', file, '--yes']);
    expect(failed.code).toBe(1);
    const saved = /saved in (\S+\.zone)/.exec(failed.stderr)?.[1];
    expect(saved).toBeDefined();
    const restored = await fx.run(['dns', 'apply', 'example.com', saved!, '--yes', '--force']);
    expect(restored.code).toBe(0);
    const sorted = (records: { id: string }[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
    expect(sorted(await sdk.dns.list('example.com'))).toEqual(sorted(before));
    rmSync(saved!);
  });
});

describe('cli: vms power actions', () => {
  it.each([
    ['stop', 'stopped'],
    ['start', 'running'],
    ['restart', 'running'],
  ])('vms %s asks the provider once and the machine follows', async (action, status) => {
    const result = await fx.run(['vms', action!, '1268054']);
    expect(result.code).toBe(0);
    expect(writes()).toEqual([
      expect.objectContaining({ method: 'POST', path: `/api/vps/v1/virtual-machines/1268054/${action}` }),
    ]);
    expect((await sdk.vps.waitFor('1268054', status!, { intervalMs: 1, timeoutMs: 10_000 })).status).toBe(status);
  });
});
