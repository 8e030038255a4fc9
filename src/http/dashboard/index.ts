import { Hono, type MiddlewareHandler } from 'hono';
import type { RouteContext } from '../context.js';
import { isExpectedError } from '../errors.js';
import { capabilitiesOf } from '../providers.js';
import { settingsPage, type ProviderView } from './page.js';
import { DASHBOARD_SCRIPT } from './script.js';
import { DASHBOARD_STYLE } from './style.js';

/** Where the settings page is served. */
export const DASHBOARD_PATH = '/hosting';

// Nothing from another origin, no inline script or style, no framing, forms only to this origin.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1d4ed8"/></svg>';

const UNAVAILABLE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hosting providers</title></head>' +
  '<body><main><h1>Hosting providers</h1><p>The settings page is unavailable right now; the server logged why.</p></main></body></html>';

const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Content-Security-Policy', CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
};

/**
 * The settings page at `GET /hosting`: every registered provider with its connected state, a token form
 * (**Test Connection**, **Save**, **Remove**) and, for a configured provider with DNS, its records.
 * Served behind the same `auth` middleware as the API.
 */
export function dashboardApp(
  ctx: RouteContext,
  auth: MiddlewareHandler,
  apiPath: string,
  onError?: (error: unknown, request: Request) => void,
): Hono {
  const app = new Hono({ strict: false }).basePath(DASHBOARD_PATH);
  app.use('*', auth, securityHeaders);
  app.get('/', async (c) => {
    const configs = new Map((await ctx.store.list()).map((config) => [config.provider, config]));
    const views: ProviderView[] = ctx.registry.listProviders().map((definition) => {
      const config = configs.get(definition.name);
      return {
        definition,
        configured: config !== undefined,
        connected: config?.connected ?? false,
        capabilities: config ? capabilitiesOf(ctx, config) : [],
        ...(config ? { extra: config.extra } : {}),
      };
    });
    return c.html(settingsPage(views, { page: DASHBOARD_PATH, api: apiPath }));
  });
  app.get('/app.js', (c) => c.body(DASHBOARD_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/app.css', (c) => c.body(DASHBOARD_STYLE, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/icon.svg', (c) => c.body(ICON, 200, { 'Content-Type': 'image/svg+xml' }));
  app.notFound((c) => c.json({ error: 'Not found' }, 404));
  // A store that fails while the page is built: the host hears of it through `onError`, the browser gets
  // a page that says nothing about the store (its message may name a host, a path or a password).
  app.onError((error, c) => {
    if (c.req.raw.signal.aborted) return new Response(null, { status: 499 });
    if (!isExpectedError(error)) onError?.(error, c.req.raw);
    return c.html(UNAVAILABLE, 500);
  });
  return app;
}
