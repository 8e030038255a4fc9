import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ErrNotSupported, ValidationError } from '../../src/core/errors.js';
import { sshFingerprint } from '../../src/core/ssh-key.js';
import { useDigitalOceanServer } from '../support/msw.js';
import { providerFor } from './helpers.js';

const { sim } = useDigitalOceanServer();
const provider = () => providerFor(sim);

function newKey(): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const type = Buffer.from('ssh-ed25519');
  const blob = Buffer.concat([Buffer.from([0, 0, 0, type.length]), type, Buffer.from([0, 0, 0, 32]), raw]);
  return `ssh-ed25519 ${blob.toString('base64')} me@host`;
}

describe('digitalocean: ssh keys', () => {
  it('lists keys with the SHA256 fingerprint ssh-keygen prints (not DigitalOcean MD5 form)', async () => {
    const keys = await provider().sshKeys.list();
    expect(keys.map((k) => k.name)).toEqual(['laptop', 'ci-deploy']);
    expect(keys[0]!.fingerprint).toBe(sshFingerprint(keys[0]!.public_key));
    expect(keys[0]!.fingerprint).toMatch(/^SHA256:/);
  });

  it('adds and deletes a key; a malformed key is refused before any request', async () => {
    const line = newKey();
    const added = await provider().sshKeys.add('deploy', line);
    expect(added).toMatchObject({ name: 'deploy', public_key: line, fingerprint: sshFingerprint(line) });
    await provider().sshKeys.delete(added.id);
    expect(sim.state.sshKeys.has(Number(added.id))).toBe(false);
    const before = sim.requests.length;
    await expect(provider().sshKeys.add('x', 'ssh-ed25519 not-base64!')).rejects.toBeInstanceOf(ValidationError);
    expect(sim.requests).toHaveLength(before);
  });

  it('adding a key the account has already is a ValidationError from the API', async () => {
    const [existing] = await provider().sshKeys.list();
    await expect(provider().sshKeys.add('copy', existing!.public_key)).rejects.toThrow(/already in use/);
  });
});

describe('digitalocean: billing', () => {
  it('the catalog is the available sizes: slug as id, monthly price in cents', async () => {
    const catalog = await provider().billing.getCatalog();
    expect(catalog.map((c) => c.id)).toEqual(['s-1vcpu-1gb', 's-1vcpu-2gb', 's-2vcpu-4gb', 's-4vcpu-8gb']);
    expect(catalog[1]).toEqual({
      id: 's-1vcpu-2gb',
      name: 'Basic s-1vcpu-2gb',
      category: 'vps',
      price_cents: 1200,
      currency: 'USD',
      period: 'monthly',
      description: '1 vCPU, 2 GB RAM, 50 GB disk, 2 TB transfer',
    });
  });

  it('listSubscriptions is not supported (DigitalOcean bills by usage) and sends nothing', async () => {
    const error = await provider()
      .billing.listSubscriptions()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrNotSupported);
    expect(error).toMatchObject({ provider: 'digitalocean', operation: 'billing.listSubscriptions' });
    expect(sim.requests).toHaveLength(0);
  });

  it('has no domains group', () => {
    expect(provider().domains).toBeUndefined();
  });
});
