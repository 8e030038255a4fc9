import type { Hono } from 'hono';
import { isoNow } from '../core/app.js';
import { fieldError, notFound, unprocessable } from './responses.js';
import type { SimCatalogItem, SimCatalogPrice, SimOrder, SimRuntime, SimSubscription } from './state.js';

const CATEGORIES = ['DOMAIN', 'VPS', 'EMAIL'];

const BILLING_ADDRESS = {
  first_name: 'John',
  last_name: 'Doe',
  company: null,
  address_1: '1 Main Street',
  address_2: null,
  city: 'Springfield',
  state: null,
  zip: '12345',
  country: 'US',
  phone: null,
  email: 'john@example.com',
};

/** Takes the next integer id of the account. */
export const nextId = (sim: SimRuntime): number => sim.state.nextId++;

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function subscriptionId(n: number): string {
  let id = '';
  let value = n * 7919 + 104729;
  for (let i = 0; i < 14; i++) {
    id += ALPHABET[value % 62];
    value = Math.floor(value / 62) + (i + 1) * 131 * n;
  }
  return `Azz${id}`;
}

/** What an order paid for. */
export interface PlacedOrder {
  order: SimOrder;
  item: SimCatalogItem;
  price: SimCatalogPrice;
  /** `true` when the account's payment is still processing (simulator knob `state.paymentPending`). */
  pending: boolean;
}

/**
 * Checks `item_id` (a price id of `category`) and `payment_method_id`, then records an order and, unless payment
 * is pending, its subscription. Throws Hostinger's 422 on a bad id.
 */
export function placeOrder(
  sim: SimRuntime,
  request: { itemId: string; category: string; paymentMethodId?: number | undefined; name?: string },
): PlacedOrder {
  const item = sim.state.catalog.find(
    (i) => i.category === request.category && i.prices.some((p) => p.id === request.itemId),
  );
  const price = item?.prices.find((p) => p.id === request.itemId);
  if (!item || !price) throw fieldError('item_id', `The selected item_id is invalid.`);
  const methods = sim.state.paymentMethods;
  const method =
    request.paymentMethodId === undefined
      ? methods.find((m) => m.is_default)
      : methods.find((m) => m.id === request.paymentMethodId);
  if (!method) throw fieldError('payment_method_id', 'The selected payment_method_id is invalid.');
  if (method.is_expired || method.is_suspended)
    throw unprocessable({ payment_method_id: ['The payment method is expired or suspended.'] });
  const pending = sim.state.paymentPending;
  const now = isoNow();
  const id = nextId(sim);
  const order: SimOrder = {
    id,
    subscription_id: subscriptionId(id),
    status: pending ? 'awaiting_payment' : 'completed',
    currency: price.currency,
    subtotal: price.first_period_price,
    total: price.first_period_price,
    billing_address: { ...BILLING_ADDRESS },
    created_at: now,
    updated_at: now,
  };
  sim.state.orders.push(order);
  if (!pending) {
    const months = price.period_unit === 'year' ? price.period * 12 : price.period;
    const expires = new Date(Date.now() + months * 30.44 * 86_400_000);
    const subscription: SimSubscription = {
      id: order.subscription_id,
      name: request.name ?? item.name,
      status: 'active',
      billing_period: price.period,
      billing_period_unit: price.period_unit,
      currency_code: price.currency,
      total_price: price.first_period_price,
      renewal_price: price.price,
      is_auto_renewed: true,
      created_at: now,
      expires_at: isoNow(expires),
      next_billing_at: isoNow(expires),
    };
    sim.state.subscriptions.push(subscription);
  }
  return { order, item, price, pending };
}

function matchesName(item: SimCatalogItem, pattern: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return regex.test(item.name);
}

/** Billing routes under `/api/billing/v1`. */
export function billingRoutes(app: Hono, sim: SimRuntime): void {
  app.get('/api/billing/v1/subscriptions', (c) => c.json(sim.state.subscriptions));

  app.get('/api/billing/v1/catalog', (c) => {
    const category = c.req.query('category');
    const name = c.req.query('name');
    if (category !== undefined && !CATEGORIES.includes(category))
      throw fieldError('category', 'The selected category is invalid.');
    const items = sim.state.catalog.filter(
      (item) => (!category || item.category === category) && (!name || matchesName(item, name)),
    );
    return c.json(items);
  });

  app.get('/api/billing/v1/payment-methods', (c) => c.json(sim.state.paymentMethods));

  const setAutoRenewal = (id: string, on: boolean): SimSubscription => {
    const subscription = sim.state.subscriptions.find((s) => s.id === id);
    if (!subscription) throw notFound('Subscription not found');
    subscription.is_auto_renewed = on;
    return subscription;
  };
  app.patch('/api/billing/v1/subscriptions/:id/auto-renewal/enable', (c) =>
    c.json(setAutoRenewal(c.req.param('id'), true)),
  );
  app.delete('/api/billing/v1/subscriptions/:id/auto-renewal/disable', (c) =>
    c.json(setAutoRenewal(c.req.param('id'), false)),
  );
}
