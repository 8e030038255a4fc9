import { describe, expect, it } from 'vitest';
import { hostinger } from '../../src/hostinger/index.js';
import { useSimulatorServer } from '../support/msw.js';
import { configure, harness } from './helpers.js';

// The REST API driving the real Hostinger adapter against the simulator (through msw).
const { sim } = useSimulatorServer();
const P = '/providers/hostinger';
const orders = (path: string) => sim.requests.filter((r) => r.method === 'POST' && r.path === path).length;
const domainOrders = () => orders('/api/domains/v1/portfolio');
const vmOrders = () => orders('/api/vps/v1/virtual-machines');

async function api() {
  const h = await harness({ providers: [() => hostinger] });
  await configure(h, 'hostinger', {}, sim.token);
  return h;
}
const purchase = { domain: 'rest-guard.com', period: 1 };
const vm = {
  plan: 'hostingercom-vps-kvm2-usd-1m',
  data_center_id: 19,
  template: 'Ubuntu 22.04',
  password: 'c0rrect-Horse-battery',
  hostname: 'rest.example.com',
};

describe('http: max_price spending guard', () => {
  it('POST domains/purchase above max_price is a 400 naming max_price and sends no purchase', async () => {
    const response = await (await api()).send('POST', `${P}/domains/purchase`, { ...purchase, max_price: 5 });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fields).toHaveProperty('max_price');
    expect(body.fields).not.toHaveProperty('maxPrice');
    expect(body.error).toContain('max_price');
    expect(domainOrders()).toBe(0);
  });

  it('POST domains/purchase within max_price buys: 201 and exactly one purchase request', async () => {
    const response = await (await api()).send('POST', `${P}/domains/purchase`, { ...purchase, max_price: 9.99 });
    expect(response.status).toBe(201);
    expect((await response.json()).name).toBe('rest-guard.com');
    expect(domainOrders()).toBe(1);
  });

  it('POST vms above max_price is a 400 naming max_price and sends no purchase; within it creates', async () => {
    const h = await api();
    const refused = await h.send('POST', `${P}/vms`, { ...vm, max_price: 10 });
    expect(refused.status).toBe(400);
    expect((await refused.json()).fields).toHaveProperty('max_price');
    expect(vmOrders()).toBe(0);
    const created = await h.send('POST', `${P}/vms`, { ...vm, max_price: 11 });
    expect(created.status).toBe(201);
    expect(vmOrders()).toBe(1);
  });

  it.each([-1, '12', null])('max_price %j is a 400 naming max_price before the provider is called', async (bad) => {
    const response = await (await api()).send('POST', `${P}/domains/purchase`, { ...purchase, max_price: bad });
    expect(response.status).toBe(400);
    expect((await response.json()).fields).toHaveProperty('max_price');
    expect(sim.requests).toHaveLength(0);
  });
});
