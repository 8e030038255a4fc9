/**
 * DigitalOcean billing as the SDK models it: the catalog is the droplet sizes with their monthly prices;
 * DigitalOcean has no subscriptions (droplets are billed by the hour), so `listSubscriptions` is not supported.
 *
 * @internal
 * @module
 */
import type { BillingCapability, CatalogItem } from '../core/billing.js';
import type { CallOptions } from '../core/call-options.js';
import { ErrNotSupported } from '../core/errors.js';
import { type DigitalOceanClient, listAll } from './client.js';
import { SizeWire } from './vps-wire.js';

/** One catalog item per available size: id = size slug (what `vps.create` takes as `plan`), monthly USD price. */
function catalogItem(size: SizeWire): CatalogItem {
  const memory = (size.memory ?? 0) >= 1024 ? `${(size.memory ?? 0) / 1024} GB` : `${size.memory ?? 0} MB`;
  const specs = `${size.vcpus ?? 0} vCPU, ${memory} RAM, ${size.disk ?? 0} GB disk, ${size.transfer ?? 0} TB transfer`;
  return {
    id: size.slug,
    name: size.description ? `${size.description} ${size.slug}` : size.slug,
    category: 'vps',
    price_cents: Math.round((size.price_monthly ?? 0) * 100),
    currency: 'USD',
    period: 'monthly',
    description: specs,
  };
}

/** The DigitalOcean implementation of {@link BillingCapability}. */
export function createBilling(client: DigitalOceanClient): BillingCapability {
  return {
    /** @throws {ErrNotSupported} always: DigitalOcean bills by usage and has no subscriptions. */
    async listSubscriptions(options?: CallOptions) {
      options?.signal?.throwIfAborted();
      throw new ErrNotSupported('digitalocean', 'billing.listSubscriptions');
    },

    async getCatalog(options?: CallOptions): Promise<CatalogItem[]> {
      const sizes = await listAll(client, 'v2/sizes', 'sizes', SizeWire, { signal: options?.signal });
      return sizes.filter((s) => s.available !== false).map(catalogItem);
    },
  };
}
