import { describe, expect, it } from 'vitest';
import { NotFoundError, ProviderAPIError, ValidationError } from '../../src/core/errors.js';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import { useSimulatorServer } from '../support/msw.js';

const { sim, baseUrl } = useSimulatorServer();
const provider = () => createHostingerProvider({ apiKey: sim.token, baseUrl });
const request = {
  plan: 'hostingercom-vps-kvm2-usd-1m',
  data_center_id: '19',
  template: 'ubuntu 22.04',
  password: 'c0rrect-Horse-battery',
  hostname: 'app.example.com',
};

describe('hostinger: vps', () => {
  it('lists VMs with whole-GB sizes, the first addresses and the region from the data centers', async () => {
    const vms = await provider().vps.list();
    expect(vms.find((vm) => vm.id === '1268054')).toEqual({
      id: '1268054',
      name: 'srv1268054.hstgr.cloud',
      status: 'running',
      plan: 'KVM 2',
      region: 'ams',
      ipv4: '203.0.113.77',
      ipv6: '2001:db8:77::1',
      os: 'Ubuntu 22.04',
      cpus: 2,
      memory_mb: 8192,
      disk_gb: 100,
      bandwidth_gb: 8192,
      created_at: '2024-09-05T07:25:36Z',
    });
  });

  it('gets one VM; an unknown id is NotFoundError and a malformed one a ValidationError', async () => {
    expect((await provider().vps.get('1301991')).name).toBe('db.example.com');
    await expect(provider().vps.get('999999')).rejects.toBeInstanceOf(NotFoundError);
    await expect(provider().vps.get('../1')).rejects.toBeInstanceOf(ValidationError);
  });

  it('lists data centers', async () => {
    expect(await provider().vps.listDataCenters()).toContainEqual({
      id: '19',
      name: 'ams',
      location: 'Amsterdam',
      country: 'NL',
    });
  });

  it('creates a VM from a catalog price id, a template name and an SSH key id', async () => {
    const vm = await provider().vps.create({ ...request, ssh_key_id: '326' });
    const order = sim.requests.find((r) => r.method === 'POST' && r.path === '/api/vps/v1/virtual-machines');
    expect(order?.body).toEqual({
      item_id: 'hostingercom-vps-kvm2-usd-1m',
      setup: {
        template_id: 1002,
        data_center_id: 19,
        password: request.password,
        hostname: 'app.example.com',
        public_key: { name: 'ci-deploy', key: sim.state.publicKeys.get(326)!.key },
      },
    });
    expect(vm).toMatchObject({
      name: 'app.example.com',
      plan: 'KVM 2',
      region: 'ams',
      os: 'Ubuntu 22.04',
      disk_gb: 100,
    });
  });

  it('accepts a plan name and picks its monthly price', async () => {
    await provider().vps.create({ ...request, plan: 'kvm 4', template: '1130' });
    const order = sim.requests.find((r) => r.method === 'POST' && r.path === '/api/vps/v1/virtual-machines');
    expect(order?.body).toMatchObject({ item_id: 'hostingercom-vps-kvm4-usd-1m', setup: { template_id: 1130 } });
  });

  it('rejects unknown plans, templates, data centers and keys before buying', async () => {
    for (const [patch, field] of [
      [{ plan: 'kvm-99' }, 'plan'],
      [{ template: 'Windows 95' }, 'template'],
      [{ data_center_id: '4242' }, 'data_center_id'],
      [{ ssh_key_id: '1' }, 'ssh_key_id'],
      [{ password: 'short' }, 'password'],
    ] as const) {
      const error = await provider()
        .vps.create({ ...request, ...patch })
        .catch((e: unknown) => e);
      expect((error as ValidationError).fields, field).toHaveProperty([field]);
    }
    expect(sim.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('reports a VM whose payment is pending (202) with status "pending"', async () => {
    sim.state.paymentPending = true;
    expect(await provider().vps.create(request)).toMatchObject({
      status: 'pending',
      name: 'app.example.com',
      region: 'ams',
    });
  });

  it('never retries a VM purchase on a server error', async () => {
    sim.inject({ status: 502, times: 1, method: 'POST', path: '/api/vps/v1/virtual-machines' });
    await expect(provider().vps.create(request)).rejects.toBeInstanceOf(ProviderAPIError);
    expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
