import type { Hono, MiddlewareHandler } from 'hono';
import { createProviderApp } from '../core/app.js';
import { actionRoutes } from './actions.js';
import { HzHttpError, errorResponse } from './responses.js';
import type { HzRuntime } from './state.js';
import { zoneRoutes } from './zones.js';

/** Extra route modules (servers, keys, the catalogue), registered after the DNS routes. */
export type HzRoutes = (app: Hono, sim: HzRuntime) => void;

/**
 * Hetzner Cloud's API subset as a hono app: Bearer auth, `RateLimit-*` headers on every answer (a token
 * bucket refilled one request per `3600 / limit` seconds; 429 `rate_limit_exceeded` once it is empty),
 * the routes, `{error: {code, message, details}}` errors.
 */
export function createHzApp(sim: HzRuntime, token: string, now: () => number, extra: HzRoutes[]): Hono {
  let refilledAt = now();
  const spent = new WeakSet<Request>();
  const rateLimit: MiddlewareHandler = async (c, next) => {
    const state = sim.state;
    const perRequest = 3_600_000 / state.rateLimit;
    const t = now();
    const refill = Math.floor((t - refilledAt) / perRequest);
    if (refill > 0) {
      state.rateLimitRemaining = Math.min(state.rateLimit, state.rateLimitRemaining + refill);
      refilledAt += refill * perRequest;
    }
    if (state.rateLimitRemaining <= 0) spent.add(c.req.raw);
    else state.rateLimitRemaining -= 1;
    const missing = state.rateLimit - state.rateLimitRemaining;
    const headers = {
      'ratelimit-limit': String(state.rateLimit),
      'ratelimit-remaining': String(Math.max(0, state.rateLimitRemaining)),
      'ratelimit-reset': String(Math.ceil((t + missing * perRequest) / 1000)),
      'x-correlation-id': globalThis.crypto.randomUUID(),
    };
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
  return createProviderApp({
    token,
    errorResponse,
    unauthorized: 'unable to authenticate',
    notFound: () => 'not found',
    before: rateLimit,
    routes(app) {
      app.use('*', async (c, next) => {
        if (spent.has(c.req.raw))
          throw new HzHttpError(429, 'rate_limit_exceeded', 'limit of 3600 requests per hour reached');
        await next();
      });
      actionRoutes(app, sim);
      zoneRoutes(app, sim);
      for (const routes of extra) routes(app, sim);
    },
  });
}
