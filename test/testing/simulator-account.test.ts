import { describe, expect, it } from 'vitest';
import { hostingerCall } from '../support/hostinger-call.js';
import { useSimulatorServer } from '../support/msw.js';

const { sim, baseUrl, allowInvalidRequests } = useSimulatorServer({ pageSize: 2 });
const call = hostingerCall(baseUrl);
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILDeykdeLUSYakew5ZWKWcMGv6fyMF4MU6uBaONoM5Uh new@host';

describe('simulator: domains', () => {
  it('lists the portfolio and a domain with its lock, privacy and nameservers', async () => {
    const list = await call('GET', '/api/domains/v1/portfolio');
    expect(list.body.map((d: { domain: string }) => d.domain)).toEqual([
      'example.com',
      'example.net',
      'setec-demo.org',
    ]);
    const one = await call('GET', '/api/domains/v1/portfolio/example.com');
    expect(one.body).toMatchObject({
      domain: 'example.com',
      status: 'active',
      is_locked: true,
      is_privacy_protected: true,
      name_servers: { ns1: 'ns1.dns-parking.com' },
    });
    expect((await call('GET', '/api/domains/v1/portfolio/unknown.com')).status).toBe(404);
  });

  it('checks availability per TLD, with alternatives for a single TLD', async () => {
    const result = await call('POST', '/api/domains/v1/availability', { domain: 'example', tlds: ['com', 'io'] });
    expect(result.body).toEqual([
      { domain: 'example.com', is_available: false, is_alternative: false, restriction: null },
      { domain: 'example.io', is_available: true, is_alternative: false, restriction: null },
    ]);
    const alternatives = await call('POST', '/api/domains/v1/availability', {
      domain: 'fresh',
      tlds: ['dev'],
      with_alternatives: true,
    });
    expect(alternatives.body.filter((r: { is_alternative: boolean }) => r.is_alternative).length).toBeGreaterThan(0);
    const withDot = await call('POST', '/api/domains/v1/availability', { domain: 'fresh', tlds: ['.com'] });
    expect(withDot).toMatchObject({ status: 422, body: { errors: { 'tlds.0': expect.any(Array) } } });
  });

  it('purchases a domain with a matching DOMAIN price id: order, portfolio entry, zone and subscription', async () => {
    const order = await call('POST', '/api/domains/v1/portfolio', {
      domain: 'brand-new.com',
      item_id: 'hostingercom-domain-com-usd-1y',
    });
    expect(order).toMatchObject({ status: 200, body: { status: 'completed', currency: 'USD', subtotal: 999 } });
    expect((await call('GET', '/api/domains/v1/portfolio/brand-new.com')).body.status).toBe('active');
    expect((await call('GET', '/api/dns/v1/zones/brand-new.com')).status).toBe(200);
    const subscriptions = await call('GET', '/api/billing/v1/subscriptions');
    expect(subscriptions.body.map((s: { id: string }) => s.id)).toContain(order.body.subscription_id);
  });

  it('refuses a price id of another TLD, a VPS price id, a taken domain and an expired payment method', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ domain: 'brand-new.com', item_id: 'hostingercom-domain-net-usd-1y' }, 'item_id'],
      [{ domain: 'brand-new.com', item_id: 'hostingercom-vps-kvm2-usd-1m' }, 'item_id'],
      [{ domain: 'example.com', item_id: 'hostingercom-domain-com-usd-1y' }, 'domain'],
      [
        { domain: 'brand-new.com', item_id: 'hostingercom-domain-com-usd-1y', payment_method_id: 1290001 },
        'payment_method_id',
      ],
    ];
    for (const [body, field] of cases) {
      const result = await call('POST', '/api/domains/v1/portfolio', body);
      expect(result.status).toBe(422);
      expect(Object.keys(result.body.errors)).toEqual([field]);
    }
    expect(sim.state.domains.has('brand-new.com')).toBe(false);
  });

  it('answers 202 awaiting_payment and registers nothing while payment is pending', async () => {
    sim.state.paymentPending = true;
    const order = await call('POST', '/api/domains/v1/portfolio', {
      domain: 'later.com',
      item_id: 'hostingercom-domain-com-usd-1y',
    });
    expect(order).toMatchObject({ status: 202, body: { status: 'awaiting_payment' } });
    expect((await call('GET', '/api/domains/v1/portfolio/later.com')).status).toBe(404);
  });

  it('sets nameservers and toggles lock and privacy', async () => {
    await call('PUT', '/api/domains/v1/portfolio/example.net/nameservers', {
      ns1: 'ns1.cloudflare.com',
      ns2: 'ns2.cloudflare.com',
    });
    await call('PUT', '/api/domains/v1/portfolio/example.net/domain-lock');
    await call('DELETE', '/api/domains/v1/portfolio/example.com/privacy-protection');
    const net = (await call('GET', '/api/domains/v1/portfolio/example.net')).body;
    expect(net).toMatchObject({
      is_locked: true,
      name_servers: { ns1: 'ns1.cloudflare.com', ns2: 'ns2.cloudflare.com' },
    });
    expect((await call('GET', '/api/domains/v1/portfolio/example.com')).body.is_privacy_protected).toBe(false);
  });

  it('answers 422 for nameservers without ns2', async () => {
    allowInvalidRequests();
    const result = await call('PUT', '/api/domains/v1/portfolio/example.net/nameservers', {
      ns1: 'ns1.cloudflare.com',
    });
    expect(result).toMatchObject({
      status: 422,
      body: { message: 'The ns2 field is required.', errors: { ns2: ['The ns2 field is required.'] } },
    });
  });
});

