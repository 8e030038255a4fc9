import { describe, expect, it } from 'vitest';
import { AuthenticationError, ValidationError } from '../../src/core/errors.js';
import { sshFingerprint } from '../../src/core/ssh-key.js';
import { periodLabel, subscriptionFromWire } from '../../src/hostinger/billing.js';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import { useSimulatorServer } from '../support/msw.js';

const { sim, baseUrl } = useSimulatorServer({ pageSize: 2 });
const provider = () => createHostingerProvider({ apiKey: sim.token, baseUrl });
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICuCzGwjogo5jz2uHc3rmPjgnaUXY7yIKW8fbi/Uh2S9 new@host';

describe('hostinger: ssh keys', () => {
  it('lists every page of keys with ssh-keygen fingerprints', async () => {
    const keys = await provider().sshKeys.list();
    expect(keys.map((k) => k.id)).toEqual(['325', '326', '411']);
    expect(sim.requests.map((r) => r.search)).toEqual(['?page=1', '?page=2']);
    expect(keys[0]).toEqual({
      id: '325',
      name: 'laptop',
      fingerprint: sshFingerprint(keys[0]!.public_key),
      public_key: keys[0]!.public_key,
    });
    expect(keys[0]!.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('adds a key and returns it with its fingerprint', async () => {
    const key = await provider().sshKeys.add('new laptop', KEY);
    expect(key).toMatchObject({ name: 'new laptop', public_key: KEY, fingerprint: sshFingerprint(KEY) });
    expect((await provider().sshKeys.list()).map((k) => k.id)).toContain(key.id);
  });

  it('rejects a malformed key before any request', async () => {
    await expect(provider().sshKeys.add('x', 'ssh-ed25519 not-base64!')).rejects.toBeInstanceOf(ValidationError);
    expect(sim.requests).toHaveLength(0);
  });

  it('deletes a key', async () => {
    await provider().sshKeys.delete('411');
    expect((await provider().sshKeys.list()).map((k) => k.id)).toEqual(['325', '326']);
  });
});

describe('hostinger: billing', () => {
  it('lists subscriptions with prices in currency units, their billing period and renews_at ("" when unknown)', async () => {
    const subs = await provider().billing.listSubscriptions();
    expect(subs.find((s) => s.id === 'Azz353Uhl1xC54pR0')).toEqual({
      id: 'Azz353Uhl1xC54pR0',
      name: 'KVM 2',
      status: 'active',
      plan: 'KVM 2',
      price: 17.99,
      currency: 'USD',
      renews_at: '2025-04-14T09:26:53Z',
      created_at: '2024-03-14T09:26:53Z',
      period: 'monthly',
    });
    expect(subs.find((s) => s.id === 'AzzH8i9J0k1L2m3N4')?.period).toBe('yearly');
    expect(subs.find((s) => s.id === 'AzzH8i9J0k1L2m3N4')?.renews_at).toBe('2025-11-02T00:00:00Z');
    expect(subs.every((s) => s.renews_at !== 'null')).toBe(true);
  });

  it('lists one catalog item per price, with integer cents and readable periods', async () => {
    const catalog = await provider().billing.getCatalog();
    expect(catalog).toContainEqual(
      expect.objectContaining({
        id: 'hostingercom-vps-kvm2-usd-1m',
        name: 'KVM 2',
        category: 'vps',
        price_cents: 1799,
        currency: 'USD',
        period: 'monthly',
      }),
    );
    expect(catalog).toContainEqual(expect.objectContaining({ id: 'hostingercom-vps-kvm2-usd-1y', period: 'yearly' }));
    expect(catalog).toContainEqual(expect.objectContaining({ id: 'hostingercom-vps-kvm2-usd-2y', period: '2 years' }));
    expect(catalog.every((c) => Number.isInteger(c.price_cents))).toBe(true);
  });

  it('names billing periods the same way for subscriptions and catalog prices', () => {
    expect(periodLabel(1, 'month')).toBe('monthly');
    expect(periodLabel(1, 'year')).toBe('yearly');
    expect(periodLabel(1, 'day')).toBe('daily');
    expect(periodLabel(1, 'week')).toBe('weekly');
    expect(periodLabel(3, 'month')).toBe('3 months');
    expect(periodLabel(2, 'YEAR')).toBe('2 years');
    expect(periodLabel(1, 'none')).toBe('one-time');
    expect(periodLabel(1, 'constructor')).toBe('1 constructor');
  });

  it('leaves the period out of a subscription whose answer has no billing period unit', () => {
    const sub = subscriptionFromWire({ id: 'Azz1', name: 'KVM 1', billing_period: 1, billing_period_unit: null });
    expect(sub).not.toHaveProperty('period');
    expect(subscriptionFromWire({ id: 'Azz2', billing_period: 3, billing_period_unit: 'month' }).period).toBe(
      '3 months',
    );
  });
});

describe('hostinger: provider', () => {
  it('testConnection makes one authenticated GET', async () => {
    await provider().testConnection();
    expect(sim.requests).toEqual([expect.objectContaining({ method: 'GET' })]);
  });

  it('testConnection with a wrong token is an AuthenticationError', async () => {
    await expect(createHostingerProvider({ apiKey: 'wrong', baseUrl }).testConnection()).rejects.toBeInstanceOf(
      AuthenticationError,
    );
  });

  it('refuses an empty token', () => {
    expect(() => createHostingerProvider({ apiKey: ' ' })).toThrow(ValidationError);
  });
});
