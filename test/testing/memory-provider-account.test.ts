import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError, requireCapability, type Provider } from '../../src/index.js';
import { createMemoryProvider } from '../../src/testing/index.js';

const SEEDED_KEY_FINGERPRINT = 'SHA256:LXdVN+WDSvqBXtC0XMHRB9TpbU6d3VFaMNlw7vElLik'; // printed by `ssh-keygen -lf` for the seeded key
const OTHER_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl other@host';

/** Calls every method of every group with an already-aborted signal. */
function everyCall(p: Provider, signal: AbortSignal): Promise<unknown>[] {
  const o = { signal };
  const dns = requireCapability(p, 'dns');
  const domains = requireCapability(p, 'domains');
  const vps = requireCapability(p, 'vps');
  const keys = requireCapability(p, 'sshKeys');
  const billing = requireCapability(p, 'billing');
  const record = { type: 'A', name: 'x', content: '192.0.2.1' } as const;
  return [
    p.testConnection(o),
    dns.list('example.com', o),
    dns.create('example.com', record, o),
    dns.update('example.com', [record], o),
    dns.delete('example.com', 'x', 'A', o),
    dns.reset('example.com', o),
    domains.list(o),
    domains.get('example.com', o),
    domains.checkAvailability(['new.com'], o),
    domains.purchase({ domain: 'new.com', period: 1, auto_renew: true, privacy_protection: true }, o),
    domains.setNameservers('example.com', ['ns1.a.com', 'ns2.a.com'], o),
    domains.enableLock('example.com', o),
    domains.disableLock('example.com', o),
    domains.enablePrivacy('example.com', o),
    domains.disablePrivacy('example.com', o),
    vps.list(o),
    vps.get('1', o),
    vps.listDataCenters(o),
    vps.start('1', o),
    vps.stop('1', o),
    vps.restart('1', o),
    vps.create(
      {
        plan: 'memory-vps-kvm-1-usd-1m',
        data_center_id: 'us-nyc',
        template: 'Debian 12',
        password: 'long-enough-pw',
        hostname: 'a.example.com',
      },
      o,
    ),
    keys.list(o),
    keys.add('k', OTHER_KEY, o),
    keys.delete('100', o),
    billing.listSubscriptions(o),
    billing.getCatalog(o),
  ];
}

