/**
 * The one place where a Hostinger HTTP answer becomes an SDK error. Nothing here keeps a request,
 * its headers or ky's options: only the status, the `Retry-After` value and the parsed body.
 *
 * @internal
 * @module
 */
import {
  AuthenticationError,
  ConflictError,
  type HostingError,
  NotFoundError,
  ProviderAPIError,
  RateLimitError,
  ValidationError,
} from '../core/errors.js';
import { parseRetryAfter } from './retry.js';

const PROVIDER = 'hostinger';

/** Hostinger's error body: `{message, errors?, correlation_id?}` (a Cloudflare page is plain text). */
interface ErrorBodyWire {
  message?: string;
  errors?: Record<string, string[]>;
  correlation_id?: string;
}

/** Reads an error body leniently: JSON when it is JSON, else the first line of text. */
function readErrorBody(text: string): ErrorBodyWire {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
    const v = value as Record<string, unknown>;
    const body: ErrorBodyWire = {};
    if (typeof v.message === 'string') body.message = v.message;
    else if (typeof v.error === 'string') body.message = v.error;
    if (typeof v.correlation_id === 'string') body.correlation_id = v.correlation_id;
    if (v.errors !== null && typeof v.errors === 'object' && !Array.isArray(v.errors)) {
      body.errors = Object.fromEntries(
        Object.entries(v.errors as Record<string, unknown>).map(([k, msgs]) => [
          k,
          (Array.isArray(msgs) ? msgs : [msgs]).map((m) => String(m)),
        ]),
      );
    }
    return body;
  } catch {
    const line = text.trim().split('\n', 1)[0] ?? '';
    // An HTML page says nothing useful in its first line.
    return line && !line.startsWith('<') ? { message: line.slice(0, 200) } : {};
  }
}

/** What the client knows about a failed answer. */
export interface FailedResponse {
  status: number;
  retryAfterHeader: string | null;
  bodyText: string;
  /** Requests sent for this call, retries included. */
  attempts: number;
  /** `retry.maxRetryAfter` in seconds, to explain why a long wait was not slept. */
  maxRetryAfter: number;
  /** `GET api/dns/v1/zones/example.com`, for the message. */
  operation: string;
}

/**
 * Maps a non-2xx Hostinger answer to its error class: 401/403 → AuthenticationError, 404 →
 * NotFoundError, 409 and `[DNS:4008]` → ConflictError, 400/422 → ValidationError with `fields`,
 * 429 → RateLimitError, anything else → ProviderAPIError with the upstream status and correlation id.
 */
export function errorFromResponse(failed: FailedResponse): HostingError {
  const { status, operation } = failed;
  const body = readErrorBody(failed.bodyText);
  const correlationId = body.correlation_id;
  const suffix = correlationId ? ` (correlation id ${correlationId})` : '';
  const detail = body.message ? `: ${body.message}` : '';

  if (status === 429) {
    const ms = parseRetryAfter(failed.retryAfterHeader);
    const retryAfter = ms === undefined ? undefined : Math.ceil(ms / 1000);
    const wait =
      retryAfter === undefined
        ? `gave up after ${failed.attempts} attempt(s)`
        : retryAfter > failed.maxRetryAfter
          ? `Hostinger asks to wait ${retryAfter} s, more than the ${failed.maxRetryAfter} s the client waits automatically`
          : `Hostinger asks to wait ${retryAfter} s; gave up after ${failed.attempts} attempt(s)`;
    return new RateLimitError(`Rate limited on ${operation}: ${wait}`, {
      provider: PROVIDER,
      retryAfter,
      attempts: failed.attempts,
    });
  }
  if (status === 401 || status === 403) {
    const blocked =
      status === 403 && /error code: 10\d\d/.test(failed.bodyText) ? ' (blocked by the Cloudflare firewall)' : '';
    return new AuthenticationError(
      `Hostinger rejected the API token on ${operation} (HTTP ${status})${blocked}${detail}`,
      {
        provider: PROVIDER,
      },
    );
  }
  if (status === 404) return new NotFoundError(`Not found on ${operation}${detail}${suffix}`, { provider: PROVIDER });
  if (status === 409 || /\[DNS:4008\]/.test(body.message ?? '')) {
    return new ConflictError(`Conflict on ${operation}${detail}${suffix}`, { provider: PROVIDER });
  }
  if (status === 400 || status === 422) {
    const fields = body.errors ?? {};
    const all = Object.entries(fields).flatMap(([field, msgs]) => msgs.map((m) => `${field}: ${m}`));
    const summary = all.length > 0 ? `: ${all.join('; ')}` : detail;
    return new ValidationError(`Hostinger rejected ${operation}${summary}${suffix}`, {
      provider: PROVIDER,
      fields,
      ...(correlationId ? { correlationId } : {}),
    });
  }
  return new ProviderAPIError(`Hostinger answered HTTP ${status} on ${operation}${detail}${suffix}`, {
    provider: PROVIDER,
    status: 502,
    upstreamStatus: status,
    ...(correlationId ? { correlationId } : {}),
  });
}
