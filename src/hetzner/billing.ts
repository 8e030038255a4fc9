/**
 * Hetzner billing as the SDK models it: the catalog is every server type in every location it is offered
 * in, at its monthly gross price there (currency from `/pricing`). The Cloud API exposes no subscriptions.
 *
 * @internal
 * @module
 */
import type { BillingCapability, CatalogItem } from '../core/billing.js';
import type { CallOptions } from '../core/call-options.js';
import { ErrNotSupported } from '../core/errors.js';
import { monthlyCents, offeredIn, PricingAnswer, ServerTypeWire } from './catalog-wire.js';
import type { HetznerClient } from './client.js';

const memory = (gb: number) => (gb < 1 ? `${Math.round(gb * 1024)} MB` : `${gb} GB`);

/** The catalog items of one server type: one per location, id `<type>@<location>` (what `vps.create` takes). */
function items(type: ServerTypeWire, currency: string): CatalogItem[] {
  const specs = [
    `${type.cores} ${type.cpu_type ?? 'shared'} vCPU`,
    `${memory(type.memory)} RAM`,
    `${type.disk} GB ${type.storage_type ?? 'local'} disk`,
    type.architecture,
  ].join(', ');
  return type.prices.flatMap((price) => {
    const cents = monthlyCents(type, price.location);
    if (cents === undefined || !offeredIn(type, price.location)) return [];
    return [
      {
        id: `${type.name}@${price.location}`,
        name: `${type.description ?? type.name.toUpperCase()} (${price.location})`,
        category: 'vps',
        price_cents: cents,
        currency,
        period: 'monthly',
        description: `${specs}; primary IPv4 billed on top`,
      },
    ];
  });
}

/** The Hetzner implementation of {@link BillingCapability}. */
export function createBilling(client: HetznerClient): BillingCapability {
  return {
    /** @throws {ErrNotSupported} always: the Cloud API has no subscriptions (servers are billed by the hour). */
    async listSubscriptions(options?: CallOptions) {
      options?.signal?.throwIfAborted();
      throw new ErrNotSupported('hetzner', 'billing.listSubscriptions');
    },

    async getCatalog(options?: CallOptions): Promise<CatalogItem[]> {
      const signal = options?.signal;
      const [types, { pricing }] = await Promise.all([
        client.listAll('server_types', 'server_types', ServerTypeWire, { signal }),
        client.request({ method: 'GET', path: 'pricing', schema: PricingAnswer, signal }),
      ]);
      return types.flatMap((t) => items(t, pricing.currency));
    },
  };
}
