import { describe, expect, it } from 'vitest';
import { ErrNotSupported, NotFoundError, TimeoutError, ValidationError } from '../../src/core/errors.js';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import { useSimulatorServer } from '../support/msw.js';

const { sim, baseUrl } = useSimulatorServer();
const vps = () => createHostingerProvider({ apiKey: sim.token, baseUrl }).vps;
const VM = '1268054';
const wait = { intervalMs: 1 };
const writes = () => sim.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
const request = {
  plan: 'hostingercom-vps-kvm2-usd-1m',
  data_center_id: '19',
  template: 'ubuntu 22.04',
  password: 'c0rrect-Horse-battery',
  hostname: 'app.example.com',
};

describe('hostinger: vps lifecycle', () => {
  it('create with wait resolves once the machine is running, after it reported creating', async () => {
    const vm = await vps().create(request, { wait });
    expect(vm.status).toBe('running');
    const states = sim.requests.filter((r) => r.method === 'GET' && r.path === `/api/vps/v1/virtual-machines/${vm.id}`);
    expect(states.length).toBeGreaterThanOrEqual(2);
  });

  it('takes the one snapshot a machine keeps, waits for it, and a second one replaces the first', async () => {
    expect(await vps().listSnapshots(VM)).toEqual([]);
    const first = await vps().createSnapshot(VM, { wait });
    expect(first).toMatchObject({ vm_id: VM, id: expect.stringMatching(/^\d+$/) });
    expect(first.created_at).not.toBe('');
    expect(await vps().listSnapshots(VM)).toEqual([first]);
    const second = await vps().createSnapshot(VM, { wait });
    expect(second.id).not.toBe(first.id);
    expect(await vps().listSnapshots(VM)).toEqual([second]);
    expect(writes()).toEqual([
      `POST /api/vps/v1/virtual-machines/${VM}/snapshot`,
      `POST /api/vps/v1/virtual-machines/${VM}/snapshot`,
    ]);
  });

  it('without wait, createSnapshot resolves once accepted; the snapshot appears when the action is done', async () => {
    expect(await vps().createSnapshot(VM)).toBeUndefined();
    expect(sim.state.vmSnapshots.has(Number(VM))).toBe(false);
    expect(sim.state.vms.get(Number(VM))!.actions_lock).toBe('locked');
  });

  it('restores the snapshot and waits until the machine is running again', async () => {
    const snap = await vps().createSnapshot(VM, { wait });
    const vm = await vps().restoreSnapshot(VM, snap.id, { wait });
    expect(vm.status).toBe('running');
    expect(writes()).toContain(`POST /api/vps/v1/virtual-machines/${VM}/snapshot/restore`);
  });

  it('a restore or delete of a snapshot the machine does not have is NotFoundError, with no write', async () => {
    await vps().createSnapshot(VM, { wait });
    await expect(vps().restoreSnapshot(VM, '1')).rejects.toBeInstanceOf(NotFoundError);
    await expect(vps().deleteSnapshot(VM, '1')).rejects.toBeInstanceOf(NotFoundError);
    expect(writes()).toEqual([`POST /api/vps/v1/virtual-machines/${VM}/snapshot`]);
  });

  it('deletes the snapshot', async () => {
    const snap = await vps().createSnapshot(VM, { wait });
    await vps().deleteSnapshot(VM, snap.id);
    await vps().get(VM);
    await vps().get(VM);
    expect(await vps().listSnapshots(VM)).toEqual([]);
  });

  it('a snapshot of an unknown machine is NotFoundError and nothing is written', async () => {
    await expect(vps().createSnapshot('999999', { wait })).rejects.toBeInstanceOf(NotFoundError);
    await expect(vps().listSnapshots('999999')).rejects.toBeInstanceOf(NotFoundError);
    expect(writes()).toEqual([]);
  });

  it('delete is not supported (machines are subscriptions) and sends nothing', async () => {
    const error = await vps()
      .delete(VM)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrNotSupported);
    expect((error as ErrNotSupported).operation).toBe('vps.delete');
    expect(sim.requests).toHaveLength(0);
  });

  it('user data becomes a post-install script that the purchase names', async () => {
    const userData = '#cloud-config\nruncmd:\n  - echo hello > /tmp/hello\n';
    const vm = await vps().create({ ...request, user_data: userData });
    const [script] = [...sim.state.postInstallScripts.values()];
    expect(script!.content).toMatch(/^#!\/bin\/sh\n/);
    expect(script!.content).toContain(userData);
    expect(script!.content).toContain('cloud-init --file /etc/setec-hosting/user-data.cfg single --name runcmd');
    const purchase = sim.requests.find((r) => r.method === 'POST' && r.path === '/api/vps/v1/virtual-machines')!;
    expect((purchase.body as { setup: Record<string, unknown> }).setup.post_install_script_id).toBe(script!.id);
    expect(vm.id).not.toBe('');
  });

  it('a shell script is used as the post-install script as it is', async () => {
    const script = '#!/bin/bash\napt-get install -y nginx\n';
    await vps().create({ ...request, user_data: script });
    expect([...sim.state.postInstallScripts.values()].map((s) => s.content)).toEqual([script]);
  });

  it('user data over 48 KB, or of a kind Hostinger cannot run, is a ValidationError before any request', async () => {
    for (const user_data of [`#!/bin/sh\n${'x'.repeat(48 * 1024)}`, '#include\nhttps://example.com/x']) {
      const error = await vps()
        .create({ ...request, user_data })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fields)).toEqual(['user_data']);
    }
    expect(sim.requests).toHaveLength(0);
  });

  it('a wait gives up after its timeout with the last status, and stops when the caller aborts', async () => {
    await vps().stop(VM);
    const error = await vps()
      .waitFor(VM, 'running', { intervalMs: 1, timeoutMs: 20 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/last seen: status "(stopping|stopped)"/);
    const controller = new AbortController();
    const waiting = vps().waitFor(VM, 'running', { intervalMs: 60_000, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const sent = sim.requests.length;
    controller.abort(new Error('deploy cancelled'));
    await expect(waiting).rejects.toThrow('deploy cancelled');
    expect(sim.requests.length).toBe(sent);
  });
});
