/**
 * The one place where an adapter's HTTP answer becomes an SDK error. Nothing here keeps a request,
 * its headers or ky's options: only the status, the wait asked for and the body as the adapter reads it.
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
import type { AdapterSpec, ErrorBody } from './spec.js';

/** What the client knows about a failed answer. */
export interface FailedResponse {
  status: number;
  /** The wait (ms) the answer asks for, from its headers. */
  retryAfterMs: number | undefined;
  bodyText: string;
  /** Requests sent for this call, retries included. */
  attempts: number;
  /** `retry.maxRetryAfter` in seconds, to explain why a long wait was not slept. */
  maxRetryAfter: number;
  /** `GET api/dns/v1/zones/example.com`, for the message. */
  operation: string;
}

/**
 * The first line of a non-JSON body (at most 200 characters), or nothing for an HTML page, whose
 * first line says nothing useful.
 */
export function firstLine(text: string): string | undefined {
  const line = text.trim().split('\n', 1)[0] ?? '';
  return line && !line.startsWith('<') ? line.slice(0, 200) : undefined;
}

/** The body with `scrub` applied to every text that came from upstream (a decoded JSON string may hide an escaped token). */
function scrubBody(body: ErrorBody, scrub: (text: string) => string): ErrorBody {
  const clean: ErrorBody = { ...body };
  if (body.message !== undefined) clean.message = scrub(body.message);
  if (body.correlationId !== undefined) clean.correlationId = scrub(body.correlationId);
  if (body.fields !== undefined) {
    clean.fields = Object.fromEntries(
      Object.entries(body.fields).map(([key, messages]) => [scrub(key), messages.map((m) => scrub(m))]),
    );
  }
  return clean;
}

/**
 * Maps a non-2xx answer to its error class: 401/403 → AuthenticationError, 404 → NotFoundError,
 * 409 (or a body the adapter reads as a conflict) → ConflictError, 400/422 → ValidationError with
 * `fields`, 429 → RateLimitError, anything else → ProviderAPIError with the upstream status and
 * correlation id. `scrub` removes the client's token from every upstream text.
 */
export function errorFromResponse(
  spec: AdapterSpec,
  failed: FailedResponse,
  scrub: (text: string) => string = (text) => text,
): HostingError {
  const { status, operation } = failed;
  const provider = spec.name;
  const who = spec.displayName;
  const body = scrubBody(spec.readErrorBody(scrub(failed.bodyText), status), scrub);
  const correlationId = body.correlationId;
  const suffix = correlationId ? ` (correlation id ${correlationId})` : '';
  const detail = body.message ? `: ${body.message}` : '';

  if (status === 429) {
    const ms = failed.retryAfterMs;
    const retryAfter = ms === undefined ? undefined : Math.ceil(ms / 1000);
    const wait =
      retryAfter === undefined
        ? `gave up after ${failed.attempts} attempt(s)`
        : retryAfter > failed.maxRetryAfter
          ? `${who} asks to wait ${retryAfter} s, more than the ${failed.maxRetryAfter} s the client waits automatically`
          : `${who} asks to wait ${retryAfter} s; gave up after ${failed.attempts} attempt(s)`;
    return new RateLimitError(`Rate limited on ${operation}: ${wait}`, {
      provider,
      retryAfter,
      attempts: failed.attempts,
    });
  }
  if (status === 401 || status === 403) {
    const hint = body.authHint ?? '';
    return new AuthenticationError(`${who} rejected the API token on ${operation} (HTTP ${status})${hint}${detail}`, {
      provider,
    });
  }
  if (status === 404) return new NotFoundError(`Not found on ${operation}${detail}${suffix}`, { provider });
  if (status === 409 || body.conflict) {
    return new ConflictError(`Conflict on ${operation}${detail}${suffix}`, { provider });
  }
  if (status === 400 || status === 422) {
    const fields = body.fields ?? {};
    const all = Object.entries(fields).flatMap(([field, msgs]) => msgs.map((m) => `${field}: ${m}`));
    const summary = all.length > 0 ? `: ${all.join('; ')}` : detail;
    return new ValidationError(`${who} rejected ${operation}${summary}${suffix}`, {
      provider,
      fields,
      ...(correlationId ? { correlationId } : {}),
    });
  }
  return new ProviderAPIError(`${who} answered HTTP ${status} on ${operation}${detail}${suffix}`, {
    provider,
    status: 502,
    upstreamStatus: status,
    ...(correlationId ? { correlationId } : {}),
  });
}
