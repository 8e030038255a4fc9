import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { verify } from 'hono/jwt';
import { timingSafeEqual } from 'hono/utils/buffer';

/** Verify an HS256 JWT from `Authorization: Bearer <jwt>` or the `token` cookie. */
export interface JwtAuth {
  /** The HMAC secret the HS256 tokens are signed with. Tokens must carry `exp`. */
  jwtSecret: string;
}

/** Plug in the host's own check (session, API key, mTLS header...). */
export interface CustomAuth {
  /** `true` lets the request through; `false` answers 401. */
  authenticate(request: Request): boolean | Promise<boolean>;
}

/** No authentication at all: only for a handler behind another gate, or local tests. */
export interface NoAuth {
  none: true;
}

/** How {@link createHostingHandler} authenticates requests. Required: there is no default. */
export type HostingAuth = JwtAuth | CustomAuth | NoAuth;

/**
 * Compares two secrets without leaking where they differ or throwing on different lengths: both
 * are hashed (SHA-256) first, so `crypto.timingSafeEqual`'s equal-length trap cannot bite.
 *
 * @example
 * ```ts
 * createHostingHandler({
 *   store,
 *   auth: { authenticate: (request) => secretsEqual(request.headers.get('x-api-key') ?? '', process.env.API_KEY!) },
 * });
 * ```
 */
export async function secretsEqual(candidate: string, expected: string): Promise<boolean> {
  return timingSafeEqual(candidate, expected);
}

function bearerToken(header: string): string | undefined {
  const match = /^Bearer +([A-Za-z0-9_.~+/=-]+) *$/i.exec(header);
  return match?.[1];
}

/**
 * Checks the `auth` option once, at creation.
 * @throws {TypeError} when `auth` is missing or malformed: an unauthenticated API must be asked for.
 */
export function assertAuth(auth: unknown): asserts auth is HostingAuth {
  const a = auth as Partial<JwtAuth & CustomAuth & NoAuth> | undefined;
  if (a && typeof a === 'object') {
    if (a.none === true) return;
    if (typeof a.authenticate === 'function') return;
    if (typeof a.jwtSecret === 'string' && a.jwtSecret.length > 0) return;
  }
  throw new TypeError(
    'createHostingHandler: `auth` is required: pass { jwtSecret }, { authenticate(request) } or, to disable it, { none: true }',
  );
}

let warnedWeakSecret = false;

/**
 * Warns once per process when a `jwtSecret` is shorter than 32 bytes: HS256 wants a 256-bit key, and a
 * short secret can be found by trying candidates against any token the attacker holds.
 */
export function warnIfWeakSecret(auth: HostingAuth): void {
  if (!('jwtSecret' in auth) || warnedWeakSecret) return;
  const bytes = new TextEncoder().encode(auth.jwtSecret).length;
  if (bytes >= 32) return;
  warnedWeakSecret = true;
  console.warn(
    `setec-hosting/http: jwtSecret is ${bytes} bytes long; use at least 32 random bytes (HS256 wants a 256-bit key)`,
  );
}

const unauthorized = (): Response =>
  new Response(JSON.stringify({ error: 'Unauthorized' }), {
    status: 401,
    headers: { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer' },
  });

/** The middleware that answers 401 (with `WWW-Authenticate: Bearer`, no details) to unauthenticated requests. */
export function authMiddleware(auth: HostingAuth): MiddlewareHandler {
  if ('none' in auth && auth.none === true) return async (_c, next) => next();
  if ('authenticate' in auth) {
    return async (c, next) => ((await auth.authenticate(c.req.raw)) === true ? next() : unauthorized());
  }
  const secret = (auth as JwtAuth).jwtSecret;
  return async (c, next) => {
    // A token in the query string is never read: it ends up in logs and browser history.
    const header = c.req.header('Authorization');
    const token = header === undefined ? getCookie(c, 'token') : bearerToken(header);
    if (!token) return unauthorized();
    try {
      // hono checks `exp`/`nbf`/`iat` when present; a token that never expires is refused here.
      const payload = await verify(token, secret, 'HS256');
      if (typeof payload.exp !== 'number') return unauthorized();
    } catch {
      return unauthorized();
    }
    return next();
  };
}
