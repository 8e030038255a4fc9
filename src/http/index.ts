/**
 * `setec-hosting/http`: the Setec Manager hosting REST API (`/api/hosting/providers/...`) as a
 * web-standard fetch handler `(request: Request) => Promise<Response>`. Serve it with any runtime
 * (`@hono/node-server`, Bun, Deno, a Cloudflare Worker) or mount it in an existing app.
 *
 * @example
 * ```ts
 * import { serve } from '@hono/node-server';
 * import { FileConfigStore } from 'setec-hosting';
 * import 'setec-hosting/hostinger/register';
 * import { createHostingHandler } from 'setec-hosting/http';
 *
 * const handler = createHostingHandler({
 *   store: new FileConfigStore('/opt/app/data/hosting'),
 *   auth: { jwtSecret: process.env.HOSTING_JWT_SECRET! },
 * });
 * serve({ fetch: handler, port: 9090 });
 * ```
 *
 * @module
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ConfigStore } from '../config/config-store.js';
import { assertProviderName } from '../config/config-store.js';
import { defaultRegistry, type ProviderRegistry } from '../core/registry.js';
import { assertAuth, authMiddleware, warnIfWeakSecret, type HostingAuth } from './auth.js';
import { trustedOrigins } from './base-url.js';
import { registerBillingRoutes } from './billing.js';
import { refusedAddressError, type RouteContext } from './context.js';
import { crossSiteGuard } from './cross-site.js';
import { DASHBOARD_PATH, dashboardApp } from './dashboard/index.js';
import { registerDnsRoutes } from './dns.js';
import { registerDomainRoutes } from './domains.js';
import { errorResponse, isExpectedError } from './errors.js';
import { methodsByPath } from './methods.js';
import { openApiDocument } from './openapi.js';
import { VERSION } from '../version.js';
import { registerProviderRoutes } from './providers.js';
import { registerSshKeyRoutes } from './ssh-keys.js';
import { registerVpsRoutes } from './vps.js';

export type { HostingAuth, JwtAuth, CustomAuth, NoAuth } from './auth.js';
export { secretsEqual } from './auth.js';
export { assertSafeBaseUrl } from './base-url.js';
export type { ErrorBody } from './errors.js';

/** The path every endpoint lives under. */
export const HOSTING_BASE_PATH = '/api/hosting';

/** Options of {@link createHostingHandler}. */
export interface HostingHandlerOptions {
  /** Where provider credentials are read and written (`FileConfigStore`, `MemoryConfigStore`, your own). */
  store: ConfigStore;
  /**
   * The providers the API serves.
   * @default the process-wide registry (`registerProvider`, `setec-hosting/hostinger/register`)
   */
  registry?: ProviderRegistry;
  /** Required: `{ jwtSecret }`, `{ authenticate(request) }`, or `{ none: true }` to turn auth off. */
  auth: HostingAuth;
  /**
   * Accept any `http(s)://` `extra.base_url`, private and loopback hosts included. Only for tests and
   * local simulators: it lets whoever can call the API make the server send the token anywhere.
   * @default false
   */
  allowUnsafeBaseUrl?: boolean;
  /**
   * Exact origins (`http://10.0.0.53:8081`: scheme, host and port) a stored or submitted `extra.base_url` may
   * point at even when they are private, loopback or plain http, such as the operator's own PowerDNS server.
   * Every other private or loopback address stays refused; a trusted origin's requests are not limited to
   * public addresses.
   * @default [] (none)
   * @example
   * ```ts
   * createHostingHandler({ store, auth, trustedBaseUrls: ['http://10.0.0.53:8081'] });
   * ```
   */
  trustedBaseUrls?: readonly string[];
  /**
   * Origins (`https://admin.example.com`) whose pages may send state-changing requests authenticated by
   * cookie, besides the handler's own origin: needed when a proxy serves the API under another host name.
   * Requests without an `Authorization` header that change something are refused (403) when `Origin` or
   * `Sec-Fetch-Site` say they come from another site, and (415) when their body is not `application/json`.
   * @default [] (only the request URL's own origin)
   */
  trustedOrigins?: readonly string[];
  /**
   * Also serve the settings page at `GET /hosting` (same auth; with `jwtSecret`, the `token` cookie
   * works): providers and their connected state, Test Connection / Save / Remove, and a configured
   * provider's DNS records. Its `Content-Security-Policy` lets it load nothing from another origin.
   * @default false
   */
  dashboard?: boolean;
  /**
   * Largest request body accepted; a bigger one is answered 413.
   * @default 1048576 (1 MiB)
   */
  maxBodyBytes?: number;
  /**
   * Called with every error answered 500 that is not a provider error (a bug, a store failure), by the
   * API and by the settings page alike, so the host can log it: the 500 body itself says nothing about it.
   * @default undefined (not reported)
   */
  onError?: (error: unknown, request: Request) => void;
}

