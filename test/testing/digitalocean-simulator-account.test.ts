import { describe, expect, it } from 'vitest';
import { hostingerCall } from '../support/hostinger-call.js';
import { useDigitalOceanServer } from '../support/msw.js';

// Through msw: every request and answer here is checked against DigitalOcean's spec when DIGITALOCEAN_OPENAPI is set.
const NOW = Date.UTC(2026, 0, 5, 10, 0, 0);
const { sim, baseUrl } = useDigitalOceanServer({ now: () => NOW });
const call = hostingerCall(baseUrl);

describe('testing: DigitalOcean simulator, droplets', () => {
  it('creates a droplet with 202, status new and no addresses; it is active with IPs a few reads later', async () => {
    const created = await call('POST', '/v2/droplets', {
      name: 'web-2',
      size: 's-1vcpu-2gb',
      image: 'ubuntu-24-04-x64',
      region: 'fra1',
      ssh_keys: [289794],
    });
    expect(created.status).toBe(202);
    const droplet = created.body.droplet;
    expect(droplet).toMatchObject({ name: 'web-2', status: 'new', networks: { v4: [], v6: [] }, memory: 2048 });
    expect(created.body.links.actions[0]).toMatchObject({ rel: 'create', href: expect.stringMatching(/^https:/) });
    expect((await call('GET', `/v2/droplets/${droplet.id}`)).body.droplet.status).toBe('new');
    expect((await call('GET', `/v2/droplets/${droplet.id}`)).body.droplet.status).toBe('new');
    const later = await call('GET', `/v2/droplets/${droplet.id}`);
    expect(later.body.droplet.status).toBe('active');
    expect(later.body.droplet.networks.v4[0]).toMatchObject({ type: 'public', ip_address: expect.any(String) });
  });

  it('refuses a droplet with an unknown size, image or key, or a name with an underscore', async () => {
    const base = { name: 'ok-name', size: 's-1vcpu-1gb', image: 'debian-12-x64' };
    for (const body of [
      { ...base, size: 's-99vcpu' },
      { ...base, image: 'plan9' },
      { ...base, ssh_keys: [1] },
      { ...base, size: 's-8vcpu-16gb' },
    ]) {
      const { status, body: answer } = await call('POST', '/v2/droplets', body);
      expect(status).toBe(422);
      expect(answer.id).toBe('unprocessable_entity');
    }
    expect(sim.state.droplets.size).toBe(2);
  });

  it('runs power actions (201 in-progress, done a few polls later) and refuses one while the droplet is locked', async () => {
    const off = await call('POST', '/v2/droplets/3164444/actions', { type: 'power_off' });
    expect(off.status).toBe(201);
    expect(off.body.action).toMatchObject({ type: 'power_off', status: 'in-progress', resource_id: 3164444 });
    const first = (await call('GET', '/v2/droplets/3164444')).body.droplet;
    expect(first).toMatchObject({ status: 'active', locked: true });
    const action = await call('GET', `/v2/droplets/3164444/actions/${off.body.action.id}`);
    expect(action.body.action).toMatchObject({ status: 'completed', type: 'power_off' });
    expect((await call('GET', '/v2/droplets/3164444')).body.droplet).toMatchObject({ status: 'off', locked: false });
    sim.state.droplets.get(3164444)!.locked = true;
    const locked = await call('POST', '/v2/droplets/3164444/actions', { type: 'power_on' });
    expect(locked.status).toBe(422);
    expect(sim.state.actions.map((a) => a.type)).toEqual(['power_off']);
  });

  it('destroys a droplet with 204 and a JSON content type', async () => {
    const response = await sim.fetch(`${baseUrl}/v2/droplets/3164450`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${sim.token}` },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await call('GET', '/v2/droplets/3164450')).status).toBe(404);
  });

  it('lists regions, sizes (prices as floats) and distribution images', async () => {
    const sizes = await call('GET', '/v2/sizes?per_page=200');
    expect(sizes.body.sizes[0]).toMatchObject({ slug: 's-1vcpu-1gb', price_monthly: 6, memory: 1024 });
    const regions = await call('GET', '/v2/regions?per_page=2');
    expect(regions.body.regions).toHaveLength(2);
    expect(regions.body.links.pages.next).toMatch(/page=2/);
    const images = await call('GET', '/v2/images?type=distribution&per_page=200');
    expect(images.body.images.map((i: { slug: string }) => i.slug)).toContain('ubuntu-22-04-x64');
  });
});

describe('testing: DigitalOcean simulator, account and keys', () => {
  it('adds a key with its MD5 fingerprint and finds it by id or fingerprint', async () => {
    const publicKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAi+J4+AhW2JNQz6e7G+bVPotYExKNesowG2E4EGLmwB user3@laptop';
    const added = await call('POST', '/v2/account/keys', { name: 'backup', public_key: publicKey });
    expect(added.status).toBe(201);
    expect(added.body.ssh_key.fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    const byPrint = await call('GET', `/v2/account/keys/${added.body.ssh_key.fingerprint}`);
    expect(byPrint.body.ssh_key.id).toBe(added.body.ssh_key.id);
    const again = await call('POST', '/v2/account/keys', { name: 'copy', public_key: publicKey });
    expect(again.status).toBe(422);
    expect((await call('DELETE', `/v2/account/keys/${added.body.ssh_key.id}`)).status).toBe(204);
  });

  it('answers the account, and the balance without an envelope key', async () => {
    expect((await call('GET', '/v2/account')).body.account.status).toBe('active');
    expect((await call('GET', '/v2/customers/my/balance')).body).toMatchObject({ month_to_date_balance: '23.44' });
  });

  it('refuses a wrong token with 401 unauthorized', async () => {
    const { status, body } = await hostingerCall(baseUrl, { token: 'nope' })('GET', '/v2/account');
    expect(status).toBe(401);
    expect(body).toMatchObject({ id: 'unauthorized', message: expect.any(String) });
  });

  it('sends rate-limit headers on every answer and a 429 once the window is spent', async () => {
    const first = await call('GET', '/v2/account');
    expect(first.headers.get('ratelimit-limit')).toBe('5000');
    expect(first.headers.get('ratelimit-remaining')).toBe('4999');
    expect(first.headers.get('ratelimit-reset')).toBe(String(NOW / 1000 + 3600));
    sim.state.rateLimitRemaining = 0;
    const limited = await call('GET', '/v2/account');
    expect(limited.status).toBe(429);
    expect(limited.body.id).toBe('too_many_requests');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
  });

  it('injects faults with DigitalOcean error bodies, and logs requests', async () => {
    sim.inject({ status: 503, path: '/v2/account' });
    const failed = await call('GET', '/v2/account');
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ id: 'service_unavailable', request_id: expect.any(String) });
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v2/account']);
  });
});
