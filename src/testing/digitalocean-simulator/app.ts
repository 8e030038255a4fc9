import { Hono } from 'hono';
import { accountRoutes } from './account.js';
import { dnsRoutes } from './dns.js';
import { dropletRoutes } from './droplets.js';
import { DoHttpError, errorResponse } from './responses.js';
import { RATE_LIMIT } from './seed.js';
import type { DoRuntime } from './state.js';

/** Seconds in DigitalOcean's sliding rate-limit window. */
const WINDOW_SECONDS = 3600;

/**
 * DigitalOcean's API v2 subset as a hono app: Bearer auth, rate-limit headers on every answer (and 429
 * `too_many_requests` once the window's requests are spent), the routes, `{id, message, request_id}` errors.
 */
export function createDoApp(sim: DoRuntime, token: string, now: () => number): Hono {
  const app = new Hono();
  let windowStart: number | undefined;
  app.use('*', async (c, next) => {
    windowStart ??= now();
    const spent = sim.state.rateLimitRemaining <= 0;
    if (!spent) sim.state.rateLimitRemaining -= 1;
    const headers = {
      'ratelimit-limit': String(RATE_LIMIT),
      'ratelimit-remaining': String(Math.max(0, sim.state.rateLimitRemaining)),
      'ratelimit-reset': String(Math.floor(windowStart / 1000) + WINDOW_SECONDS),
    };
    if (c.req.header('authorization') !== `Bearer ${token}`) {
      c.res = errorResponse(c, new DoHttpError(401, 'Unable to authenticate you'));
    } else if (spent) {
      c.res = errorResponse(c, new DoHttpError(429, 'API Rate limit exceeded.'));
    } else {
      await next();
    }
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  });
  dnsRoutes(app, sim);
  dropletRoutes(app, sim);
  accountRoutes(app, sim);
  app.notFound((c) => errorResponse(c, new DoHttpError(404, 'The resource you were accessing could not be found.')));
  app.onError((error, c) =>
    errorResponse(c, error instanceof DoHttpError ? error : new DoHttpError(500, 'Server Error')),
  );
  return app;
}
