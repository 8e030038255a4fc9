import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHostingerProvider, type HostingerProvider } from '../../src/hostinger/index.js';
import { startFixture, type CliFixture } from './run-cli.js';

let fx: CliFixture;
let sdk: HostingerProvider;

beforeAll(async () => {
  fx = await startFixture();
  sdk = createHostingerProvider({ apiKey: fx.sim.token, baseUrl: fx.origin });
});
afterAll(() => fx.close());
beforeEach(() => fx.sim.reset());

async function json(args: string[]): Promise<unknown> {
  const result = await fx.run([...args, '--output', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('cli: --output json prints exactly what the SDK returns', () => {
  it.each([
    ['dns list', ['dns', 'list', 'example.com'], () => sdk.dns.list('example.com')],
    ['domains list', ['domains', 'list'], () => sdk.domains.list()],
    ['domains get', ['domains', 'get', 'example.com'], () => sdk.domains.get('example.com')],
    [
      'domains check',
      ['domains', 'check', 'example.com', 'brand-new-name.com'],
      () => sdk.domains.checkAvailability(['example.com', 'brand-new-name.com']),
    ],
    ['vms list', ['vms', 'list'], () => sdk.vps.list()],
    ['vms get', ['vms', 'get', '1268054'], () => sdk.vps.get('1268054')],
    ['vms datacenters', ['vms', 'datacenters'], () => sdk.vps.listDataCenters()],
    ['ssh-keys list', ['ssh-keys', 'list'], () => sdk.sshKeys.list()],
    ['billing subscriptions', ['billing', 'subscriptions'], () => sdk.billing.listSubscriptions()],
    ['billing catalog', ['billing', 'catalog'], () => sdk.billing.getCatalog()],
  ])('%s', async (_title, args, expected) => {
    const printed = await json(args as string[]);
    expect(printed).toEqual(JSON.parse(JSON.stringify(await expected())));
  });

  it('providers list shows the configured provider and its settings, never its key', async () => {
    const printed = (await json(['providers', 'list'])) as Array<Record<string, unknown>>;
    expect(printed).toContainEqual({
      name: 'hostinger',
      display_name: 'Hostinger',
      configured: true,
      connected: false,
      extra: { base_url: fx.origin },
    });
  });
});

describe('cli: tables', () => {
  it('dns list prints one aligned row per record under a header', async () => {
    const result = await fx.run(['dns', 'list', 'example.com']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+TYPE\s+TTL\s+PRIORITY\s+CONTENT$/);
    expect(lines).toHaveLength((await sdk.dns.list('example.com')).length + 1);
    const contentAt = lines[0]!.indexOf('CONTENT');
    expect(lines.find((l) => l.includes('mx1.example.com'))!.indexOf('mx1.example.com')).toBe(contentAt);
    expect(lines.some((l) => /^@\s+MX\s+14400\s+10\s+mx1\.example\.com$/.test(l))).toBe(true);
    // Not a terminal: no colour codes.
    expect(result.stdout).not.toContain('\x1b[');
  });

  it('an empty listing prints "(none)" on stderr and nothing on stdout', async () => {
    fx.sim.state.publicKeys.clear();
    const result = await fx.run(['ssh-keys', 'list']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '(none)\n' });
  });

  it('an empty listing in JSON is []', async () => {
    fx.sim.state.publicKeys.clear();
    expect(await json(['ssh-keys', 'list'])).toEqual([]);
  });
});

describe('cli: failures', () => {
  it('a missing VM is one line "NotFoundError: ..." on stderr, exit 1, nothing on stdout', async () => {
    const result = await fx.run(['vms', 'get', '999', '--output', 'json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^NotFoundError: .+\n$/);
  });

  it('a bad record lists the ValidationError fields and sends nothing', async () => {
    const result = await fx.run(['dns', 'create', 'example.com', 'www', 'A', 'not-an-ip']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ValidationError: .*content/);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(fx.sim.requests).toEqual([]);
  });

  it.each(['soon', 'abc', '0x10', '1e3', '36.5'])(
    '--ttl %s is a usage error (exit 2) naming ttl, before any request',
    async (ttl) => {
      const result = await fx.run(['dns', 'create', 'example.com', 'www', 'A', '203.0.113.5', '--ttl', ttl]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `UsageError: --ttl must be a whole number, not "${ttl}"\nRun 'setec-hosting dns create --help' for usage.\n`,
      );
      expect(fx.sim.requests).toEqual([]);
    },
  );

  it('--debug adds the cause chain below the error line', async () => {
    fx.sim.inject({ status: 401, times: 2 });
    const plain = await fx.run(['ssh-keys', 'list']);
    const debug = await fx.run(['ssh-keys', 'list', '--debug']);
    expect(plain.code).toBe(1);
    expect(debug.code).toBe(1);
    expect(plain.stderr.split('\n')[0]).toBe(debug.stderr.split('\n')[0]);
    expect(plain.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(debug.stderr).toMatch(/\n {2}code: \w+, status: 401\n/);
  });
});
