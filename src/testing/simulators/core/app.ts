/**
 * The hono app around a provider's routes: Bearer auth (hono's `bearerAuth`), the provider's error body for
 * every refusal, its 404 for unknown routes and a 500 for anything the routes throw unexpectedly; and the
 * small helpers every provider's routes use.
 * @module
 */
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Thrown by route code to answer an error in the provider's shape; the app's error handler turns it into the
 * response through the provider's `errorResponse`.
 * @internal
 */
export class SimulatorHttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * How a provider's app answers what every app answers.
 * @internal
 */
export interface ProviderAppSetup {
  /** The token requests must carry as `Authorization: Bearer <token>`. */
  token: string;
  /** The provider's error body and status for `error`. */
  errorResponse(c: Context, error: SimulatorHttpError): Response;
  /** The message of the 401 for a missing, malformed or wrong token, e.g. `'Unauthenticated'`. */
  unauthorized: string;
  /** The message of the 404 for a route the provider does not have. */
  notFound(c: Context): string;
  /** Middleware that runs before the token check, on every request (e.g. rate-limit headers). */
  before?: MiddlewareHandler;
  /** Registers the provider's routes (and any middleware that needs an authenticated request). */
  routes(app: Hono): void;
}

/**
 * Builds a provider's hono app. Errors the routes throw as {@link SimulatorHttpError} answer in the provider's
 * shape; anything else is a 500 `Server Error`.
 * @internal
 */
export function createProviderApp(setup: ProviderAppSetup): Hono {
  const app = new Hono();
  const refuse = (c: Context): Response => setup.errorResponse(c, new SimulatorHttpError(401, setup.unauthorized));
  if (setup.before) app.use('*', setup.before);
  app.use(
    '*',
    bearerAuth({
      token: setup.token,
      // Still compared in constant time, but not hashed first: SHA-256 of both sides through WebCrypto doubled
      // the simulator's time per request (about 0.1 ms more), and a test token guards nothing worth it.
      hashFunction: (value: string) => value,
      noAuthenticationHeader: { message: refuse },
      invalidAuthenticationHeader: { message: refuse },
      invalidToken: { message: refuse },
    }),
  );
  setup.routes(app);
  app.notFound((c) => setup.errorResponse(c, new SimulatorHttpError(404, setup.notFound(c))));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    return setup.errorResponse(
      c,
      error instanceof SimulatorHttpError ? error : new SimulatorHttpError(500, 'Server Error'),
    );
  });
  return app;
}

/**
 * ISO-8601 without milliseconds, as Hostinger and DigitalOcean print timestamps.
 * @internal
 */
export const isoNow = (now = new Date()): string => now.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Reads the request body as JSON; an absent or blank body is `{}`.
 * @param invalid the provider's error for a body that is not JSON
 * @throws what `invalid` returns when the body is not JSON
 * @internal
 */
export async function readJsonBody(c: Context, invalid: () => Error): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid();
  }
}
