import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileConfigStore } from '../../src/config/file-store.js';
import { ProviderRegistry } from '../../src/core/registry.js';
import { hostinger } from '../../src/hostinger/index.js';
import { createHostingHandler } from '../../src/http/index.js';
import { createHostingerSimulator, type HostingerSimulator } from '../../src/testing/simulators/hostinger/index.js';
import { SECRET, token } from './helpers.js';

// Every curl example of the REST API reference, sent over real HTTP (127.0.0.1) to the handler,
// which drives the real Hostinger adapter against the Hostinger simulator. Tests run in order and
// share the account state, like a user following the document top to bottom.

let sim: HostingerSimulator;
let simUrl: string;
let server: ServerType;
let api: string;
let dataDir: string;
let jwt: string;
const bodies: string[] = [];

const P = '/providers/hostinger';

async function curl(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; headers: Headers; json: any }> {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: { Authorization: `Bearer ${jwt}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  bodies.push(text);
  return { status: response.status, headers: response.headers, json: JSON.parse(text) };
}

/** A fresh OpenSSH ed25519 public key line. */
function newPublicKey(comment: string): string {
  const der = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' });
  const raw = der.subarray(der.length - 32);
  const part = (b: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(b.length);
    return Buffer.concat([length, b]);
  };
  const blob = Buffer.concat([part(Buffer.from('ssh-ed25519')), part(raw)]);
  return `ssh-ed25519 ${blob.toString('base64')} ${comment}`;
}

const record = {
  id: expect.any(String),
  type: expect.any(String),
  name: expect.any(String),
  content: expect.any(String),
  ttl: expect.any(Number),
  priority: expect.any(Number),
};
const domainShape = {
  name: expect.any(String),
  registrar: expect.any(String),
  status: expect.any(String),
  expires_at: expect.any(String),
  auto_renew: expect.any(Boolean),
  locked: expect.any(Boolean),
  privacy_protection: expect.any(Boolean),
  nameservers: expect.any(Array),
};
const vmShape = {
  id: expect.any(String),
  name: expect.any(String),
  status: expect.any(String),
  plan: expect.any(String),
  region: expect.any(String),
  cpus: expect.any(Number),
  memory_mb: expect.any(Number),
  disk_gb: expect.any(Number),
  bandwidth_gb: expect.any(Number),
  created_at: expect.any(String),
};

beforeAll(async () => {
  sim = createHostingerSimulator({ token: 'sim-canary-token-5d2c9e' });
  simUrl = await sim.listen();
  dataDir = await mkdtemp(join(tmpdir(), 'setec-http-e2e-'));
  const registry = new ProviderRegistry();
  registry.registerProvider(hostinger);
  const handler = createHostingHandler({
    store: new FileConfigStore(dataDir),
    registry,
    auth: { jwtSecret: SECRET },
    allowUnsafeBaseUrl: true,
  });
  server = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/hosting`;
  jwt = await token();
});

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await sim?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('http e2e: provider management (documented curl examples)', () => {
  it('POST /providers/hostinger/configure with the documented body answers {status: configured}', async () => {
    const seed = await curl('POST', `${P}/configure`, { api_key: 'YOUR_API_TOKEN' });
    expect(seed).toMatchObject({ status: 200, json: { status: 'configured' } });
    // Point it at the simulator (the only allowed way: allowUnsafeBaseUrl is on for this test server).
    const local = await curl('POST', `${P}/configure`, { api_key: sim.token, extra: { base_url: simUrl } });
    expect(local).toMatchObject({ status: 200, json: { status: 'configured' } });
  });

  it('GET /providers lists hostinger, not yet connected', async () => {
    expect(await curl('GET', '/providers')).toMatchObject({
      status: 200,
      json: [{ name: 'hostinger', display_name: 'Hostinger', connected: false }],
    });
  });

  it('POST /providers/hostinger/test answers ok and marks the provider connected', async () => {
    expect(await curl('POST', `${P}/test`)).toMatchObject({
      status: 200,
      json: { status: 'ok', message: 'Connection successful' },
    });
    expect((await curl('GET', '/providers')).json).toEqual([
      { name: 'hostinger', display_name: 'Hostinger', connected: true },
    ]);
  });
});

