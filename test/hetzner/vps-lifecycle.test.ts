import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/core/errors.js';
import { useHetznerServer } from '../support/msw.js';
import { providerFor, writes } from './helpers.js';

const { sim } = useHetznerServer();
const PASSWORD = 'correct horse battery staple';
const request = { plan: 'cx22', data_center_id: 'nbg1', template: 'debian-12', password: PASSWORD, hostname: 'job-1' };
const fast = { intervalMs: 1, timeoutMs: 5_000 };

describe('hetzner: vps lifecycle', () => {
  it('create with wait resolves once the server is running; without it, as Hetzner reports it after create_server', async () => {
    const provider = providerFor(sim);
    const vm = await provider.vps.create(request, { wait: fast });
    expect(vm.status).toBe('running');
    sim.state.actionPolls = 4;
    const early = await provider.vps.create({ ...request, hostname: 'job-2' });
    expect(early.status).not.toBe('running');
  });

  it("the caller's user data runs after the password set-up, which carries only the hash", async () => {
    await providerFor(sim).vps.create({ ...request, user_data: '#!/bin/sh\necho hello > /tmp/hello\n' });
    const body = sim.requests.find((r) => r.method === 'POST' && r.path === '/v1/servers')!.body as {
      user_data: string;
    };
    expect(body.user_data).toMatch(/^Content-Type: multipart\/mixed/);
    expect(body.user_data.indexOf('root:$6$')).toBeLessThan(body.user_data.indexOf('echo hello'));
    expect(body.user_data).not.toContain(PASSWORD);
  });

  it('user data over 32 KiB is a ValidationError before any request', async () => {
    const error = await providerFor(sim)
      .vps.create({ ...request, user_data: `#cloud-config\n# ${'x'.repeat(33_000)}\n` })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.user_data).toBeDefined();
    expect(sim.requests).toEqual([]);
  });

  it('stop with wait resolves with the machine stopped; waitFor follows a start', async () => {
    const provider = providerFor(sim);
    await expect(provider.vps.stop('42', { wait: fast })).resolves.toMatchObject({ id: '42', status: 'stopped' });
    sim.state.actionPolls = 0;
    await provider.vps.start('42');
    await expect(provider.vps.waitFor('42', 'running', fast)).resolves.toMatchObject({ status: 'running' });
  });

  it('delete sends one DELETE, waits for its action, and the server is gone', async () => {
    const provider = providerFor(sim);
    await provider.vps.delete('43');
    expect(writes(sim)).toEqual(['DELETE /servers/{id}']);
    expect(sim.state.servers.has(43)).toBe(false);
    await expect(provider.vps.get('43')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a delete answered 503 is sent once', async () => {
    sim.inject({ status: 503, method: 'DELETE' });
    await expect(providerFor(sim).vps.delete('43')).rejects.toThrow(/503/);
    expect(writes(sim)).toEqual(['DELETE /servers/{id}']);
  });

  it('snapshots: create (create_image) with wait, list, restore (rebuild) with wait, delete', async () => {
    const provider = providerFor(sim);
    const snap = await provider.vps.createSnapshot('42', { name: 'before-upgrade', wait: fast });
    expect(snap).toMatchObject({ vm_id: '42', name: 'before-upgrade' });
    // Without wait: the snapshot as Hetzner names it at once, its image still being written.
    const second = await provider.vps.createSnapshot('42', { name: 'after' });
    expect(second?.name).toBe('after');
    // Two reads of the server later, the simulator has finished the image (and unlocked the server).
    await provider.vps.get('42');
    await provider.vps.get('42');
    expect((await provider.vps.listSnapshots('42')).map((s) => s.name)).toEqual(['before-upgrade', 'after']);
    expect(await provider.vps.listSnapshots('43')).toEqual([]);
    const vm = await provider.vps.restoreSnapshot('42', snap.id, { wait: fast });
    expect(vm.status).toBe('running');
    const rebuild = sim.requests.find((r) => r.path === '/v1/servers/42/actions/rebuild')!;
    expect(rebuild.body).toEqual({ image: snap.id });
    await provider.vps.deleteSnapshot('42', snap.id);
    expect((await provider.vps.listSnapshots('42')).map((s) => s.name)).toEqual(['after']);
  });

  it('a snapshot of an unknown machine is a NotFoundError and nothing is written', async () => {
    await expect(providerFor(sim).vps.createSnapshot('999', { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    expect(writes(sim)).toEqual([]);
  });
});
