import { describe, expect, it } from 'vitest';
import { NotFoundError, ProviderAPIError, ValidationError } from '../../src/core/errors.js';
import { useDigitalOceanServer } from '../support/msw.js';
import { providerFor, writes } from './helpers.js';

const { sim } = useDigitalOceanServer();
const vps = () => providerFor(sim).vps;
const request = {
  plan: 's-1vcpu-2gb',
  data_center_id: 'fra1',
  template: 'Ubuntu 24.04',
  password: 'c0rrect-Horse-battery',
  hostname: 'app.example.com',
};

describe('digitalocean: vps', () => {
  it('lists droplets as VMs: running/stopped, size slug, region slug, public addresses, OS, whole GB', async () => {
    const vms = await vps().list();
    expect(vms).toContainEqual({
      id: '3164444',
      name: 'web-1',
      status: 'running',
      plan: 's-1vcpu-1gb',
      region: 'nyc3',
      ipv4: '104.236.32.182',
      ipv6: '2604:a880:0:1010::18a:a001',
      os: 'Ubuntu 22.04 (LTS) x64',
      cpus: 1,
      memory_mb: 1024,
      disk_gb: 25,
      bandwidth_gb: 1000,
      created_at: '2024-05-02T08:14:09Z',
    });
    expect(vms.find((vm) => vm.id === '3164450')?.status).toBe('stopped');
  });

  it('gets one droplet; an unknown id is NotFoundError and a malformed one a ValidationError without a request', async () => {
    expect((await vps().get('3164450')).name).toBe('db-1');
    await expect(vps().get('999999')).rejects.toBeInstanceOf(NotFoundError);
    await expect(vps().get('../1')).rejects.toBeInstanceOf(ValidationError);
    expect(sim.requests).toHaveLength(2);
  });

  it('lists regions as data centers', async () => {
    expect(await vps().listDataCenters()).toContainEqual({
      id: 'fra1',
      name: 'Frankfurt 1',
      location: 'Frankfurt',
      country: 'DE',
    });
  });

  it('create resolves size, region, image name and key, and answers the droplet as accepted: creating, no IPs', async () => {
    const vm = await vps().create({ ...request, ssh_key_id: '289794' });
    expect(vm).toMatchObject({ name: 'app.example.com', status: 'creating', plan: 's-1vcpu-2gb', region: 'fra1' });
    expect(vm.ipv4).toBeUndefined();
    const post = sim.requests.find((r) => r.method === 'POST')!;
    expect(post.body).toMatchObject({
      name: 'app.example.com',
      size: 's-1vcpu-2gb',
      region: 'fra1',
      image: 'ubuntu-24-04-x64',
      ssh_keys: [289794],
      user_data: expect.stringMatching(
        /^#cloud-config\n[\s\S]*chpasswd:[\s\S]*\n {4}root:\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}\n$/,
      ),
    });
    // Only the SHA-512 crypt hash of the root password leaves the machine, in no request at all.
    for (const sent of sim.requests) expect(JSON.stringify(sent)).not.toContain('c0rrect-Horse-battery');
    const reads = [await vps().get(vm.id), await vps().get(vm.id), await vps().get(vm.id)];
    expect(reads.map((r) => r.status)).toEqual(['creating', 'creating', 'running']);
    expect(reads[2]!.ipv4).toMatch(/^203\.0\.113\./);
  });

  it('a bad request names every bad field and sends nothing; unknown references are refused before the POST', async () => {
    const error = await vps()
      .create({ ...request, hostname: 'bad_name', password: 'short' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fields).sort()).toEqual(['hostname', 'password']);
    expect(sim.requests).toHaveLength(0);
    const unknown = await vps()
      .create({ ...request, plan: 's-99vcpu', template: 'Plan 9' })
      .catch((e: unknown) => e);
    expect(Object.keys((unknown as ValidationError).fields).sort()).toEqual(['plan', 'template']);
    expect(writes(sim)).toEqual([]);
  });

  it('with maxPrice, a size costing more per month is refused naming maxPrice, and nothing is created', async () => {
    const error = await vps()
      .create(request, { maxPrice: 11.99 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toHaveProperty('maxPrice');
    expect(writes(sim)).toEqual([]);
    await vps().create(request, { maxPrice: 12 });
    expect(writes(sim)).toEqual(['POST /v2/droplets']);
  });

  it('create is sent once on a server error (a retry could create a second droplet)', async () => {
    sim.inject({ status: 503, method: 'POST', path: '/v2/droplets', times: 3 });
    await expect(vps().create(request)).rejects.toBeInstanceOf(ProviderAPIError);
    expect(writes(sim)).toEqual(['POST /v2/droplets']);
  });

  it('create is retried on 429 and creates one droplet', async () => {
    sim.inject({ status: 429, method: 'POST', path: '/v2/droplets', headers: { 'retry-after': '0' } });
    await vps().create(request);
    expect(writes(sim)).toEqual(['POST /v2/droplets', 'POST /v2/droplets']);
    expect(sim.state.droplets.size).toBe(3);
  });

  it('start, stop and restart ask for power_on, shutdown and reboot', async () => {
    const wait = { intervalMs: 1 };
    expect((await vps().stop('3164444', { wait })).status).toBe('stopped');
    expect(sim.state.droplets.get(3164444)!.status).toBe('off');
    await vps().start('3164444', { wait });
    await vps().restart('3164444', { wait });
    const posts = sim.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.body)).toEqual([{ type: 'shutdown' }, { type: 'power_on' }, { type: 'reboot' }]);
    expect(sim.state.droplets.get(3164444)!.status).toBe('active');
  });

  it('a power action on a locked droplet is refused with the API message; it is not retried on 5xx', async () => {
    sim.state.droplets.get(3164444)!.locked = true;
    await expect(vps().start('3164444')).rejects.toThrow(/locked/);
    sim.state.droplets.get(3164444)!.locked = false;
    sim.inject({ status: 500, path: '/v2/droplets/3164444/actions', times: 3 });
    await expect(vps().restart('3164444')).rejects.toBeInstanceOf(ProviderAPIError);
    expect(writes(sim)).toHaveLength(2);
  });
});