/** A web-standard fetch handler. */
export type HostingHandler = (request: Request) => Promise<Response>;

/**
 * Creates the REST API handler: every endpoint under `/api/hosting` (providers, DNS, domains,
 * VPS, SSH keys, billing), errors as `{"error": "..."}` (400 bad input or unconfigured provider,
 * 401 this API's own credentials, 404, 409, 413, 422 the provider refused its token, 429 with
 * `Retry-After`, 500/502, 501 not supported).
 *
 * @throws {TypeError} when `auth` is missing or malformed.
 * @example
 * ```ts
 * const handler = createHostingHandler({ store: new MemoryConfigStore(), auth: { jwtSecret: secret } });
 * const response = await handler(new Request('http://localhost/api/hosting/providers', {
 *   headers: { Authorization: `Bearer ${jwt}` },
 * }));
 * console.log(await response.json()); // [{ name: 'hostinger', display_name: 'Hostinger', connected: false }]
 * ```
 */
export function createHostingHandler(options: HostingHandlerOptions): HostingHandler {
  assertAuth(options?.auth);
  warnIfWeakSecret(options.auth);
  if (!options.store) throw new TypeError('createHostingHandler: `store` is required');
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const ctx: RouteContext = {
    store: options.store,
    registry: options.registry ?? defaultRegistry(),
    allowUnsafeBaseUrl: options.allowUnsafeBaseUrl === true,
    trustedBaseUrls: trustedOrigins(options.trustedBaseUrls),
  };

  const app = new Hono({ strict: false }).basePath(HOSTING_BASE_PATH);
  app.use('*', authMiddleware(options.auth));
  app.use('*', crossSiteGuard(options.trustedOrigins));
  app.use(
    '*',
    bodyLimit({
      maxSize: maxBodyBytes,
      // The rest of the body is never read, so the connection cannot carry another request: say so.
      onError: (c) => c.json({ error: `Request body exceeds ${maxBodyBytes} bytes` }, 413, { Connection: 'close' }),
    }),
  );
  // The provider name becomes a store key (a file name): check it before any route touches the store.
  app.use('/providers/:provider/*', async (c, next) => {
    assertProviderName(c.req.param('provider'));
    await next();
  });
  // A path climbing out of `/providers` (`providers/%2e%2e`) is normalised to the base path by the URL parser.
  app.all('/', (c) => c.json({ error: 'Invalid path: expected /api/hosting/providers/...' }, 400));

  let openApi: Record<string, unknown> | undefined;
  app.get('/openapi.json', (c) => c.json((openApi ??= openApiDocument(HOSTING_BASE_PATH, VERSION))));
  registerProviderRoutes(app, ctx);
  registerDnsRoutes(app, ctx);
  registerDomainRoutes(app, ctx);
  registerVpsRoutes(app, ctx);
  registerSshKeyRoutes(app, ctx);
  registerBillingRoutes(app, ctx);

  const allowedMethods = methodsByPath(app);
  app.notFound((c) => {
    const allow = allowedMethods(c.req.path);
    if (allow.length === 0) return c.json({ error: 'Not found' }, 404);
    c.header('Allow', allow.join(', '));
    return c.json({ error: `Method ${c.req.method} is not allowed here; use ${allow.join(', ')}` }, 405);
  });
  app.onError((error, c) => {
    // The client went away (closed the connection, aborted its fetch): nobody reads this answer, and it is no failure of ours.
    if (c.req.raw.signal.aborted) return new Response(null, { status: 499 });
    const refused = refusedAddressError(c.req.raw);
    if (refused) return errorResponse(c, refused);
    if (!isExpectedError(error)) options.onError?.(error, c.req.raw);
    return errorResponse(c, error);
  });
  if (options.dashboard !== true) return async (request) => app.fetch(request);
  const page = dashboardApp(ctx, authMiddleware(options.auth), HOSTING_BASE_PATH, options.onError);
  return async (request) => {
    const path = new URL(request.url).pathname;
    const onPage = path === DASHBOARD_PATH || path.startsWith(`${DASHBOARD_PATH}/`);
    return onPage ? page.fetch(request) : app.fetch(request);
  };
}