describe('simulator: vps', () => {
  it('lists and gets virtual machines; an unknown id is 404', async () => {
    const list = await call('GET', '/api/vps/v1/virtual-machines');
    expect(list.body.map((vm: { id: number }) => vm.id)).toEqual([1268054, 1301991]);
    expect((await call('GET', '/api/vps/v1/virtual-machines/1268054')).body).toMatchObject({
      plan: 'KVM 2',
      state: 'running',
      template: { name: 'Ubuntu 22.04' },
    });
    expect((await call('GET', '/api/vps/v1/virtual-machines/999')).status).toBe(404);
  });

  it('lists data centers and templates, Ubuntu 22.04 included', async () => {
    expect((await call('GET', '/api/vps/v1/data-centers')).body.length).toBeGreaterThan(1);
    expect((await call('GET', '/api/vps/v1/templates')).body.map((t: { name: string }) => t.name)).toContain(
      'Ubuntu 22.04',
    );
  });

  it('purchases a VM: {order, virtual_machine} with the plan from the catalog, running after a few reads', async () => {
    const result = await call('POST', '/api/vps/v1/virtual-machines', {
      item_id: 'hostingercom-vps-kvm4-usd-1m',
      setup: {
        template_id: 1002,
        data_center_id: 19,
        hostname: 'web.example.com',
        password: 'a-Long-enough-pw1',
        public_key: { name: 'deploy', key: KEY },
      },
    });
    expect(result.status).toBe(200);
    expect(result.body.order.status).toBe('completed');
    expect(result.body.virtual_machine).toMatchObject({
      plan: 'KVM 4',
      cpus: 4,
      memory: 16384,
      hostname: 'web.example.com',
      state: 'creating',
    });
    const id = result.body.virtual_machine.id as number;
    const states = [];
    for (let i = 0; i < 3; i++) states.push((await call('GET', `/api/vps/v1/virtual-machines/${id}`)).body.state);
    expect(states).toEqual(['creating', 'running', 'running']);
    expect(sim.state.vmKeys.get(id)).toHaveLength(1);
  });

  it('refuses a VM purchase with an unknown template, data center or a DOMAIN price id', async () => {
    const bad = await call('POST', '/api/vps/v1/virtual-machines', {
      item_id: 'hostingercom-vps-kvm2-usd-1m',
      setup: { template_id: 1, data_center_id: 2 },
    });
    expect(bad).toMatchObject({
      status: 422,
      body: { errors: { 'setup.template_id': expect.any(Array), 'setup.data_center_id': expect.any(Array) } },
    });
    const domainPrice = await call('POST', '/api/vps/v1/virtual-machines', {
      item_id: 'hostingercom-domain-com-usd-1y',
      setup: { template_id: 1002, data_center_id: 19 },
    });
    expect(Object.keys(domainPrice.body.errors)).toEqual(['item_id']);
    expect(sim.state.vms.size).toBe(2);
  });
});

describe('simulator: ssh keys', () => {
  it('paginates public keys with meta.current_page, per_page and total', async () => {
    const first = await call('GET', '/api/vps/v1/public-keys');
    expect(first.body.meta).toEqual({ current_page: 1, per_page: 2, total: 3 });
    expect(first.body.data.map((k: { id: number }) => k.id)).toEqual([325, 326]);
    const second = await call('GET', '/api/vps/v1/public-keys?page=2');
    expect(second.body).toMatchObject({ data: [{ id: 411, name: 'backup-host' }], meta: { current_page: 2 } });
    expect((await call('GET', '/api/vps/v1/public-keys?page=3')).body.data).toEqual([]);
  });

  it('adds, attaches and deletes a key; a malformed key is 422', async () => {
    const added = await call('POST', '/api/vps/v1/public-keys', { name: 'new', key: KEY });
    expect(added.body).toEqual({ id: expect.any(Number), name: 'new', key: KEY });
    const action = await call('POST', '/api/vps/v1/public-keys/attach/1301991', { ids: [added.body.id] });
    expect(action.body).toMatchObject({ state: 'success' });
    expect(sim.state.vmKeys.get(1301991)).toEqual([added.body.id]);
    expect((await call('DELETE', `/api/vps/v1/public-keys/${added.body.id}`)).status).toBe(200);
    expect((await call('DELETE', `/api/vps/v1/public-keys/${added.body.id}`)).status).toBe(404);
    expect((await call('POST', '/api/vps/v1/public-keys', { name: 'bad', key: 'not a key' })).status).toBe(422);
  });
});

describe('simulator: billing', () => {
  it('filters the catalog by category and by name with a * wildcard', async () => {
    const vps = await call('GET', '/api/billing/v1/catalog?category=VPS');
    expect(vps.body.every((i: { category: string }) => i.category === 'VPS')).toBe(true);
    expect(vps.body[0].prices.map((p: { id: string }) => p.id)).toContain('hostingercom-vps-kvm1-usd-1m');
    const com = await call('GET', '/api/billing/v1/catalog?name=.COM*');
    expect(com.body.map((i: { id: string }) => i.id)).toEqual(['hostingercom-domain-com']);
  });

  it('lists subscriptions and payment methods with one default', async () => {
    expect((await call('GET', '/api/billing/v1/subscriptions')).body.length).toBeGreaterThan(0);
    const methods = (await call('GET', '/api/billing/v1/payment-methods')).body;
    expect(methods.filter((m: { is_default: boolean }) => m.is_default)).toHaveLength(1);
  });
});
