import { Hono } from 'hono';
import { billingRoutes } from './billing.js';
import { dnsRoutes } from './dns.js';
import { domainRoutes } from './domains.js';
import { errorResponse, SimHttpError } from './responses.js';
import type { SimRuntime } from './state.js';
import { vpsRoutes } from './vps.js';

/** The Hostinger API subset as a hono app: Bearer auth, the product routes, Hostinger-shaped errors. */
export function createSimulatorApp(sim: SimRuntime, token: string): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    if (c.req.header('authorization') !== `Bearer ${token}`) {
      return errorResponse(c, new SimHttpError(401, 'Unauthenticated'));
    }
    await next();
  });
  dnsRoutes(app, sim);
  domainRoutes(app, sim);
  vpsRoutes(app, sim);
  billingRoutes(app, sim);
  app.notFound((c) => errorResponse(c, new SimHttpError(404, `The route ${c.req.path} could not be found.`)));
  app.onError((error, c) =>
    errorResponse(c, error instanceof SimHttpError ? error : new SimHttpError(500, 'Server Error')),
  );
  return app;
}
