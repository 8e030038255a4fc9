import { describe, expect, it } from 'vitest';
import { NotFoundError, ProviderAPIError, ValidationError } from '../../src/core/errors.js';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import { useSimulatorServer } from '../support/msw.js';

const { sim, baseUrl } = useSimulatorServer();
const provider = () => createHostingerProvider({ apiKey: sim.token, baseUrl });

describe('hostinger: domains', () => {
  it('lists the portfolio with lock, privacy and nameservers from each domain’s details', async () => {
    const domains = await provider().domains.list();
    expect(domains.map((d) => d.name).sort()).toEqual(['example.com', 'example.net', 'setec-demo.org']);
    expect(domains.find((d) => d.name === 'setec-demo.org')).toEqual({
      name: 'setec-demo.org',
      registrar: 'Hostinger',
      status: 'active',
      expires_at: '2027-06-30T12:00:00Z',
      auto_renew: false,
      locked: true,
      privacy_protection: true,
      nameservers: ['ns1.cloudflare.com', 'ns2.cloudflare.com'],
    });
  });

  it('gets one domain, and NotFoundError for a domain outside the account', async () => {
    expect(await provider().domains.get('Example.NET')).toMatchObject({
      name: 'example.net',
      locked: false,
      privacy_protection: false,
    });
    await expect(provider().domains.get('stranger.com')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('checks availability with one call per label and prices from the DOMAIN catalog', async () => {
    sim.state.takenDomains.add('cool-project.io');
    const answers = await provider().domains.checkAvailability(['cool-project.com', 'cool-project.io', 'example.com']);
    expect(answers).toEqual([
      { domain: 'cool-project.com', available: true, price: 9.99, currency: 'USD' },
      { domain: 'cool-project.io', available: false },
      { domain: 'example.com', available: false },
    ]);
    const calls = sim.requests.filter((r) => r.path === '/api/domains/v1/availability').map((r) => r.body);
    expect(calls).toEqual([
      { domain: 'cool-project', tlds: ['com', 'io'], with_alternatives: false },
      { domain: 'example', tlds: ['com'], with_alternatives: false },
    ]);
  });

  it('caches the catalog between availability checks', async () => {
    const domains = provider().domains;
    await domains.checkAvailability(['a-one.com']);
    await domains.checkAvailability(['a-two.com']);
    expect(sim.requests.filter((r) => r.path === '/api/billing/v1/catalog')).toHaveLength(1);
  });

  it('rejects a bad name in the list with the field index, before any request', async () => {
    const error = await provider()
      .domains.checkAvailability(['ok.com', 'bad domain.com'])
      .catch((e: unknown) => e);
    expect((error as ValidationError).fields).toHaveProperty(['domains.1']);
    expect(sim.requests).toHaveLength(0);
  });

  it('purchases with the catalog price of the period, and applies privacy as asked', async () => {
    const domain = await provider().domains.purchase({
      domain: 'fresh-name.org',
      period: 2,
      auto_renew: true,
      privacy_protection: false,
      payment_method_id: '1327362',
    });
    const order = sim.requests.find((r) => r.method === 'POST' && r.path === '/api/domains/v1/portfolio');
    expect(order?.body).toEqual({
      domain: 'fresh-name.org',
      item_id: 'hostingercom-domain-org-usd-2y',
      payment_method_id: 1327362,
    });
    expect(domain).toMatchObject({ name: 'fresh-name.org', status: 'active', privacy_protection: false });
    expect(sim.state.domains.get('fresh-name.org')?.is_privacy_protected).toBe(false);
  });

  it('reports auto_renew from the subscription named after each domain', async () => {
    const domains = await provider().domains.list();
    expect(domains.find((d) => d.name === 'example.com')?.auto_renew).toBe(true);
    expect(domains.find((d) => d.name === 'example.net')?.auto_renew).toBe(false);
    expect((await provider().domains.get('example.com')).auto_renew).toBe(true);
  });

  it('applies auto_renew as asked on a purchase, on Hostinger’s subscription', async () => {
    const renewing = await provider().domains.purchase({
      domain: 'renews.org',
      period: 1,
      auto_renew: true,
      privacy_protection: true,
    });
    const lapsing = await provider().domains.purchase({
      domain: 'lapses.org',
      period: 1,
      auto_renew: false,
      privacy_protection: true,
    });
    expect([renewing.auto_renew, lapsing.auto_renew]).toEqual([true, false]);
    const byName = new Map(sim.state.subscriptions.map((s) => [s.name, s.is_auto_renewed]));
    expect([byName.get('renews.org'), byName.get('lapses.org')]).toEqual([true, false]);
  });

  it('reports a purchase whose payment is still processing (202) as status "pending"', async () => {
    sim.state.paymentPending = true;
    const domain = await provider().domains.purchase({
      domain: 'waiting.dev',
      period: 1,
      auto_renew: false,
      privacy_protection: true,
    });
    expect(domain).toMatchObject({ name: 'waiting.dev', status: 'pending' });
    expect(sim.state.domains.has('waiting.dev')).toBe(false);
  });

  it('refuses a period the catalog does not sell, before ordering', async () => {
    await expect(
      provider().domains.purchase({ domain: 'x-y.com', period: 7, auto_renew: false, privacy_protection: false }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(sim.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('never retries a purchase on a server error', async () => {
    sim.inject({ status: 500, times: 1, method: 'POST', path: '/api/domains/v1/portfolio' });
    await expect(
      provider().domains.purchase({ domain: 'once-only.net', period: 1, auto_renew: false, privacy_protection: false }),
    ).rejects.toBeInstanceOf(ProviderAPIError);
    expect(sim.requests.filter((r) => r.method === 'POST' && r.path === '/api/domains/v1/portfolio')).toHaveLength(1);
  });

  it('sets 2 to 4 nameservers as ns1..ns4', async () => {
    await provider().domains.setNameservers('example.com', [
      'NS1.Cloudflare.com.',
      'ns2.cloudflare.com',
      'ns3.cloudflare.com',
    ]);
    expect(sim.requests.at(-1)?.body).toEqual({
      ns1: 'ns1.cloudflare.com',
      ns2: 'ns2.cloudflare.com',
      ns3: 'ns3.cloudflare.com',
    });
    expect((await provider().domains.get('example.com')).nameservers).toEqual([
      'ns1.cloudflare.com',
      'ns2.cloudflare.com',
      'ns3.cloudflare.com',
    ]);
    await expect(provider().domains.setNameservers('example.com', ['ns1.cloudflare.com'])).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('turns the lock and privacy protection on and off', async () => {
    const domains = provider().domains;
    await domains.enableLock('example.net');
    await domains.enablePrivacy('example.net');
    expect(await domains.get('example.net')).toMatchObject({ locked: true, privacy_protection: true });
    await domains.disableLock('example.net');
    await domains.disablePrivacy('example.net');
    expect(await domains.get('example.net')).toMatchObject({ locked: false, privacy_protection: false });
  });
});
