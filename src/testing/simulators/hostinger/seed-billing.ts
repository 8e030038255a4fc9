/** The simulator's seeded catalog (VPS plans, domain TLDs, e-mail) and subscriptions. */
import { CREATED } from './seed-times.js';
import type { SimCatalogItem, SimCatalogPrice, SimSubscription } from './state.js';

function price(
  itemId: string,
  label: string,
  cents: number,
  first: number,
  period: number,
  unit: 'month' | 'year',
): SimCatalogPrice {
  const suffix = `${period}${unit === 'month' ? 'm' : 'y'}`;
  const every = period === 1 ? unit : `${period} ${unit}s`;
  return {
    id: `${itemId}-usd-${suffix}`,
    name: `${label} (billed every ${every})`,
    currency: 'USD',
    price: cents,
    first_period_price: first,
    period,
    period_unit: unit,
  };
}

function vpsItem(
  n: number,
  cpus: number,
  memoryGb: number,
  diskGb: number,
  bandwidthTb: number,
  monthly: number,
): SimCatalogItem {
  const id = `hostingercom-vps-kvm${n}`;
  const name = `KVM ${n}`;
  return {
    id,
    name,
    category: 'VPS',
    metadata: {
      cpus,
      memory: memoryGb * 1024,
      disk_space: diskGb * 1024,
      bandwidth: bandwidthTb * 1024 * 1024,
      network: 1000,
    },
    prices: [
      price(id, name, monthly, Math.round(monthly * 0.6), 1, 'month'),
      price(id, name, monthly * 10, monthly * 7, 1, 'year'),
      price(id, name, monthly * 18, monthly * 12, 2, 'year'),
    ],
  };
}

function domainItem(tld: string, yearly: number, first: number): SimCatalogItem {
  const id = `hostingercom-domain-${tld}`;
  const name = `.${tld.toUpperCase()} Domain`;
  return {
    id,
    name,
    category: 'DOMAIN',
    metadata: { tld },
    prices: [price(id, name, yearly, first, 1, 'year'), price(id, name, yearly * 2, first + yearly, 2, 'year')],
  };
}

export function seedCatalog(): SimCatalogItem[] {
  return [
    vpsItem(1, 1, 4, 50, 4, 1399),
    vpsItem(2, 2, 8, 100, 8, 1799),
    vpsItem(4, 4, 16, 200, 16, 2999),
    vpsItem(8, 8, 32, 400, 32, 5999),
    domainItem('com', 1599, 999),
    domainItem('net', 1799, 1199),
    domainItem('org', 1499, 799),
    domainItem('dev', 1999, 1499),
    domainItem('io', 5999, 3999),
    {
      id: 'hostingercom-email-business-starter',
      name: 'Business Starter Email',
      category: 'EMAIL',
      metadata: null,
      prices: [price('hostingercom-email-business-starter', 'Business Starter Email', 299, 99, 1, 'month')],
    },
  ];
}

const SUBSCRIPTION = { status: 'active' as const, currency_code: 'USD', is_auto_renewed: true, created_at: CREATED };

export function seedSubscriptions(): SimSubscription[] {
  return [
    {
      ...SUBSCRIPTION,
      id: 'Azz353Uhl1xC54pR0',
      name: 'KVM 2',
      billing_period: 1,
      billing_period_unit: 'month',
      total_price: 1079,
      renewal_price: 1799,
      expires_at: '2025-04-14T09:26:53Z',
      next_billing_at: '2025-04-14T09:26:53Z',
    },
    {
      ...SUBSCRIPTION,
      id: 'Azz36nUfKX1S1MSF',
      name: 'KVM 4',
      billing_period: 1,
      billing_period_unit: 'year',
      total_price: 20993,
      renewal_price: 29990,
      expires_at: '2026-03-14T09:26:53Z',
      next_billing_at: '2026-03-14T09:26:53Z',
    },
    {
      ...SUBSCRIPTION,
      id: 'AzzA1b2C3d4E5f6G7',
      name: 'example.com',
      billing_period: 1,
      billing_period_unit: 'year',
      total_price: 999,
      renewal_price: 1599,
      expires_at: '2026-03-14T09:26:53Z',
      next_billing_at: '2026-03-14T09:26:53Z',
    },
    {
      ...SUBSCRIPTION,
      id: 'AzzH8i9J0k1L2m3N4',
      name: 'example.net',
      status: 'not_renewing',
      is_auto_renewed: false,
      billing_period: 1,
      billing_period_unit: 'year',
      total_price: 1199,
      renewal_price: 1799,
      expires_at: '2025-11-02T00:00:00Z',
      next_billing_at: null,
    },
  ];
}
