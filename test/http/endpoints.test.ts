import { describe, expect, it } from 'vitest';
import type { ProviderConfig } from '../../src/config/config-store.js';
import type { Provider } from '../../src/core/provider.js';
import type { ProviderDefinition } from '../../src/core/registry.js';
import { configure, harness, type Call } from './helpers.js';

const domain = {
  name: 'example.com',
  registrar: 'Full',
  status: 'active',
  expires_at: '2027-03-15T00:00:00Z',
  auto_renew: true,
  locked: true,
  privacy_protection: true,
  nameservers: ['ns1.example.net', 'ns2.example.net'],
};
const vm = {
  id: '42',
  name: 'web-1',
  status: 'running',
  plan: 'kvm-2-monthly',
  region: 'nl',
  cpus: 2,
  memory_mb: 4096,
  disk_gb: 80,
  bandwidth_gb: 4000,
  created_at: '2025-01-15T10:30:00Z',
};
const key = { id: '7', name: 'deploy', fingerprint: 'SHA256:abc', public_key: 'ssh-ed25519 AAAA' };

/** A provider with every capability; each call is recorded and answers a fixed model object. */
function fullProvider(calls: Call[]): ProviderDefinition {
  // The recorder stands in for every method signature; the assertions check what it was called with.

  const rec =
    (name: string, result?: unknown): any =>
    async (...args: unknown[]) => {
      calls.push([name, ...args.slice(0, -1)]);
      return result;
    };
  return {
    name: 'full',
    displayName: 'Full',
    create: (_config: ProviderConfig): Provider => ({
      name: 'full',
      displayName: 'Full',
      testConnection: async () => {},
      dns: {
        list: rec('dns.list', []),
        create: rec('dns.create'),
        update: rec('dns.update'),
        delete: rec('dns.delete'),
        reset: rec('dns.reset'),
      },
      domains: {
        list: rec('domains.list', [domain]),
        get: rec('domains.get', domain),
        checkAvailability: rec('domains.check', [
          { domain: 'cool-project.com', available: true, price: 9.99, currency: 'USD' },
        ]),
        purchase: rec('domains.purchase', domain),
        setNameservers: rec('domains.setNameservers'),
        enableLock: rec('domains.enableLock'),
        disableLock: rec('domains.disableLock'),
        enablePrivacy: rec('domains.enablePrivacy'),
        disablePrivacy: rec('domains.disablePrivacy'),
      },
      vps: {
        list: rec('vps.list', [vm]),
        get: rec('vps.get', vm),
        create: rec('vps.create', vm),
        listDataCenters: rec('vps.dc', [{ id: '1', name: 'NL', location: 'Amsterdam', country: 'NL' }]),
        // Resolves with the machine only when the caller waits, as the SDK does.
        start: async (id: string, options?: { wait?: unknown }): Promise<any> => {
          calls.push(['vps.start', id]);
          return options?.wait ? vm : undefined;
        },
        stop: rec('vps.stop'),
        restart: rec('vps.restart'),
        waitFor: rec('vps.waitFor', vm),
        delete: rec('vps.delete'),
        listSnapshots: rec('vps.listSnapshots', []),
        createSnapshot: rec('vps.createSnapshot'),
        restoreSnapshot: rec('vps.restoreSnapshot'),
        deleteSnapshot: rec('vps.deleteSnapshot'),
      },
      sshKeys: { list: rec('keys.list', [key]), add: rec('keys.add', key), delete: rec('keys.delete') },
      billing: { listSubscriptions: rec('billing.subs', []), getCatalog: rec('billing.catalog', []) },
    }),
  };
}

async function full() {
  const h = await harness({ providers: [fullProvider] });
  await configure(h, 'full');
  await configure(h, 'tinydns');
  return h;
}

const P = '/providers/full';
const createVm = {
  plan: 'kvm-2-monthly',
  data_center_id: '1',
  template: 'Ubuntu 22.04',
  password: 'SecurePassword123!',
  hostname: 'web-2',
};

