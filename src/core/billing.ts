import type { CallOptions } from './call-options.js';

/** A running subscription. */
export interface Subscription {
  id: string;
  name: string;
  status: string;
  plan: string;
  /** Currency units (2.99). */
  price: number;
  currency: string;
  /** ISO-8601, `""` when unknown. */
  renews_at: string;
  created_at: string;
  /**
   * How often it renews, in the words of {@link CatalogItem.period}: `"monthly"`, `"yearly"`, `"3 months"`...
   * Absent when the provider does not say.
   */
  period?: string;
}

/** One purchasable price of the catalog. */
export interface CatalogItem {
  /** Usable as `plan` of a VM or for purchases. */
  id: string;
  name: string;
  category: string;
  /** Integer cents. */
  price_cents: number;
  currency: string;
  /** `"monthly"`, `"yearly"`, `"daily"`, `"weekly"`, `"one-time"`, or `"3 months"`, `"2 years"`... */
  period: string;
  description?: string;
}

/** Subscriptions and the product catalog. */
export interface BillingCapability {
  listSubscriptions(options?: CallOptions): Promise<Subscription[]>;
  getCatalog(options?: CallOptions): Promise<CatalogItem[]>;
}