describe('http e2e: DNS (documented curl examples)', () => {
  const D = `${P}/dns/example.com`;

  it('GET lists one record per entry with ids like @/MX/10', async () => {
    const { status, json } = await curl('GET', D);
    expect(status).toBe(200);
    expect(json.length).toBeGreaterThan(5);
    for (const r of json) expect(r).toEqual(record);
    expect(json).toContainEqual({
      id: '@/MX/10',
      type: 'MX',
      name: '@',
      content: 'mx1.example.com',
      ttl: 14400,
      priority: 10,
    });
    expect(new Set(json.map((r: { id: string }) => r.id)).size).toBe(json.length);
  });

  it('POST creates the record: {status: created}, and the listing shows it', async () => {
    const created = await curl('POST', D, { type: 'A', name: 'api', content: '93.184.216.35', ttl: 3600 });
    expect(created).toMatchObject({ status: 201, json: { status: 'created' } });
    const list = (await curl('GET', D)).json;
    expect(list).toContainEqual(expect.objectContaining({ type: 'A', name: 'api', content: '93.184.216.35' }));
  });

  it('PUT merges the batch: {status: updated}', async () => {
    const body = {
      records: [
        { type: 'A', name: '@', content: '93.184.216.34', ttl: 14400 },
        { type: 'CNAME', name: 'www', content: 'example.com', ttl: 14400 },
      ],
      overwrite: false,
    };
    expect(await curl('PUT', D, body)).toMatchObject({ status: 200, json: { status: 'updated' } });
    const list = (await curl('GET', D)).json;
    expect(list).toContainEqual(expect.objectContaining({ type: 'A', name: '@', content: '93.184.216.34' }));
    expect(list).toContainEqual(expect.objectContaining({ type: 'A', name: '@', content: '203.0.113.10' }));
  });

  it('DELETE ?name=api&type=A removes every api A record: {status: deleted}', async () => {
    expect(await curl('DELETE', `${D}?name=api&type=A`)).toMatchObject({ status: 200, json: { status: 'deleted' } });
    const list = (await curl('GET', D)).json;
    expect(list.filter((r: { name: string; type: string }) => r.name === 'api' && r.type === 'A')).toEqual([]);
  });

  it('POST /reset answers {status: reset} and restores the default zone', async () => {
    expect(await curl('POST', `${D}/reset`)).toMatchObject({ status: 200, json: { status: 'reset' } });
    const list = (await curl('GET', D)).json;
    expect(list).not.toContainEqual(expect.objectContaining({ content: '93.184.216.34' }));
  });
});

