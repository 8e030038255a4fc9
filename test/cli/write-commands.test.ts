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

const writes = () => fx.sim.requests.filter((r) => r.method !== 'GET');

describe('cli: dns writes', () => {
  it('dns create adds the record with its TTL and leaves the others', async () => {
    const before = await sdk.dns.list('example.com');
    const result = await fx.run(['dns', 'create', 'example.com', 'blog', 'a', '203.0.113.55', '--ttl', '600']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('created blog A 203.0.113.55');
    const after = await sdk.dns.list('example.com');
    expect(after).toHaveLength(before.length + 1);
    expect(after).toContainEqual(
      expect.objectContaining({ name: 'blog', type: 'A', content: '203.0.113.55', ttl: 600 }),
    );
  });

  it('dns update --overwrite replaces exactly the named set', async () => {
    const result = await fx.run([
      'dns',
      'update',
      'example.com',
      'app',
      'A',
      '198.51.100.1',
      '--ttl',
      '300',
      '--overwrite',
    ]);
    expect(result.code).toBe(0);
    const app = (await sdk.dns.list('example.com')).filter((r) => r.name === 'app' && r.type === 'A');
    expect(app.map((r) => r.content)).toEqual(['198.51.100.1']);
  });

  it('dns delete --content removes one record of the set', async () => {
    const result = await fx.run(['dns', 'delete', 'example.com', 'app', 'A', '--content', '203.0.113.20']);
    expect(result.code).toBe(0);
    const app = (await sdk.dns.list('example.com')).filter((r) => r.name === 'app');
    expect(app.map((r) => r.content)).toEqual(['203.0.113.21']);
  });

  it('a duplicate record exits 1 with ConflictError', async () => {
    const result = await fx.run(['dns', 'create', 'example.com', 'app', 'A', '203.0.113.20', '--ttl', '300']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ConflictError: /);
  });
});

describe('cli: confirmations without a terminal', () => {
  it.each([
    ['dns reset', ['dns', 'reset', 'example.com']],
    ['domains purchase', ['domains', 'purchase', 'brand-new-name.com']],
    [
      'vms create',
      [
        'vms',
        'create',
        '--plan',
        'hostingercom-vps-kvm2-usd-1m',
        '--data-center-id',
        '9',
        '--template',
        'Ubuntu 22.04',
        '--hostname',
        'web9.example.com',
      ],
    ],
  ])('%s without --yes exits 1 and sends no request', async (_title, args) => {
    const result = await fx.run(args as string[], { env: { SETEC_HOSTING_VM_PASSWORD: 'Sup3r-secret-pw!' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ValidationError: .*--yes/);
    expect(fx.sim.requests).toEqual([]);
  });

  it('dns reset --yes resets the zone', async () => {
    await sdk.dns.create('example.com', { name: 'extra', type: 'A', content: '203.0.113.99' });
    const result = await fx.run(['dns', 'reset', 'example.com', '--yes']);
    expect(result.code).toBe(0);
    expect((await sdk.dns.list('example.com')).some((r) => r.name === 'extra')).toBe(false);
  });

  it('domains purchase --yes buys the domain and prints it as JSON', async () => {
    const result = await fx.run(['domains', 'purchase', 'brand-new-name.com', '--yes', '--output', 'json']);
    expect(result.code).toBe(0);
    const bought = JSON.parse(result.stdout);
    expect(bought).toEqual(JSON.parse(JSON.stringify(await sdk.domains.get('brand-new-name.com'))));
    expect(writes().filter((r) => r.path === '/api/domains/v1/portfolio')).toHaveLength(1);
  });

  it('vms create --yes creates the machine with the password from the environment', async () => {
    const args = ['vms', 'create', '--plan', 'hostingercom-vps-kvm2-usd-1m', '--data-center-id', '9'];
    args.push('--template', 'Ubuntu 22.04', '--hostname', 'web9.example.com', '--yes', '--output', 'json');
    const result = await fx.run(args, { env: { SETEC_HOSTING_VM_PASSWORD: 'Sup3r-secret-pw!' } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const vm = JSON.parse(result.stdout);
    // The status moves on (creating → running) between the two reads; everything else is the SDK's model.
    expect({ ...vm, status: 'x' }).toEqual(JSON.parse(JSON.stringify({ ...(await sdk.vps.get(vm.id)), status: 'x' })));
    expect(vm.name).toBe('web9.example.com');
    expect(writes().filter((r) => r.path === '/api/vps/v1/virtual-machines')).toHaveLength(1);
    expect(result.stdout).not.toContain('Sup3r-secret-pw!');
  });

  it('vms create without a password is a usage error before any request', async () => {
    const args = [
      'vms',
      'create',
      '--plan',
      'p',
      '--data-center-id',
      '9',
      '--template',
      't',
      '--hostname',
      'h',
      '--yes',
    ];
    const result = await fx.run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/SETEC_HOSTING_VM_PASSWORD/);
    expect(fx.sim.requests).toEqual([]);
  });
});

describe('cli: domains, ssh keys', () => {
  it('nameservers, lock and privacy change the domain', async () => {
    expect((await fx.run(['domains', 'nameservers', 'example.net', 'ns1.example.org', 'ns2.example.org'])).code).toBe(
      0,
    );
    expect((await fx.run(['domains', 'lock', 'example.net'])).code).toBe(0);
    expect((await fx.run(['domains', 'privacy', 'example.net', 'on'])).code).toBe(0);
    const domain = await sdk.domains.get('example.net');
    expect(domain).toMatchObject({
      nameservers: ['ns1.example.org', 'ns2.example.org'],
      locked: true,
      privacy_protection: true,
    });
  });

  it('privacy with a state other than on/off is a usage error', async () => {
    const result = await fx.run(['domains', 'privacy', 'example.net', 'maybe']);
    expect(result.code).toBe(2);
    expect(fx.sim.requests).toEqual([]);
  });

  it('ssh-keys add reads the key from stdin and prints its fingerprint; delete removes it', async () => {
    const publicKey = (await sdk.sshKeys.list())[0]!.public_key;
    fx.sim.state.publicKeys.clear();
    const added = await fx.run(['ssh-keys', 'add', 'laptop2', '-', '--output', 'json'], { input: publicKey + '\n' });
    expect(added.code).toBe(0);
    const key = JSON.parse(added.stdout);
    expect(await sdk.sshKeys.list()).toEqual([key]);
    expect((await fx.run(['ssh-keys', 'delete', key.id])).code).toBe(0);
    expect(await sdk.sshKeys.list()).toEqual([]);
  });
});

describe('cli: --max-price', () => {
  const vmArgs = ['vms', 'create', '--plan', 'hostingercom-vps-kvm2-usd-1m', '--data-center-id', '9'];
  vmArgs.push('--template', 'Ubuntu 22.04', '--hostname', 'web8.example.com', '--yes');
  const env = { SETEC_HOSTING_VM_PASSWORD: 'Sup3r-secret-pw!' };

  it('a domain dearer than --max-price is refused naming maxPrice, and never bought', async () => {
    const result = await fx.run(['domains', 'purchase', 'brand-new-name.com', '--max-price', '5', '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ValidationError: .*maxPrice/);
    expect(writes().filter((r) => r.path === '/api/domains/v1/portfolio')).toEqual([]);
  });

  it('a domain within --max-price is bought', async () => {
    const result = await fx.run(['domains', 'purchase', 'brand-new-name.com', '--max-price', '20', '--yes']);
    expect(result.code).toBe(0);
    expect(writes().filter((r) => r.path === '/api/domains/v1/portfolio')).toHaveLength(1);
  });

  it('a VM plan dearer than --max-price is refused and no VM is ordered', async () => {
    const result = await fx.run([...vmArgs, '--max-price', '10'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ValidationError: .*maxPrice/);
    expect(writes().filter((r) => r.path === '/api/vps/v1/virtual-machines')).toEqual([]);
  });

  it.each(['cheap', '0x10', '1e3', '12,50', 'Infinity'])(
    'a --max-price of %s (not a decimal number) is a usage error before any request',
    async (value) => {
      const result = await fx.run([...vmArgs, '--max-price', value], { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^UsageError: --max-price must be a decimal number, not "/);
      expect(fx.sim.requests).toEqual([]);
    },
  );

  it('a decimal --max-price such as 10.5 is taken as it reads', async () => {
    const result = await fx.run([...vmArgs, '--max-price', '10.5'], { env });
    expect(result.stderr).toMatch(/^ValidationError: .*maxPrice/);
    expect(result.stderr).toContain('more than maxPrice 10.5');
  });
});
