import type { Hono } from 'hono';
import { createProviderApp } from '../core/app.js';
import { billingRoutes } from './billing.js';
import { dnsRoutes } from './dns.js';
import { domainRoutes } from './domains.js';
import { errorResponse } from './responses.js';
import type { SimRuntime } from './state.js';
import { vpsRoutes } from './vps.js';

/** The Hostinger API subset as a hono app: Bearer auth, the product routes, Hostinger-shaped errors. */
export function createSimulatorApp(sim: SimRuntime, token: string): Hono {
  return createProviderApp({
    token,
    errorResponse,
    unauthorized: 'Unauthenticated',
    notFound: (c) => `The route ${c.req.path} could not be found.`,
    routes(app) {
      dnsRoutes(app, sim);
      domainRoutes(app, sim);
      vpsRoutes(app, sim);
      billingRoutes(app, sim);
    },
  });
}