describe('http e2e: domains (documented curl examples)', () => {
  it('GET /domains and GET /domains/example.com answer Domain objects', async () => {
    const list = await curl('GET', `${P}/domains`);
    expect(list.status).toBe(200);
    for (const d of list.json) expect(d).toEqual(domainShape);
    const one = await curl('GET', `${P}/domains/example.com`);
    expect(one).toMatchObject({ status: 200, json: { ...domainShape, name: 'example.com' } });
  });

  it('POST /domains/check answers one availability per domain', async () => {
    const { status, json } = await curl('POST', `${P}/domains/check`, {
      domains: ['cool-project.com', 'cool-project.io', 'cool-project.dev'],
    });
    expect(status).toBe(200);
    expect(json.map((a: { domain: string }) => a.domain)).toEqual([
      'cool-project.com',
      'cool-project.io',
      'cool-project.dev',
    ]);
    expect(json[0]).toEqual({
      domain: 'cool-project.com',
      available: true,
      price: expect.any(Number),
      currency: 'USD',
    });
  });

  it('POST /domains/purchase: the placeholder payment method is a 400 naming it; a real one buys the domain', async () => {
    const seedBody = {
      domain: 'cool-project.com',
      period: 1,
      auto_renew: true,
      privacy_protection: true,
      payment_method_id: 'pm_abc123',
    };
    const placeholder = await curl('POST', `${P}/domains/purchase`, seedBody);
    expect(placeholder.status).toBe(400);
    expect(placeholder.json.error).toContain('payment_method_id');
    const method = String(sim.state.paymentMethods.find((m) => m.is_default)!.id);
    const bought = await curl('POST', `${P}/domains/purchase`, { ...seedBody, payment_method_id: method });
    expect(bought).toMatchObject({ status: 201, json: { ...domainShape, name: 'cool-project.com' } });
  });

  it('PUT /nameservers answers {status: updated} and the domain shows them', async () => {
    const ns = ['ns1.cloudflare.com', 'ns2.cloudflare.com'];
    expect(await curl('PUT', `${P}/domains/example.com/nameservers`, { nameservers: ns })).toMatchObject({
      status: 200,
      json: { status: 'updated' },
    });
    expect((await curl('GET', `${P}/domains/example.com`)).json.nameservers).toEqual(ns);
  });

  it.each([
    ['POST', 'lock', 'locked', { locked: true }],
    ['DELETE', 'lock', 'unlocked', { locked: false }],
    ['POST', 'privacy', 'enabled', { privacy_protection: true }],
    ['DELETE', 'privacy', 'disabled', { privacy_protection: false }],
  ])(
    '%s /domains/example.com/%s answers {status: %s} and the domain reflects it',
    async (method, what, status, state) => {
      expect(await curl(method, `${P}/domains/example.com/${what}`)).toMatchObject({ status: 200, json: { status } });
      expect((await curl('GET', `${P}/domains/example.com`)).json).toMatchObject(state);
    },
  );
});

describe('http e2e: VPS, SSH keys, billing (documented curl examples)', () => {
  it('GET /vms and GET /vms/{id} answer VirtualMachine objects', async () => {
    const list = await curl('GET', `${P}/vms`);
    expect(list.status).toBe(200);
    expect(list.json.length).toBeGreaterThan(0);
    for (const vm of list.json) expect(vm).toMatchObject(vmShape);
    const one = await curl('GET', `${P}/vms/${list.json[0].id}`);
    expect(one).toMatchObject({ status: 200, json: list.json[0] });
  });

  it('GET /datacenters, /ssh-keys, /subscriptions, /catalog answer the documented shapes', async () => {
    const dcs = await curl('GET', `${P}/datacenters`);
    expect(dcs.json[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      location: expect.any(String),
      country: expect.any(String),
    });
    const keys = await curl('GET', `${P}/ssh-keys`);
    expect(keys.json[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      fingerprint: expect.stringMatching(/^SHA256:/),
      public_key: expect.stringMatching(/^ssh-/),
    });
    const subs = await curl('GET', `${P}/subscriptions`);
    expect(subs.json[0]).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      status: expect.any(String),
      plan: expect.any(String),
      price: expect.any(Number),
      currency: expect.any(String),
    });
    const catalog = await curl('GET', `${P}/catalog`);
    expect(catalog.json[0]).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      category: expect.any(String),
      price_cents: expect.any(Number),
      currency: expect.any(String),
      period: expect.any(String),
    });
    for (const r of [dcs, keys, subs, catalog]) expect(r.status).toBe(200);
  });

  it('POST /vms: the documented placeholders are a 400 naming them; ids from the listings create the VM', async () => {
    const seedBody = {
      plan: 'kvm-2',
      data_center_id: 'us-east-1',
      template: 'ubuntu-22.04',
      password: 'SecurePassword123!',
      hostname: 'web-server-2',
      ssh_key_id: 'key-abc123',
      payment_method_id: 'pm_abc123',
    };
    const placeholder = await curl('POST', `${P}/vms`, seedBody);
    expect(placeholder.status).toBe(400);
    expect(Object.keys(placeholder.json.fields)).toEqual(expect.arrayContaining(['data_center_id', 'ssh_key_id']));

    const plan = (await curl('GET', `${P}/catalog`)).json.find(
      (c: { category: string }) => c.category.toLowerCase() === 'vps',
    ).id;
    const dc = (await curl('GET', `${P}/datacenters`)).json[0].id;
    const key = (await curl('GET', `${P}/ssh-keys`)).json[0].id;
    const method = String(sim.state.paymentMethods.find((m) => m.is_default)!.id);
    const created = await curl('POST', `${P}/vms`, {
      ...seedBody,
      plan,
      data_center_id: dc,
      template: 'Ubuntu 22.04',
      ssh_key_id: key,
      payment_method_id: method,
    });
    expect(created).toMatchObject({ status: 201, json: { ...vmShape, name: 'web-server-2', os: 'Ubuntu 22.04' } });
    expect((await curl('GET', `${P}/vms/${created.json.id}`)).json.name).toBe('web-server-2');
  });

  it('POST /ssh-keys adds the key with its SHA256 fingerprint; DELETE /ssh-keys/{id} removes it', async () => {
    const publicKey = newPublicKey('user@host');
    const added = await curl('POST', `${P}/ssh-keys`, { name: 'new-deploy-key', public_key: publicKey });
    expect(added).toMatchObject({
      status: 201,
      json: {
        id: expect.any(String),
        name: 'new-deploy-key',
        fingerprint: expect.stringMatching(/^SHA256:[A-Za-z0-9+/]{43}$/),
      },
    });
    expect(await curl('DELETE', `${P}/ssh-keys/${added.json.id}`)).toMatchObject({
      status: 200,
      json: { status: 'deleted' },
    });
    const ids = (await curl('GET', `${P}/ssh-keys`)).json.map((k: { id: string }) => k.id);
    expect(ids).not.toContain(added.json.id);
  });
});

