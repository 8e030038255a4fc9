import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  isAuthenticationError,
  isErrNotSupported,
  isHostingError,
  isProviderAPIError,
  isRateLimitError,
  isValidationError,
  type HostingError,
} from '../core/errors.js';

/**
 * The `Retry-After` sent with a 429 when the provider did not say how long to wait.
 * @default 30
 */
export const DEFAULT_RETRY_AFTER_SECONDS = 30;

const INTERNAL = 'Internal server error';

/** The JSON body of every error answer: `{"error": "..."}`, plus `fields` for a validation error. */
export interface ErrorBody {
  error: string;
  fields?: Record<string, string[]>;
}

/** A validation message that names every field, so `{"error"}` alone tells the caller what to fix. */
function describeValidation(message: string, fields: Record<string, string[]>): string {
  const missing = Object.entries(fields).filter(([field]) => !message.includes(field));
  if (missing.length === 0) return message;
  const details = missing.map(([field, problems]) => `${field} ${problems.join(', ')}`).join('; ');
  return `${message}: ${details}`;
}

/**
 * The one place where an error becomes an HTTP answer. `HostingError`s answer with their own
 * `status` (400 validation, 404, 409, 429 with `Retry-After`, 500/502 provider failure, 501 not
 * supported), except a provider's refusal of its token (`AuthenticationError`), which answers 422, and
 * with their message, which the error classes already scrub of secrets. Anything else
 * (a bug, a `ConfigStoreError` naming a server path) is a bare 500 whose body says nothing about the internals.
 */
export function errorResponse(c: Context, error: unknown): Response {
  if (isPublicError(error)) return hostingErrorResponse(c, error);
  if (error instanceof HTTPException && error.status < 500) {
    return c.json({ error: error.message || 'Bad request' } satisfies ErrorBody, error.status);
  }
  return c.json({ error: INTERNAL } satisfies ErrorBody, 500);
}

/**
 * The status answered when a provider refuses the token it was given (the stored one, or the one a
 * `/test` body carries): 422, so a client can tell it from a 401, which always means that this API's own
 * credentials (the JWT or the cookie) are missing or wrong, and always carries `WWW-Authenticate: Bearer`.
 */
export const PROVIDER_AUTH_STATUS = 422;

function hostingErrorResponse(c: Context, error: HostingError): Response {
  const own = validStatus(error.status);
  const status = isAuthenticationError(error) ? PROVIDER_AUTH_STATUS : own;
  if (isValidationError(error)) {
    const body: ErrorBody = { error: describeValidation(error.message, error.fields) };
    if (Object.keys(error.fields).length > 0) body.fields = error.fields;
    return c.json(body, 400);
  }
  if (isRateLimitError(error)) {
    c.header('Retry-After', String(retryAfterSeconds(error.retryAfter)));
  }
  return c.json({ error: error.message } satisfies ErrorBody, status);
}

/** The longest wait a `Retry-After` header asks for: one day. */
const MAX_RETRY_AFTER_SECONDS = 86_400;

/** A whole number of seconds between 0 and one day, whatever the provider said (`Infinity`, `NaN`, `-1`). */
function retryAfterSeconds(retryAfter: number | undefined): number {
  if (retryAfter === undefined || Number.isNaN(retryAfter)) return DEFAULT_RETRY_AFTER_SECONDS;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil(retryAfter)));
}

type ErrorStatus = 400 | 401 | 404 | 409 | 413 | 422 | 429 | 500 | 501 | 502 | 503 | 504;

function validStatus(status: number): ErrorStatus {
  const known: readonly number[] = [400, 401, 404, 409, 413, 429, 500, 501, 502, 503, 504];
  return (known.includes(status) ? status : 500) as ErrorStatus;
}

/** A HostingError whose message is meant for the caller: bad input, or the provider's own failure. */
function isPublicError(error: unknown): error is HostingError {
  return isHostingError(error) && (error.status < 500 || isProviderAPIError(error) || isErrNotSupported(error));
}

/** True when the error is one the caller caused or the provider reported, not a failure of this server. */
export function isExpectedError(error: unknown): boolean {
  return isPublicError(error) || (error instanceof HTTPException && error.status < 500);
}
