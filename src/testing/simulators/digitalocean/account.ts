import type { Context, Hono } from 'hono';
import { noContent } from './dns.js';
import { jsonBody, listResponse, notFound, unprocessable } from './responses.js';
import { md5Fingerprint } from './seed.js';
import type { DoRuntime, DoSshKey } from './state.js';

const SSH_KEY =
  /^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/]+={0,3}( .*)?$/;

/** Account, SSH-key and balance routes. */
export function accountRoutes(app: Hono, sim: DoRuntime): void {
  app.get('/v2/account', (c) =>
    c.json({
      account: {
        droplet_limit: 25,
        floating_ip_limit: 5,
        email: 'sammy@example.com',
        name: 'Sammy',
        uuid: 'b6fr89dbf6d9156cace5f3c78dc9851d957381ef',
        email_verified: true,
        status: 'active',
        status_message: '',
      },
    }),
  );

  // The one answer without an envelope key.
  app.get('/v2/customers/my/balance', (c) =>
    c.json({
      month_to_date_balance: '23.44',
      account_balance: '12.23',
      month_to_date_usage: '11.21',
      generated_at: '2024-05-02T08:14:09Z',
    }),
  );

  // Keys are addressed by integer id or by fingerprint.
  const keyOf = (c: Context): DoSshKey => {
    const ref = c.req.param('key') ?? '';
    const key = [...sim.state.sshKeys.values()].find((k) =>
      /^\d+$/.test(ref) ? k.id === Number(ref) : k.fingerprint === ref,
    );
    if (!key) throw notFound();
    return key;
  };

  app.get('/v2/account/keys', (c) => listResponse(c, 'ssh_keys', [...sim.state.sshKeys.values()]));

  app.post('/v2/account/keys', async (c) => {
    const body = await jsonBody(c);
    if (typeof body.name !== 'string' || body.name.trim() === '') throw unprocessable('Name is required');
    const publicKey = typeof body.public_key === 'string' ? body.public_key.trim() : '';
    if (!SSH_KEY.test(publicKey)) throw unprocessable('Key invalid type, we support RSA, ECDSA and ED25519 keys');
    const fingerprint = md5Fingerprint(publicKey);
    if ([...sim.state.sshKeys.values()].some((k) => k.fingerprint === fingerprint))
      throw unprocessable('SSH Key is already in use on your account');
    const key: DoSshKey = { id: sim.state.nextId++, name: body.name, fingerprint, public_key: publicKey };
    sim.state.sshKeys.set(key.id, key);
    return c.json({ ssh_key: key }, 201);
  });

  app.get('/v2/account/keys/:key', (c) => c.json({ ssh_key: keyOf(c) }));

  app.put('/v2/account/keys/:key', async (c) => {
    const key = keyOf(c);
    const body = await jsonBody(c);
    if (typeof body.name === 'string' && body.name.trim() !== '') key.name = body.name;
    return c.json({ ssh_key: key });
  });

  app.delete('/v2/account/keys/:key', (c) => {
    sim.state.sshKeys.delete(keyOf(c).id);
    return noContent();
  });
}
