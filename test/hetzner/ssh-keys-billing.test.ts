import { describe, expect, it } from 'vitest';
import { ConflictError, ErrNotSupported } from '../../src/core/errors.js';
import { sshFingerprint } from '../../src/core/ssh-key.js';
import { useHetznerServer } from '../support/msw.js';
import { calls, providerFor } from './helpers.js';

const { sim } = useHetznerServer();
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl new@host';

describe('hetzner: sshKeys', () => {
  it('lists keys with SHA256 fingerprints computed locally (Hetzner gives MD5)', async () => {
    const keys = await providerFor(sim).sshKeys.list();
    expect(keys.map((k) => k.id)).toEqual(['2323', '2324']);
    expect(keys[0]!.fingerprint).toBe(sshFingerprint(keys[0]!.public_key));
    expect(keys[0]!.fingerprint).toMatch(/^SHA256:/);
  });

  it('add posts the key, delete removes it; the same key twice is a ConflictError', async () => {
    const provider = providerFor(sim);
    const key = await provider.sshKeys.add('new', KEY);
    expect(key).toMatchObject({ name: 'new', fingerprint: sshFingerprint(KEY) });
    await expect(provider.sshKeys.add('again', KEY)).rejects.toBeInstanceOf(ConflictError);
    await provider.sshKeys.delete(key.id);
    expect(sim.state.sshKeys.has(Number(key.id))).toBe(false);
  });
});

describe('hetzner: billing', () => {
  it('the catalog is every server type in each location it is offered in, at its monthly gross price', async () => {
    const catalog = await providerFor(sim).billing.getCatalog();
    expect(catalog.find((i) => i.id === 'cax11@fsn1')).toMatchObject({
      category: 'vps',
      price_cents: 451,
      currency: 'EUR',
      period: 'monthly',
    });
    // cpx22 in Ashburn: 8.05 net, 9.5795 gross, rounded half up.
    expect(catalog.find((i) => i.id === 'cpx22@ash')!.price_cents).toBe(958);
    expect(catalog.some((i) => i.id === 'cax11@ash')).toBe(false);
    expect(calls(sim).sort()).toEqual(['GET /pricing', 'GET /server_types']);
  });

  it('a location marked unavailable is left out', async () => {
    const type = sim.state.serverTypes.find((t) => t.name === 'cx22')!;
    type.locations = type.locations.filter((l) => l !== 'hel1');
    const catalog = await providerFor(sim).billing.getCatalog();
    expect(catalog.some((i) => i.id === 'cx22@hel1')).toBe(false);
  });

  it('subscriptions are not supported', async () => {
    await expect(providerFor(sim).billing.listSubscriptions()).rejects.toBeInstanceOf(ErrNotSupported);
    expect(sim.requests).toEqual([]);
  });
});
