import type { Hono, MiddlewareHandler } from 'hono';
import { createProviderApp, SimulatorHttpError } from '../core/app.js';
import { accountRoutes } from './account.js';
import { dnsRoutes } from './dns.js';
import { dropletRoutes } from './droplets.js';
import { errorResponse, notFoundMessage } from './responses.js';
import { RATE_LIMIT } from './seed.js';
import type { DoRuntime } from './state.js';

/** Seconds in DigitalOcean's sliding rate-limit window. */
const WINDOW_SECONDS = 3600;

/**
 * DigitalOcean's API v2 subset as a hono app: Bearer auth, rate-limit headers on every answer (and 429
 * `too_many_requests` once the window's requests are spent), the routes, `{id, message, request_id}` errors.
 */
export function createDoApp(sim: DoRuntime, token: string, now: () => number): Hono {
  let windowStart: number | undefined;
  // Requests that came in after the window's requests were spent: answered 429 once authenticated.
  const spent = new WeakSet<Request>();
  // Every request counts against the limit, and every answer (401 and 404 included) carries the headers.
  const rateLimit: MiddlewareHandler = async (c, next) => {
    windowStart ??= now();
    if (sim.state.rateLimitRemaining <= 0) spent.add(c.req.raw);
    else sim.state.rateLimitRemaining -= 1;
    const headers = {
      'ratelimit-limit': String(RATE_LIMIT),
      'ratelimit-remaining': String(Math.max(0, sim.state.rateLimitRemaining)),
      'ratelimit-reset': String(Math.floor(windowStart / 1000) + WINDOW_SECONDS),
    };
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
  return createProviderApp({
    token,
    errorResponse,
    unauthorized: 'Unable to authenticate you',
    notFound: () => notFoundMessage,
    before: rateLimit,
    routes(app) {
      app.use('*', async (c, next) => {
        if (spent.has(c.req.raw)) throw new SimulatorHttpError(429, 'API Rate limit exceeded.');
        await next();
      });
      dnsRoutes(app, sim);
      dropletRoutes(app, sim);
      accountRoutes(app, sim);
    },
  });
}
