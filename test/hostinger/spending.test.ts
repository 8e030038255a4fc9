import { describe, expect, it } from 'vitest';
import { isValidationError, type ValidationError } from '../../src/core/errors.js';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import { useSimulatorServer } from '../support/msw.js';

const { sim, baseUrl } = useSimulatorServer();
const provider = () => createHostingerProvider({ apiKey: sim.token, baseUrl });
const domainOrders = () =>
  sim.requests.filter((r) => r.method === 'POST' && r.path === '/api/domains/v1/portfolio').length;
const vmOrders = () =>
  sim.requests.filter((r) => r.method === 'POST' && r.path === '/api/vps/v1/virtual-machines').length;
const buy = (domain: string, period = 1) => ({ domain, period, auto_renew: false, privacy_protection: false });
const vm = {
  plan: 'hostingercom-vps-kvm2-usd-1m',
  data_center_id: '19',
  template: 'ubuntu 22.04',
  password: 'c0rrect-Horse-battery',
  hostname: 'app.example.com',
};

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isValidationError(error), String(error)).toBe(true);
  expect((error as ValidationError).fields).toHaveProperty('maxPrice');
  return error as ValidationError;
}

describe('hostinger: spending guard (maxPrice)', () => {
  // .com: 9.99 USD the first year (15.99 on renewal); 25.98 for a 2-year registration.
  it('refuses a domain whose first-year price is above maxPrice, and sends no purchase', async () => {
    const error = await refusal(provider().domains.purchase(buy('pricey-name.com'), { maxPrice: 9.98 }));
    expect(error.message).toContain('9.99 USD');
    expect(domainOrders()).toBe(0);
    expect(sim.state.domains.has('pricey-name.com')).toBe(false);
  });

  it('buys when the price is at most maxPrice: exactly one purchase request', async () => {
    const domain = await provider().domains.purchase(buy('cheap-enough.com'), { maxPrice: 9.99 });
    expect(domain.name).toBe('cheap-enough.com');
    expect(domainOrders()).toBe(1);
  });

  it('compares the charge for the whole requested period (2 years of .com: 25.98)', async () => {
    await refusal(provider().domains.purchase(buy('two-years.com', 2), { maxPrice: 20 }));
    expect(domainOrders()).toBe(0);
    await provider().domains.purchase(buy('two-years.com', 2), { maxPrice: 25.98 });
    expect(domainOrders()).toBe(1);
  });

  it('refuses a taken domain (no price) naming maxPrice, before any purchase', async () => {
    sim.state.takenDomains.add('taken-name.com');
    const error = await refusal(provider().domains.purchase(buy('taken-name.com'), { maxPrice: 1000 }));
    expect(error.message).toContain('not available');
    expect(domainOrders()).toBe(0);
  });

  it('refuses a TLD with no catalog price naming maxPrice', async () => {
    await refusal(provider().domains.purchase(buy('nowhere.example'), { maxPrice: 1000 }));
    expect(domainOrders()).toBe(0);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, '10' as unknown as number])(
    'refuses maxPrice %s before any request',
    async (maxPrice) => {
      await refusal(provider().domains.purchase(buy('any-name.com'), { maxPrice }));
      await refusal(provider().vps.create(vm, { maxPrice }));
      expect(sim.requests).toHaveLength(0);
    },
  );

  // KVM 2 monthly: 10.79 USD the first month (17.99 after).
  it('refuses a VM whose plan costs more than maxPrice today, and sends no purchase', async () => {
    const error = await refusal(provider().vps.create(vm, { maxPrice: 10.78 }));
    expect(error.message).toContain('10.79 USD');
    expect(vmOrders()).toBe(0);
  });

  it('creates the VM when the plan costs at most maxPrice: exactly one purchase request', async () => {
    await provider().vps.create(vm, { maxPrice: 10.79 });
    expect(vmOrders()).toBe(1);
  });

  it('refuses a plan that is not in the catalog naming maxPrice and plan', async () => {
    const error = await refusal(provider().vps.create({ ...vm, plan: 'kvm 99' }, { maxPrice: 1000 }));
    expect(error.fields).toHaveProperty('plan');
    expect(vmOrders()).toBe(0);
  });

  it('without maxPrice, buys as before', async () => {
    await provider().domains.purchase(buy('no-limit.com'));
    await provider().vps.create(vm);
    expect([domainOrders(), vmOrders()]).toEqual([1, 1]);
  });
});
