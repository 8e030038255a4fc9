import { describe, expect, it } from 'vitest';
import { NotFoundError, ProviderAPIError, RateLimitError, ValidationError } from '../../src/core/errors.js';
import { useDigitalOceanServer } from '../support/msw.js';
import { providerFor, writes } from './helpers.js';

const { sim } = useDigitalOceanServer();
const vps = () => providerFor(sim).vps;
const ID = '3164444';
const wait = { intervalMs: 1 };
const request = {
  plan: 's-1vcpu-2gb',
  data_center_id: 'fra1',
  template: 'Ubuntu 24.04',
  password: 'c0rrect-Horse-battery',
  hostname: 'app.example.com',
};

describe('digitalocean: vps lifecycle', () => {
  it('create with wait resolves with the droplet once it is running, with its addresses', async () => {
    const vm = await vps().create(request, { wait });
    expect(vm.status).toBe('running');
    expect(vm.ipv4).toMatch(/^203\.0\.113\./);
  });

  it('start with wait follows the action, then reads the droplet running', async () => {
    await vps().stop(ID, { wait });
    const before = sim.requests.length;
    const vm = await vps().start(ID, { wait });
    expect(vm.status).toBe('running');
    const paths = sim.requests
      .slice(before)
      .map((r) => `${r.method} ${r.path.replace(/\/actions\/\d+$/, '/actions/{action}')}`);
    expect(paths[0]).toBe(`POST /v2/droplets/${ID}/actions`);
    expect(paths).toContain(`GET /v2/droplets/${ID}/actions/{action}`);
    expect(paths.at(-1)).toBe(`GET /v2/droplets/${ID}`);
  });

  it('takes a snapshot by name, waits for it and lists it; a second one is kept beside it', async () => {
    const snap = await vps().createSnapshot(ID, { name: 'before-upgrade', wait });
    expect(snap).toMatchObject({ vm_id: ID, name: 'before-upgrade', id: expect.stringMatching(/^\d+$/) });
    expect(snap.size_gb).toBeGreaterThan(0);
    const posts = sim.requests.filter((r) => r.method === 'POST').map((r) => r.body);
    expect(posts).toEqual([{ type: 'snapshot', name: 'before-upgrade' }]);
    await vps().createSnapshot(ID, { name: 'second', wait });
    expect((await vps().listSnapshots(ID)).map((s) => s.name)).toEqual(['before-upgrade', 'second']);
  });

  it('restores a snapshot through the restore action and waits until the droplet runs', async () => {
    const snap = await vps().createSnapshot(ID, { name: 'known-good', wait });
    const vm = await vps().restoreSnapshot(ID, snap.id, { wait });
    expect(vm.status).toBe('running');
    const posts = sim.requests.filter((r) => r.method === 'POST').map((r) => r.body);
    expect(posts.at(-1)).toEqual({ type: 'restore', image: Number(snap.id) });
  });

  it('deletes a snapshot through /v2/snapshots; an unknown one is NotFoundError with no write', async () => {
    const snap = await vps().createSnapshot(ID, { name: 'old', wait });
    await expect(vps().deleteSnapshot(ID, '999')).rejects.toBeInstanceOf(NotFoundError);
    await expect(vps().restoreSnapshot(ID, '999')).rejects.toBeInstanceOf(NotFoundError);
    await vps().deleteSnapshot(ID, snap.id);
    expect(await vps().listSnapshots(ID)).toEqual([]);
    expect(writes(sim)).toEqual(['POST /v2/droplets/{id}/actions', 'DELETE /v2/snapshots/{id}']);
  });

  it('a snapshot of an unknown droplet is NotFoundError and nothing is written', async () => {
    await expect(vps().createSnapshot('999999', { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    expect(writes(sim)).toEqual([]);
  });

  it('deletes a droplet; never retried on a server error, retried on 429', async () => {
    sim.inject({ status: 500, path: `/v2/droplets/${ID}`, method: 'DELETE' });
    await expect(vps().delete(ID)).rejects.toBeInstanceOf(ProviderAPIError);
    expect(writes(sim)).toEqual(['DELETE /v2/droplets/{id}']);
    sim.inject({ status: 429, headers: { 'Retry-After': '0' }, path: `/v2/droplets/${ID}`, method: 'DELETE' });
    await vps().delete(ID);
    expect(writes(sim)).toHaveLength(3);
    await expect(vps().get(ID)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a 429 that asks for too long a wait ends the delete with RateLimitError', async () => {
    sim.inject({ status: 429, headers: { 'Retry-After': '3600' }, path: `/v2/droplets/${ID}`, method: 'DELETE' });
    await expect(vps().delete(ID)).rejects.toBeInstanceOf(RateLimitError);
    expect(sim.state.droplets.has(Number(ID))).toBe(true);
  });

  it('user data follows the password set-up in one multi-part document; the password only as its hash', async () => {
    const userData = '#!/bin/sh\necho provisioned > /root/ok\n';
    await vps().create({ ...request, user_data: userData });
    const post = sim.requests.find((r) => r.method === 'POST' && r.path === '/v2/droplets')!;
    const sent = (post.body as { user_data: string }).user_data;
    expect(sent).toMatch(/^Content-Type: multipart\/mixed; boundary="([^"]+)"/);
    expect(sent).toContain('Content-Type: text/cloud-config');
    expect(sent).toMatch(/root:\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}\n/);
    expect(sent).toContain(`Content-Type: text/x-shellscript; charset="utf-8"`);
    expect(sent).toContain(userData);
    expect(sent.indexOf('chpasswd')).toBeLessThan(sent.indexOf(userData));
    for (const r of sim.requests) expect(JSON.stringify(r)).not.toContain('c0rrect-Horse-battery');
  });

  it('user data over 64 KiB, or not a cloud-init document, is a ValidationError before any request', async () => {
    for (const user_data of [`#cloud-config\n# ${'x'.repeat(64 * 1024)}`, 'just text']) {
      const error = await vps()
        .create({ ...request, user_data })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fields)).toEqual(['user_data']);
    }
    expect(sim.requests).toHaveLength(0);
  });
});
