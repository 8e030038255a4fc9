import { describe, expect, it } from 'vitest';
import { ErrNotSupported, NotFoundError, TimeoutError, ValidationError } from '../../src/core/errors.js';
import type { CreateVirtualMachineRequest, VirtualMachine, VmSnapshot } from '../../src/core/vps.js';
import { createVpsCapability } from '../../src/provider-kit/vps-capability.js';
import type { VpsSource } from '../../src/provider-kit/vps-source.js';

const machine = (id: string, status: string): VirtualMachine => ({
  id,
  name: `vm-${id}`,
  status,
  plan: 'small',
  region: 'r1',
  cpus: 1,
  memory_mb: 1024,
  disk_gb: 20,
  bandwidth_gb: 1000,
  created_at: '2026-01-01T00:00:00Z',
});

/**
 * A source with one machine "1" whose status follows a script: each `get` reads the next status, the last
 * one repeating. Every call is logged.
 */
function scripted(statuses: string[], extra: Partial<VpsSource> = {}) {
  const calls: string[] = [];
  let polls = 0;
  const source: VpsSource = {
    provider: 'fake',
    list: async () => [],
    async get(id) {
      calls.push(`get ${id}`);
      if (id !== '1') throw new NotFoundError(`no machine ${id}`, { provider: 'fake' });
      return machine(id, statuses[Math.min(polls++, statuses.length - 1)]!);
    },
    async create(request) {
      calls.push(`create ${request.hostname}`);
      return machine('1', 'creating');
    },
    listDataCenters: async () => [],
    async power(id, action) {
      calls.push(`${action} ${id}`);
    },
    ...extra,
  };
  return { vps: createVpsCapability(source), calls };
}

const request: CreateVirtualMachineRequest = {
  plan: 'small',
  data_center_id: 'r1',
  template: 'Ubuntu 24.04',
  password: 'a-long-enough-secret-1',
  hostname: 'web1',
};
const fast = { intervalMs: 1, timeoutMs: 5_000 };

describe('provider kit: createVpsCapability', () => {
  it('start with wait polls until the machine reports running and resolves with it', async () => {
    const { vps, calls } = scripted(['stopped', 'starting', 'starting', 'running']);
    const vm = await vps.start('1', { wait: fast });
    expect(vm.status).toBe('running');
    expect(calls).toEqual(['start 1', 'get 1', 'get 1', 'get 1', 'get 1']);
  });

  it('without wait, start resolves with nothing once the action is sent', async () => {
    const { vps, calls } = scripted(['stopped']);
    expect(await vps.start('1')).toBeUndefined();
    expect(calls).toEqual(['start 1']);
  });

  it('follows the provider action to its end before reading the status', async () => {
    let probes = 0;
    const { vps, calls } = scripted(['running'], {
      async power(id, action) {
        calls.push(`${action} ${id}`);
        return async () => ++probes === 3;
      },
    });
    const vm = await vps.restart('1', { wait: fast });
    expect(probes).toBe(3);
    expect(vm.status).toBe('running');
    expect(calls).toEqual(['restart 1', 'get 1']);
  });

  it('gives up after timeoutMs with a TimeoutError naming the last status seen', async () => {
    const { vps } = scripted(['starting', 'booting']);
    const error = await vps.waitFor('1', 'running', { intervalMs: 1, timeoutMs: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain('status "booting"');
    expect((error as Error).message).toContain('virtual machine "1" to be running');
  });

  it('stops polling as soon as the caller aborts, with the abort reason', async () => {
    const controller = new AbortController();
    let gets = 0;
    const { vps } = scripted(['starting'], {
      async get(id) {
        if (++gets === 2) controller.abort(new Error('caller gave up'));
        return machine(id, 'starting');
      },
    });
    const error = await vps
      .waitFor('1', 'running', { intervalMs: 1, timeoutMs: 60_000, signal: controller.signal })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe('caller gave up');
    expect(gets).toBe(2);
  });

  it('a pause between polls is cut short by the abort', async () => {
    const controller = new AbortController();
    const { vps } = scripted(['starting']);
    const waiting = vps.waitFor('1', 'running', { intervalMs: 3_600_000, signal: controller.signal });
    setImmediate(() => controller.abort(new Error('stop now')));
    await expect(waiting).rejects.toThrow('stop now');
  });

  it('a machine in error ends the wait at once', async () => {
    const { vps } = scripted(['starting', 'error']);
    await expect(vps.waitFor('1', 'running', fast)).rejects.toThrow('status "error"');
  });

  it('create with wait resolves with the machine once it is running', async () => {
    const { vps, calls } = scripted(['creating', 'running']);
    const vm = await vps.create(request, { wait: fast });
    expect(vm.status).toBe('running');
    expect(calls[0]).toBe('create web1');
  });

  it('refuses user data over the provider limit before anything is sent', async () => {
    const { vps, calls } = scripted(['running'], { userDataLimit: 100 });
    const error = await vps.create({ ...request, user_data: `#!/bin/sh\n${'x'.repeat(100)}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.user_data?.[0]).toContain('at most 100');
    expect(calls).toEqual([]);
  });

  it('refuses bad wait options and empty ids before anything is sent', async () => {
    const { vps, calls } = scripted(['running']);
    await expect(vps.start('1', { wait: { timeoutMs: -1 } })).rejects.toBeInstanceOf(ValidationError);
    await expect(vps.stop(' ')).rejects.toBeInstanceOf(ValidationError);
    await expect(vps.waitFor('1', '')).rejects.toBeInstanceOf(ValidationError);
    expect(calls).toEqual([]);
  });

  it('what the source lacks is ErrNotSupported, naming the operation', async () => {
    const { vps } = scripted(['running']);
    await expect(vps.delete('1')).rejects.toBeInstanceOf(ErrNotSupported);
    await expect(vps.listSnapshots('1')).rejects.toThrow('fake does not support vps.listSnapshots');
  });

  it('a snapshot of an unknown machine is a NotFoundError and nothing is written', async () => {
    const created: string[] = [];
    const { vps } = scripted(['running'], {
      listSnapshots: async () => [],
      async createSnapshot(id, name) {
        created.push(`${id} ${name}`);
        return {};
      },
    });
    await expect(vps.createSnapshot('2', { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    expect(created).toEqual([]);
  });

  it('createSnapshot with wait follows the action, then finds the snapshot by its name', async () => {
    const snaps: VmSnapshot[] = [];
    let probes = 0;
    const { vps } = scripted(['running'], {
      listSnapshots: async () => [...snaps],
      async createSnapshot(id, name) {
        return {
          probe: async () => {
            if (++probes < 2) return false;
            snaps.push({ id: 's1', vm_id: id, name, created_at: '2026-01-02T00:00:00Z' });
            return true;
          },
        };
      },
    });
    const snapshot = await vps.createSnapshot('1', { name: 'before-upgrade', wait: fast });
    expect(snapshot).toEqual({ id: 's1', vm_id: '1', name: 'before-upgrade', created_at: '2026-01-02T00:00:00Z' });
  });

  it('a snapshot without a name is named after the machine and the time', async () => {
    const names: string[] = [];
    const { vps } = scripted(['running'], {
      listSnapshots: async () => [],
      async createSnapshot(_id, name) {
        names.push(name);
        return {};
      },
    });
    await vps.createSnapshot('1');
    expect(names[0]).toMatch(/^vm-1-\d{8}T\d{6}Z$/);
  });
});
