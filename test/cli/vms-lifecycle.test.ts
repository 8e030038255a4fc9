import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHostingerProvider, type HostingerProvider } from '../../src/hostinger/index.js';
import { startFixture, type CliFixture } from './run-cli.js';

let fx: CliFixture;
let sdk: HostingerProvider;
let dir: string;
const VM = '1268054';

beforeAll(async () => {
  fx = await startFixture();
  sdk = createHostingerProvider({ apiKey: fx.sim.token, baseUrl: fx.origin });
  dir = mkdtempSync(join(tmpdir(), 'setec-vms-'));
});
afterAll(() => {
  fx.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => fx.sim.reset());

const writes = () => fx.sim.requests.filter((r) => r.method !== 'GET');
const password = { env: { SETEC_HOSTING_VM_PASSWORD: 'Sup3r-secret-pw!' } };
const createArgs = ['vms', 'create', '--plan', 'hostingercom-vps-kvm2-usd-1m', '--data-center-id', '9'];
createArgs.push('--template', 'Ubuntu 22.04', '--hostname', 'web9.example.com', '--yes');

describe('cli: vms lifecycle', () => {
  it('vms stop --wait prints the machine once it is stopped', async () => {
    const result = await fx.run(['vms', 'stop', VM, '--wait', '--timeout', '60', '--output', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: VM, status: 'stopped' });
  });

  it('vms wait gives up after --timeout with the last status, exit 1', async () => {
    await sdk.vps.stop(VM);
    const result = await fx.run(['vms', 'wait', VM, '--timeout', '0.05']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^TimeoutError: .*last seen: status "(stopping|stopped)"/);
  });

  it('--timeout without --wait, or not a positive number, is a usage error before any request', async () => {
    for (const args of [
      ['vms', 'start', VM, '--timeout', '5'],
      ['vms', 'start', VM, '--wait', '--timeout', '-1'],
    ]) {
      const result = await fx.run(args);
      expect(result.code).toBe(2);
    }
    expect(fx.sim.requests).toEqual([]);
  });

  it('vms delete without --yes and no terminal exits 1 and sends nothing; with --yes Hostinger says it cannot', async () => {
    const refused = await fx.run(['vms', 'delete', VM]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--yes/);
    expect(fx.sim.requests).toEqual([]);
    const unsupported = await fx.run(['vms', 'delete', VM, '--yes']);
    expect(unsupported.code).toBe(1);
    expect(unsupported.stderr).toMatch(/^ErrNotSupported: hostinger does not support vps.delete/);
    expect(writes()).toEqual([]);
  });

  it('snapshot-create --wait, snapshots, snapshot-restore and snapshot-delete work on the machine', async () => {
    const created = await fx.run(['vms', 'snapshot-create', VM, '--wait', '--output', 'json']);
    expect(created.code).toBe(0);
    const snapshot = JSON.parse(created.stdout) as { id: string; vm_id: string };
    expect(snapshot.vm_id).toBe(VM);
    const listed = await fx.run(['vms', 'snapshots', VM, '--output', 'json']);
    expect(JSON.parse(listed.stdout)).toEqual([snapshot]);
    const restoreRefused = await fx.run(['vms', 'snapshot-restore', VM, snapshot.id]);
    expect(restoreRefused.code).toBe(1);
    const restored = await fx.run(['vms', 'snapshot-restore', VM, snapshot.id, '--yes']);
    expect(restored.code).toBe(0);
    expect(writes().map((r) => r.path)).toContain(`/api/vps/v1/virtual-machines/${VM}/snapshot/restore`);
    await sdk.vps.waitFor(VM, 'running', { intervalMs: 1, timeoutMs: 10_000 });
    const deleted = await fx.run(['vms', 'snapshot-delete', VM, snapshot.id, '--yes']);
    expect(deleted.code).toBe(0);
    expect(writes().at(-1)).toMatchObject({ method: 'DELETE', path: `/api/vps/v1/virtual-machines/${VM}/snapshot` });
  });

  it('vms create --user-data-file sends the file as the post-install script', async () => {
    const file = join(dir, 'setup.sh');
    writeFileSync(file, '#!/bin/sh\necho ready > /root/ready\n');
    const result = await fx.run([...createArgs, '--user-data-file', file], password);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect([...fx.sim.state.postInstallScripts.values()].map((s) => s.content)).toEqual([
      '#!/bin/sh\necho ready > /root/ready\n',
    ]);
  });

  it('a missing --user-data-file, or user data of the wrong kind, fails before any request', async () => {
    const missing = await fx.run([...createArgs, '--user-data-file', join(dir, 'nope.yaml')], password);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/ENOENT/);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'just some notes\n');
    const wrong = await fx.run([...createArgs, '--user-data-file', text], password);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^ValidationError: .*user_data/);
    expect(writes()).toEqual([]);
  });
});
