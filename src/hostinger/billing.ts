/**
 * Hostinger billing (`/api/billing/v1`): subscriptions and the catalog, plus the catalog lookups
 * that domain and VPS purchases need (a purchase names a catalog **price** id).
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { BillingCapability, CatalogItem, Subscription } from '../core/billing.js';
import type { CallOptions } from '../core/call-options.js';
import type { FoundPrice } from '../core/spending.js';
import type { HostingerClient } from './client.js';
import { apiPath } from './paths.js';
import { listWire, maybeBoolean, maybeNumber, maybeString } from '../kit/wire.js';

/** One price of a catalog item; its `id` is what purchases send as `item_id`. */
export const CatalogPriceWire = z.looseObject({
  id: z.string(),
  name: maybeString,
  currency: maybeString,
  price: z.number(),
  first_period_price: maybeNumber,
  period: maybeNumber,
  period_unit: maybeString,
});
export type CatalogPriceWire = z.infer<typeof CatalogPriceWire>;

/** A catalog item (`hostingercom-vps-kvm2`) with its prices; its `metadata` (any value) is kept, unchecked. */
export const CatalogItemWire = z.looseObject({
  id: z.string(),
  name: maybeString,
  category: maybeString,
  prices: z.optional(z.nullable(z.array(CatalogPriceWire))),
});
export type CatalogItemWire = z.infer<typeof CatalogItemWire>;
const CatalogWire = listWire(CatalogItemWire);

/** A subscription as Hostinger returns it (prices in cents). */
export const SubscriptionWire = z.looseObject({
  id: z.string(),
  name: maybeString,
  status: maybeString,
  billing_period: maybeNumber,
  billing_period_unit: maybeString,
  currency_code: maybeString,
  total_price: maybeNumber,
  renewal_price: maybeNumber,
  is_auto_renewed: maybeBoolean,
  created_at: maybeString,
  expires_at: maybeString,
  next_billing_at: maybeString,
});
export type SubscriptionWire = z.infer<typeof SubscriptionWire>;
const SubscriptionsWire = listWire(SubscriptionWire);

const SINGLE: Record<string, string> = { day: 'daily', week: 'weekly', month: 'monthly', year: 'yearly' };

/** `1 month` → `monthly`, `1 year` → `yearly` (also `daily`, `weekly`), else `"3 months"`, `"2 years"`. */
export function periodLabel(period: number | null | undefined, unit: string | null | undefined): string {
  const n = period ?? 1;
  const u = (unit ?? 'month').toLowerCase();
  if (u === 'none') return 'one-time';
  if (n === 1 && Object.hasOwn(SINGLE, u)) return SINGLE[u] as string;
  return `${n} ${u}${n === 1 ? '' : 's'}`;
}

/** What a price charges today: its first period (renewals may cost more), in currency units. */
export function firstPeriodPrice(price: CatalogPriceWire): FoundPrice {
  const found: FoundPrice = { amount: Math.round(price.first_period_price ?? price.price) / 100 };
  if (price.currency) found.currency = price.currency;
  return found;
}

/** Fetches the catalog, optionally one category (`DOMAIN`, `VPS`). */
export async function fetchCatalog(
  client: HostingerClient,
  category: string | undefined,
  signal?: AbortSignal,
): Promise<CatalogItemWire[]> {
  const response = await client.request({
    method: 'GET',
    path: apiPath('api/billing/v1/catalog'),
    ...(category ? { searchParams: { category } } : {}),
    schema: CatalogWire,
    signal,
  });
  return response.data;
}

/** One {@link CatalogItem} per price: the price id is what a purchase needs. */
export function catalogItemsFromWire(items: readonly CatalogItemWire[]): CatalogItem[] {
  return items.flatMap((item) =>
    (item.prices ?? []).map((price) => {
      const out: CatalogItem = {
        id: price.id,
        name: item.name ?? item.id,
        category: (item.category ?? '').toLowerCase(),
        price_cents: Math.round(price.price),
        currency: price.currency ?? '',
        period: periodLabel(price.period, price.period_unit),
      };
      if (price.name) out.description = price.name;
      return out;
    }),
  );
}

export function subscriptionFromWire(s: SubscriptionWire): Subscription {
  // The price the next renewal charges (what `renews_at` is about); the first paid period may have been cheaper.
  const cents = s.renewal_price ?? s.total_price ?? 0;
  const out: Subscription = {
    id: String(s.id),
    name: s.name ?? '',
    status: s.status ?? '',
    plan: s.name ?? '',
    price: Math.round(cents) / 100,
    currency: s.currency_code ?? '',
    renews_at: s.next_billing_at ?? s.expires_at ?? '',
    created_at: s.created_at ?? '',
  };
  if (s.billing_period_unit) out.period = periodLabel(s.billing_period, s.billing_period_unit);
  return out;
}

/** Fetches the account's subscriptions as Hostinger returns them. */
export async function fetchSubscriptions(client: HostingerClient, signal?: AbortSignal): Promise<SubscriptionWire[]> {
  return (
    await client.request({
      method: 'GET',
      path: apiPath('api/billing/v1/subscriptions'),
      schema: SubscriptionsWire,
      signal,
    })
  ).data;
}

/** The Hostinger implementation of {@link BillingCapability}. */
export function createBilling(client: HostingerClient): BillingCapability {
  return {
    async listSubscriptions(options?: CallOptions): Promise<Subscription[]> {
      return (await fetchSubscriptions(client, options?.signal)).map(subscriptionFromWire);
    },
    async getCatalog(options?: CallOptions): Promise<CatalogItem[]> {
      return catalogItemsFromWire(await fetchCatalog(client, undefined, options?.signal));
    },
  };
}
