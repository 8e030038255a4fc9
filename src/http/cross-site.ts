import type { Context, MiddlewareHandler } from 'hono';

// Methods a browser may send from any page without asking: they must never change anything.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const JSON_TYPE = /^application\/json\s*(;|$)/i;

const refuse = (status: 403 | 415, error: string): Response =>
  new Response(JSON.stringify({ error }), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * True when the browser says the request comes from another site: a `Sec-Fetch-Site` other than
 * `same-origin`, or an `Origin` that is neither the request's own nor one of `trustedOrigins`.
 * A request with neither header does not come from a browser page, and so cannot be forged by one.
 */
function isCrossSite(c: Context, trustedOrigins: ReadonlySet<string>): boolean {
  const origin = c.req.header('Origin');
  const site = c.req.header('Sec-Fetch-Site');
  if (origin !== undefined) {
    const trusted = origin === new URL(c.req.url).origin || trustedOrigins.has(origin);
    // `Origin` is set by the browser; a trusted one is enough (a proxy may change the URL's host).
    return !trusted;
  }
  return site !== undefined && site !== 'same-origin';
}

function hasBody(c: Context): boolean {
  const length = c.req.header('Content-Length');
  return (length !== undefined && length !== '0') || c.req.header('Transfer-Encoding') !== undefined;
}

/**
 * Cross-site request protection for requests a browser authenticates by itself, with a cookie.
 *
 * A request without an `Authorization` header that changes something (any method but GET, HEAD,
 * OPTIONS) is refused with 403 when `Origin` or `Sec-Fetch-Site` say it comes from another site, and
 * with 415 when it has a body whose `Content-Type` is not `application/json` (the only types a page on
 * another site can send without the browser asking this server first are form and plain-text types).
 * Requests with `Authorization: Bearer ...` are not affected: a browser never adds that header by itself.
 *
 * hono's own `csrf` middleware only looks at form content types and refuses a request without
 * `Origin`, which would refuse command-line clients that send the cookie; this keeps both rules.
 */
export function crossSiteGuard(trustedOrigins: readonly string[] = []): MiddlewareHandler {
  const trusted = new Set(trustedOrigins.map((origin) => new URL(origin).origin));
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.req.header('Authorization') !== undefined) return next();
    if (isCrossSite(c, trusted)) return refuse(403, 'Cross-site request refused');
    const type = c.req.header('Content-Type');
    if (type === undefined ? hasBody(c) : !JSON_TYPE.test(type)) {
      return refuse(415, 'Content-Type must be application/json');
    }
    return next();
  };
}