describe('testing: memory provider account', () => {
  it('rejects every method with the signal reason when the signal is already aborted, and changes nothing', async () => {
    const p = createMemoryProvider();
    const before = JSON.stringify([
      await p.dns!.list('example.com'),
      await p.domains!.list(),
      await p.vps!.list(),
      await p.sshKeys!.list(),
    ]);
    const controller = new AbortController();
    const reason = new Error('user gave up');
    controller.abort(reason);
    const calls = everyCall(p, controller.signal);
    expect(calls).toHaveLength(27);
    for (const settled of await Promise.allSettled(calls)) expect(settled).toEqual({ status: 'rejected', reason });
    expect(
      JSON.stringify([
        await p.dns!.list('example.com'),
        await p.domains!.list(),
        await p.vps!.list(),
        await p.sshKeys!.list(),
      ]),
    ).toBe(before);
  });

  it('lists one active domain per seeded zone; an unknown domain is a NotFoundError', async () => {
    const domains = createMemoryProvider({ zones: { 'a.com': [], 'b.org': [] } }).domains!;
    expect((await domains.list()).map((d) => [d.name, d.status])).toEqual([
      ['a.com', 'active'],
      ['b.org', 'active'],
    ]);
    await expect(domains.get('c.net')).rejects.toThrow(NotFoundError);
  });

  it('reports owned and taken domains unavailable and others available with the catalog price', async () => {
    const domains = createMemoryProvider().domains!;
    expect(await domains.checkAvailability(['example.com', 'example.net', 'Fresh-Name.com'])).toEqual([
      { domain: 'example.com', available: false },
      { domain: 'example.net', available: false },
      { domain: 'fresh-name.com', available: true, price: 9.99, currency: 'USD' },
    ]);
    await expect(domains.checkAvailability(['ok.com', 'bad..com'])).rejects.toMatchObject({
      fields: { 'domains.1': expect.any(Array) },
    });
  });

  it('a purchase adds the domain, a zone with the default records and a subscription', async () => {
    const p = createMemoryProvider({ now: () => new Date('2025-03-01T00:00:00.000Z') });
    const bought = await p.domains!.purchase({
      domain: 'fresh-name.com',
      period: 2,
      auto_renew: false,
      privacy_protection: true,
    });
    expect(bought).toMatchObject({
      name: 'fresh-name.com',
      expires_at: '2027-03-01T00:00:00.000Z',
      auto_renew: false,
      privacy_protection: true,
    });
    expect(await p.domains!.get('fresh-name.com')).toEqual(bought);
    expect((await p.dns!.list('fresh-name.com')).map((r) => r.type)).toEqual(['NS', 'NS']);
    expect(await p.billing!.listSubscriptions()).toContainEqual(
      expect.objectContaining({ name: 'fresh-name.com', plan: 'memory-domain-com-usd-1y', period: 'yearly' }),
    );
    await expect(
      p.domains!.purchase({ domain: 'fresh-name.com', period: 1, auto_renew: true, privacy_protection: true }),
    ).rejects.toThrow(ConflictError);
    await expect(
      p.domains!.purchase({ domain: 'other.com', period: 0, auto_renew: true, privacy_protection: true }),
    ).rejects.toMatchObject({
      fields: { period: expect.any(Array) },
    });
  });

  it('sets 2 to 4 valid nameservers and toggles lock and privacy', async () => {
    const domains = createMemoryProvider().domains!;
    await domains.setNameservers('example.com', ['NS1.Host.net', 'ns2.host.net']);
    await domains.disableLock('example.com');
    await domains.disablePrivacy('example.com');
    expect(await domains.get('example.com')).toMatchObject({
      nameservers: ['ns1.host.net', 'ns2.host.net'],
      locked: false,
      privacy_protection: false,
    });
    await expect(domains.setNameservers('example.com', ['ns1.host.net'])).rejects.toMatchObject({
      fields: { nameservers: expect.any(Array) },
    });
    await expect(domains.setNameservers('example.com', ['ns1.host.net', '1.2.3.4'])).rejects.toMatchObject({
      fields: { 'nameservers.1': expect.any(Array) },
    });
    await expect(domains.enableLock('missing.com')).rejects.toThrow(NotFoundError);
  });

  it('creates a VM from catalog, data center and template name, sized by its plan, with a subscription', async () => {
    const p = createMemoryProvider({ now: () => new Date('2025-03-01T00:00:00.000Z') });
    const [key] = await p.sshKeys!.list();
    const vm = await p.vps!.create({
      plan: 'memory-vps-kvm-2-usd-1y',
      data_center_id: 'nl-ams',
      template: 'ubuntu 22.04',
      password: 'correct horse',
      hostname: 'App.Example.com',
      ssh_key_id: key!.id,
    });
    expect(vm).toMatchObject({
      name: 'app.example.com',
      status: 'running',
      plan: 'memory-vps-kvm-2-usd-1y',
      region: 'nl-ams',
      os: 'Ubuntu 22.04',
      cpus: 2,
      memory_mb: 8192,
      disk_gb: 100,
      created_at: '2025-03-01T00:00:00.000Z',
    });
    expect(await p.vps!.get(vm.id)).toEqual(vm);
    expect((await p.vps!.list()).map((v) => v.id)).toContain(vm.id);
    expect(await p.billing!.listSubscriptions()).toContainEqual(
      expect.objectContaining({ plan: 'memory-vps-kvm-2-usd-1y', price: 83.88, period: 'yearly' }),
    );
  });

  it('stop, start and restart change the VM status at once; an unknown VM is a NotFoundError', async () => {
    const p = createMemoryProvider();
    const vm = await p.vps!.create({
      plan: 'memory-vps-kvm-1-usd-1m',
      data_center_id: 'us-nyc',
      template: 'Debian 12',
      password: 'long-enough-pw',
      hostname: 'power.example.com',
    });
    await p.vps!.stop(vm.id);
    expect((await p.vps!.get(vm.id)).status).toBe('stopped');
    await p.vps!.start(vm.id);
    expect((await p.vps!.get(vm.id)).status).toBe('running');
    await p.vps!.stop(vm.id);
    await p.vps!.restart(vm.id);
    expect((await p.vps!.get(vm.id)).status).toBe('running');
    await expect(p.vps!.start('no-such-vm')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('names every bad field of a VM request at once and creates nothing', async () => {
    const vps = createMemoryProvider().vps!;
    const attempt = vps.create({
      plan: 'memory-domain-com-usd-1y',
      data_center_id: 'mars-1',
      template: 'Windows',
      password: 'short',
      hostname: 'bad host',
      ssh_key_id: 'nope',
    });
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fields).sort()).toEqual([
      'data_center_id',
      'hostname',
      'password',
      'plan',
      'ssh_key_id',
      'template',
    ]);
    expect(await vps.list()).toHaveLength(1);
    await expect(vps.get('404')).rejects.toThrow(NotFoundError);
  });

  it('fingerprints SSH keys as ssh-keygen does, refuses duplicates and bad keys, deletes by id', async () => {
    const keys = createMemoryProvider().sshKeys!;
    const [seeded] = await keys.list();
    expect(seeded).toMatchObject({ name: 'laptop', fingerprint: SEEDED_KEY_FINGERPRINT });
    await expect(keys.add('again', seeded!.public_key)).rejects.toThrow(ConflictError);
    await expect(keys.add('bad', 'ssh-ed25519 not-base64!')).rejects.toMatchObject({
      fields: { public_key: expect.any(Array) },
    });
    await expect(keys.add(' ', OTHER_KEY)).rejects.toMatchObject({ fields: { name: expect.any(Array) } });
    const added = await keys.add('other', OTHER_KEY);
    expect(added.fingerprint).toBe('SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU'); // ssh-keygen -lf
    await keys.delete(seeded!.id);
    expect((await keys.list()).map((k) => k.id)).toEqual([added.id]);
    await expect(keys.delete(seeded!.id)).rejects.toThrow(NotFoundError);
  });

  it('seed: false empties the account but keeps the catalog, data centers and templates', async () => {
    const p = createMemoryProvider({ seed: false });
    expect([
      await p.domains!.list(),
      await p.vps!.list(),
      await p.sshKeys!.list(),
      await p.billing!.listSubscriptions(),
    ]).toEqual([[], [], [], []]);
    expect((await p.billing!.getCatalog()).map((c) => c.period)).toEqual(expect.arrayContaining(['monthly', 'yearly']));
    const vm = await p.vps!.create({
      plan: 'memory-vps-kvm-1-usd-1m',
      data_center_id: 'us-nyc',
      template: '1003',
      password: 'long-enough-pw',
      hostname: 'solo',
    });
    expect(vm).toMatchObject({ os: 'Debian 12', cpus: 1 });
  });

  it('a partial seed replaces only the parts it names', async () => {
    const p = createMemoryProvider({ seed: { dataCenters: [{ id: 'x1', name: 'x1', location: 'X', country: 'XX' }] } });
    expect(await p.vps!.listDataCenters()).toEqual([{ id: 'x1', name: 'x1', location: 'X', country: 'XX' }]);
    expect(await p.sshKeys!.list()).toHaveLength(1);
  });
});