describe('http: endpoints', () => {
  it.each([
    ['GET', `${P}/dns/example.com`, undefined, 200, [], ['dns.list', 'example.com']],
    [
      'POST',
      `${P}/dns/example.com`,
      { type: 'A', name: 'api', content: '93.184.216.35', ttl: 3600 },
      201,
      { status: 'created' },
      ['dns.create', 'example.com', { type: 'A', name: 'api', content: '93.184.216.35', ttl: 3600 }],
    ],
    [
      'PUT',
      `${P}/dns/example.com`,
      { records: [{ id: 'www/CNAME/0', type: 'CNAME', name: 'www', content: 'example.com' }], overwrite: true },
      200,
      { status: 'updated' },
      ['dns.update', 'example.com', [{ type: 'CNAME', name: 'www', content: 'example.com' }]],
    ],
    [
      'DELETE',
      `${P}/dns/example.com?name=api&type=A`,
      undefined,
      200,
      { status: 'deleted' },
      ['dns.delete', 'example.com', 'api', 'A'],
    ],
    ['POST', `${P}/dns/example.com/reset`, undefined, 200, { status: 'reset' }, ['dns.reset', 'example.com']],
    ['GET', `${P}/domains`, undefined, 200, [domain], ['domains.list']],
    ['GET', `${P}/domains/example.com`, undefined, 200, domain, ['domains.get', 'example.com']],
    [
      'POST',
      `${P}/domains/check`,
      { domains: ['cool-project.com'] },
      200,
      [{ domain: 'cool-project.com', available: true, price: 9.99, currency: 'USD' }],
      ['domains.check', ['cool-project.com']],
    ],
    [
      'POST',
      `${P}/domains/purchase`,
      { domain: 'cool-project.com', period: 1, auto_renew: true, privacy_protection: true, payment_method_id: 'pm_1' },
      201,
      domain,
      [
        'domains.purchase',
        {
          domain: 'cool-project.com',
          period: 1,
          auto_renew: true,
          privacy_protection: true,
          payment_method_id: 'pm_1',
        },
      ],
    ],
    [
      'PUT',
      `${P}/domains/example.com/nameservers`,
      { nameservers: ['ns1.cloudflare.com', 'ns2.cloudflare.com'] },
      200,
      { status: 'updated' },
      ['domains.setNameservers', 'example.com', ['ns1.cloudflare.com', 'ns2.cloudflare.com']],
    ],
    [
      'POST',
      `${P}/domains/example.com/lock`,
      undefined,
      200,
      { status: 'locked' },
      ['domains.enableLock', 'example.com'],
    ],
    [
      'DELETE',
      `${P}/domains/example.com/lock`,
      undefined,
      200,
      { status: 'unlocked' },
      ['domains.disableLock', 'example.com'],
    ],
    [
      'POST',
      `${P}/domains/example.com/privacy`,
      undefined,
      200,
      { status: 'enabled' },
      ['domains.enablePrivacy', 'example.com'],
    ],
    [
      'DELETE',
      `${P}/domains/example.com/privacy`,
      undefined,
      200,
      { status: 'disabled' },
      ['domains.disablePrivacy', 'example.com'],
    ],
    ['GET', `${P}/vms`, undefined, 200, [vm], ['vps.list']],
    ['GET', `${P}/vms/42`, undefined, 200, vm, ['vps.get', '42']],
    ['POST', `${P}/vms`, createVm, 201, vm, ['vps.create', createVm]],
    ['POST', `${P}/vms/42/start`, undefined, 200, { status: 'ok' }, ['vps.start', '42']],
    ['POST', `${P}/vms/42/stop`, undefined, 200, { status: 'ok' }, ['vps.stop', '42']],
    ['POST', `${P}/vms/42/restart`, undefined, 200, { status: 'ok' }, ['vps.restart', '42']],
    ['POST', `${P}/vms/42/start`, { wait: true }, 200, { status: 'ok', vm }, ['vps.start', '42']],
    ['DELETE', `${P}/vms/42`, undefined, 200, { status: 'deleted' }, ['vps.delete', '42']],
    ['POST', `${P}/vms/42/wait`, { status: 'stopped' }, 200, vm, ['vps.waitFor', '42', 'stopped']],
    ['GET', `${P}/vms/42/snapshots`, undefined, 200, [], ['vps.listSnapshots', '42']],
    ['POST', `${P}/vms/42/snapshots`, { name: 'pre' }, 201, { status: 'accepted' }, ['vps.createSnapshot', '42']],
    ['POST', `${P}/vms/42/snapshots/9/restore`, undefined, 200, { status: 'ok' }, ['vps.restoreSnapshot', '42', '9']],
    ['DELETE', `${P}/vms/42/snapshots/9`, undefined, 200, { status: 'deleted' }, ['vps.deleteSnapshot', '42', '9']],
    [
      'GET',
      `${P}/datacenters`,
      undefined,
      200,
      [{ id: '1', name: 'NL', location: 'Amsterdam', country: 'NL' }],
      ['vps.dc'],
    ],
    ['GET', `${P}/ssh-keys`, undefined, 200, [key], ['keys.list']],
    [
      'POST',
      `${P}/ssh-keys`,
      { name: 'deploy', public_key: 'ssh-ed25519 AAAA' },
      201,
      key,
      ['keys.add', 'deploy', 'ssh-ed25519 AAAA'],
    ],
    ['DELETE', `${P}/ssh-keys/7`, undefined, 200, { status: 'deleted' }, ['keys.delete', '7']],
    ['GET', `${P}/subscriptions`, undefined, 200, [], ['billing.subs']],
    ['GET', `${P}/catalog`, undefined, 200, [], ['billing.catalog']],
  ] as const)(
    '%s %s calls the provider and answers the documented body',
    async (method, path, body, status, expected, call) => {
      const h = await full();
      const response = await h.send(method, path, body);
      expect(await response.json()).toEqual(expected);
      expect(response.status).toBe(status);
      expect(h.calls).toEqual([call]);
    },
  );

  it('passes overwrite (default false) and the optional content of a DNS delete', async () => {
    const h = await full();
    await h.send('PUT', '/providers/tinydns/dns/example.com', {
      records: [{ type: 'A', name: '@', content: '1.2.3.4' }],
    });
    await h.send('PUT', '/providers/tinydns/dns/example.com', {
      records: [{ type: 'A', name: '@', content: '1.2.3.4' }],
      overwrite: true,
    });
    await h.send('DELETE', '/providers/tinydns/dns/example.com?name=%40&type=TXT&content=v%3Dspf1%20-all');
    expect(h.calls.map((c) => c.slice(-1))).toEqual([[false], [true], ['v=spf1 -all']]);
  });

  it('answers 501 with the ErrNotSupported message for a capability the provider lacks', async () => {
    const h = await full();
    for (const path of ['/vms', '/datacenters', '/domains', '/ssh-keys', '/subscriptions']) {
      const response = await h.send('GET', `/providers/tinydns${path}`);
      expect(response.status).toBe(501);
      expect((await response.json()).error).toMatch(/^tinydns does not support /);
    }
    // The missing capability wins over a bad body: the client learns the provider cannot do it at all.
    expect((await h.send('POST', '/providers/tinydns/vms', {})).status).toBe(501);
  });

  it('answers 404 for an unknown provider and 400 saying so for an unconfigured one', async () => {
    const h = await harness({ providers: [fullProvider] });
    const unknown = await h.send('GET', '/providers/nope/dns/example.com');
    expect(unknown.status).toBe(404);
    const unconfigured = await h.send('GET', '/providers/full/vms');
    expect(unconfigured.status).toBe(400);
    expect((await unconfigured.json()).error).toMatch(/"full" is not configured/);
    expect(h.calls).toEqual([]);
  });

  it('answers 404 with an {error} body for an unknown route', async () => {
    const h = await full();
    const response = await h.send('GET', `${P}/no-such-thing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Not found' });
  });
});

describe('http: ids in request bodies', () => {
  it('accepts Hostinger-style integer ids and hands the provider strings', async () => {
    const h = await full();
    const response = await h.send('POST', `${P}/vms`, {
      ...createVm,
      data_center_id: 19,
      ssh_key_id: 325,
      payment_method_id: 1327362,
    });
    expect(response.status).toBe(201);
    expect(h.calls.at(-1)).toEqual([
      'vps.create',
      { ...createVm, data_center_id: '19', ssh_key_id: '325', payment_method_id: '1327362' },
    ]);
  });

  it('still refuses a negative or fractional id, naming the field', async () => {
    const h = await full();
    const response = await h.send('POST', `${P}/vms`, { ...createVm, data_center_id: 1.5 });
    expect(response.status).toBe(400);
    expect((await response.json()).fields).toHaveProperty('data_center_id');
  });
});
