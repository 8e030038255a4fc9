/**
 * `setec-hosting billing ...`: subscriptions and the catalog of plans with prices.
 * @module
 */
import type { GroupSpec } from '../spec.js';
import { capability, CATALOG_COLUMNS, SUBSCRIPTION_COLUMNS } from './shared.js';

/** `setec-hosting billing`. */
export const billing: GroupSpec = {
  name: 'billing',
  summary: 'Subscriptions and the catalog of plans with prices',
  commands: [
    {
      name: 'subscriptions',
      summary: 'List the subscriptions of the account',
      args: [],
      example: 'setec-hosting billing subscriptions',
      async run(ctx) {
        ctx.out.list(await (await capability(ctx, 'billing')).listSubscriptions(), SUBSCRIPTION_COLUMNS);
      },
    },
    {
      name: 'catalog',
      summary: 'List what can be bought, with prices (plan ids for vms create)',
      args: [],
      example: 'setec-hosting billing catalog --output json',
      async run(ctx) {
        ctx.out.list(await (await capability(ctx, 'billing')).getCatalog(), CATALOG_COLUMNS);
      },
    },
  ],
};
