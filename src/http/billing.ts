import { callOptions, capability, type HostingApp, type RouteContext } from './context.js';

const PREFIX = '/providers/:provider';

/** Billing: subscriptions and the product catalog. */
export function registerBillingRoutes(app: HostingApp, ctx: RouteContext): void {
  app.get(`${PREFIX}/subscriptions`, async (c) => {
    const billing = await capability(ctx, c, 'billing');
    return c.json(await billing.listSubscriptions(callOptions(c)));
  });

  app.get(`${PREFIX}/catalog`, async (c) => {
    const billing = await capability(ctx, c, 'billing');
    return c.json(await billing.getCatalog(callOptions(c)));
  });
}
