/**
 * What the adapter kit needs to know about Hostinger: its names, its origin and how its error
 * bodies read (`{message, errors?, correlation_id?}`, or a Cloudflare page in plain text).
 *
 * @internal
 * @module
 */
// Straight from the kit's files, not its index: DNS-only bundles must not load the kit's zod helpers.
import { createAdapterClient } from '../kit/adapter.js';
import type { ApiClient, ApiClientOptions } from '../kit/client.js';
import { firstLine } from '../kit/http-errors.js';
import type { AdapterSpec, ErrorBody } from '../kit/spec.js';
import { DEFAULT_BASE_URL } from './paths.js';

/** The client every Hostinger capability sends its requests through. */
export type HostingerClient = ApiClient;

/** Reads a Hostinger error body leniently: JSON when it is JSON, else the first line of text. */
export function readHostingerErrorBody(text: string, status: number): ErrorBody {
  const body: ErrorBody = {};
  // A 403 with a Cloudflare error code never reached the API.
  if (status === 403 && /error code: 10\d\d/.test(text)) body.authHint = ' (blocked by the Cloudflare firewall)';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const line = firstLine(text);
    if (line) body.message = line;
    return body;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return body;
  const v = value as Record<string, unknown>;
  if (typeof v.message === 'string') body.message = v.message;
  else if (typeof v.error === 'string') body.message = v.error;
  if (typeof v.correlation_id === 'string') body.correlationId = v.correlation_id;
  if (v.errors !== null && typeof v.errors === 'object' && !Array.isArray(v.errors)) {
    body.fields = Object.fromEntries(
      Object.entries(v.errors as Record<string, unknown>).map(([k, msgs]) => [
        k,
        (Array.isArray(msgs) ? msgs : [msgs]).map((m) => String(m)),
      ]),
    );
  }
  // Hostinger answers a duplicate record with 422 and this code.
  if (/\[DNS:4008\]/.test(body.message ?? '')) body.conflict = true;
  return body;
}

/** Hostinger as the adapter kit sees it. */
export const HOSTINGER_SPEC: AdapterSpec = {
  name: 'hostinger',
  displayName: 'Hostinger',
  defaultBaseUrl: DEFAULT_BASE_URL,
  readErrorBody: readHostingerErrorBody,
};

/**
 * Creates the client of one Hostinger account.
 * @throws {ValidationError} when `apiKey` is empty or not visible ASCII.
 */
export function createHostingerClient(options: ApiClientOptions): HostingerClient {
  return createAdapterClient(HOSTINGER_SPEC, options);
}
