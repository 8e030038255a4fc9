import type { Context, Hono } from 'hono';
import { isoNow } from '../core/app.js';
import { idParam, invalidInput, jsonBody, listResponse, notFound, notUnique } from './responses.js';
import { md5Fingerprint } from './seed.js';
import type { HzRuntime, HzSshKey } from './state.js';

const SSH_KEY =
  /^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/]+={0,3}( .*)?$/;

/** SSH-key routes: keys addressed by integer id, unique by name and by fingerprint. */
export function sshKeyRoutes(app: Hono, sim: HzRuntime): void {
  const keyOf = (c: Context): HzSshKey => {
    const key = sim.state.sshKeys.get(idParam(c, 'id'));
    if (!key) throw notFound('ssh_key');
    return key;
  };
  const all = () => [...sim.state.sshKeys.values()];

  app.get('/v1/ssh_keys', (c) => {
    const name = c.req.query('name');
    const fingerprint = c.req.query('fingerprint');
    const found = all().filter(
      (k) => (name === undefined || k.name === name) && (fingerprint === undefined || k.fingerprint === fingerprint),
    );
    return listResponse(c, 'ssh_keys', found);
  });

  app.post('/v1/ssh_keys', async (c) => {
    const body = await jsonBody(c);
    const name = typeof body.name === 'string' ? body.name : '';
    if (name.trim() === '') throw invalidInput('name', 'is required');
    const publicKey = typeof body.public_key === 'string' ? body.public_key.trim() : '';
    if (!SSH_KEY.test(publicKey)) throw invalidInput('public_key', 'is not a valid OpenSSH public key');
    const fingerprint = md5Fingerprint(publicKey);
    if (all().some((k) => k.fingerprint === fingerprint))
      throw notUnique('public_key', 'SSH key with the same fingerprint already exists');
    if (all().some((k) => k.name === name)) throw notUnique('name', 'SSH key with the same name already exists');
    const key: HzSshKey = {
      id: sim.state.nextId++,
      name,
      fingerprint,
      public_key: publicKey,
      labels: {},
      created: isoNow(),
    };
    sim.state.sshKeys.set(key.id, key);
    return c.json({ ssh_key: key }, 201);
  });

  app.get('/v1/ssh_keys/:id', (c) => c.json({ ssh_key: keyOf(c) }));

  app.put('/v1/ssh_keys/:id', async (c) => {
    const key = keyOf(c);
    const body = await jsonBody(c);
    if (typeof body.name === 'string' && body.name.trim() !== '') key.name = body.name;
    return c.json({ ssh_key: key });
  });

  app.delete('/v1/ssh_keys/:id', (c) => {
    sim.state.sshKeys.delete(keyOf(c).id);
    return new Response(null, { status: 204 });
  });
}
