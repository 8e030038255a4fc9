import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/core/errors.js';
import { useHetznerServer } from '../support/msw.js';
import { calls, providerFor, writes } from './helpers.js';

const { sim } = useHetznerServer();
const PASSWORD = 'correct horse battery staple';
const request = {
  plan: 'cax11',
  data_center_id: 'fsn1',
  template: 'ubuntu-24.04',
  password: PASSWORD,
  hostname: 'app-1',
};

describe('hetzner: vps', () => {
  it('lists servers as VMs: type as plan, location as region, off as stopped, memory in MB', async () => {
    const vms = await providerFor(sim).vps.list();
    expect(vms.map((v) => [v.id, v.name, v.status, v.plan, v.region])).toEqual([
      ['42', 'web-1', 'running', 'cx22', 'fsn1'],
      ['43', 'db-1', 'stopped', 'cpx22', 'nbg1'],
    ]);
    expect(vms[0]).toMatchObject({ cpus: 2, memory_mb: 4096, disk_gb: 40, ipv4: '203.0.113.42', bandwidth_gb: 20480 });
  });

  it('create resolves the image for the server type architecture and sends only the password hash', async () => {
    const vm = await providerFor(sim).vps.create({ ...request, ssh_key_id: '2323' });
    const post = sim.requests.find((r) => r.method === 'POST' && r.path === '/v1/servers')!;
    const body = post.body as Record<string, unknown>;
    // ubuntu-24.04 exists for x86 and arm; cax11 is arm.
    expect(body).toMatchObject({
      name: 'app-1',
      server_type: 'cax11',
      location: 'fsn1',
      image: '161547270',
      ssh_keys: ['laptop'],
    });
    expect(String(body.user_data)).toMatch(/^#cloud-config\n[\s\S]*root:\$6\$[^\s]+\n/);
    expect(JSON.stringify(sim.requests)).not.toContain(PASSWORD);
    expect(vm).toMatchObject({ name: 'app-1', plan: 'cax11', region: 'fsn1', os: 'Ubuntu 24.04' });
    expect(writes(sim)).toEqual(['POST /servers']);
    expect(calls(sim)).toContain('GET /actions');
  });

  it('a catalog id (cax11@fsn1) is a plan; a location it does not match is a ValidationError', async () => {
    await expect(providerFor(sim).vps.create({ ...request, plan: 'cax11@fsn1' })).resolves.toMatchObject({
      plan: 'cax11',
    });
    const error = await providerFor(sim)
      .vps.create({ ...request, plan: 'cax11@nbg1', hostname: 'app-2' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.data_center_id).toBeDefined();
  });

  it('a type not offered in the location, an unknown image or a bad request sends no create', async () => {
    const provider = providerFor(sim);
    const where = await provider.vps.create({ ...request, data_center_id: 'ash' }).catch((e: unknown) => e);
    expect((where as ValidationError).fields.data_center_id).toBeDefined();
    const what = await provider.vps.create({ ...request, template: 'windows-11' }).catch((e: unknown) => e);
    expect((what as ValidationError).fields.template).toBeDefined();
    const bad = await provider.vps
      .create({ ...request, hostname: 'no_underscores', password: 'short' })
      .catch((e) => e);
    expect(Object.keys((bad as ValidationError).fields).sort()).toEqual(['hostname', 'password']);
    expect(writes(sim)).toEqual([]);
  });

  it('maxPrice is checked against the monthly gross price of the type in that location', async () => {
    const provider = providerFor(sim);
    // cax11 in fsn1: 3.79 net, 4.51 gross (19 % VAT).
    const error = (await provider.vps.create(request, { maxPrice: 4.5 }).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fields.maxPrice?.[0]).toMatch(/4\.51 EUR/);
    expect(writes(sim)).toEqual([]);
    await expect(provider.vps.create(request, { maxPrice: 4.51 })).resolves.toMatchObject({ name: 'app-1' });
  });

  it('a create answered 503 is sent once; a create answered 429 is sent again', async () => {
    sim.inject({ status: 503, method: 'POST', path: '/v1/servers' });
    await expect(providerFor(sim).vps.create(request)).rejects.toThrow(/503/);
    expect(writes(sim)).toEqual(['POST /servers']);
    sim.reset();
    sim.inject({ status: 429, method: 'POST', path: '/v1/servers', headers: { 'retry-after': '0' } });
    await providerFor(sim).vps.create(request);
    expect(writes(sim)).toEqual(['POST /servers', 'POST /servers']);
  });

  it('start, stop and restart are poweron, shutdown and reboot, each waiting for its action', async () => {
    const provider = providerFor(sim);
    await provider.vps.start('43');
    await provider.vps.stop('42');
    await provider.vps.restart('43');
    expect(writes(sim)).toEqual([
      'POST /servers/{id}/actions/poweron',
      'POST /servers/{id}/actions/shutdown',
      'POST /servers/{id}/actions/reboot',
    ]);
    expect([...sim.state.actions.values()].map((a) => a.status)).toEqual(['success', 'success', 'success']);
    await expect(provider.vps.start('999')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('data centers are the locations: id the name, name the description, city and country', async () => {
    const dcs = await providerFor(sim).vps.listDataCenters();
    expect(dcs[0]).toEqual({ id: 'fsn1', name: 'Falkenstein DC Park 1', location: 'Falkenstein', country: 'DE' });
    expect(calls(sim)).toEqual(['GET /locations']);
  });
});