describe('http e2e: failures over the wire', () => {
  it('a simulator 429 beyond the retry cap is a 429 with Retry-After', async () => {
    const before = sim.requests.length;
    sim.inject({
      status: 429,
      times: 4,
      headers: { 'Retry-After': '0' },
      path: /\/api\/dns\/v1\/zones\/example\.com$/,
    });
    const limited = await curl('GET', `${P}/dns/example.com`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('0');
    expect(limited.json).toEqual({ error: expect.any(String) });
    expect(sim.requests.length - before).toBe(4); // the first attempt and 3 retries
    expect((await curl('GET', `${P}/dns/example.com`)).status).toBe(200);
  });

  it('rejects a missing token over the wire with 401 and WWW-Authenticate: Bearer', async () => {
    const response = await fetch(`${api}/providers?token=${jwt}`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('a raw /providers/%2e%2e request line is a 400', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(api);
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: '/api/hosting/providers/%2e%2e',
          headers: { Authorization: `Bearer ${jwt}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
  });

  it("a rejected Hostinger token makes /test answer 422 (not 401, which is for the API's own JWT) and marks the provider disconnected", async () => {
    expect((await curl('POST', `${P}/configure`, { api_key: 'wrong-token', extra: { base_url: simUrl } })).status).toBe(
      200,
    );
    const test = await curl('POST', `${P}/test`);
    expect(test.status).toBe(422);
    expect(test.headers.get('www-authenticate')).toBeNull();
    expect(test.json).toEqual({ error: expect.stringMatching(/^Hostinger rejected the API token/) });
    expect((await curl('GET', '/providers')).json[0].connected).toBe(false);
  });

  it('DELETE /providers/hostinger answers {status: deleted}; the API then says it is not configured', async () => {
    expect(await curl('DELETE', P)).toMatchObject({ status: 200, json: { status: 'deleted' } });
    const after = await curl('GET', `${P}/vms`);
    expect(after.status).toBe(400);
    expect(after.json.error).toMatch(/not configured/);
  });

  it('no response body ever contained the Hostinger token', () => {
    expect(bodies.length).toBeGreaterThan(30);
    for (const body of bodies) expect(body).not.toContain(sim.token);
  });
});
