/**
 * What an adapter tells the kit about its provider: names, default origin, how its error bodies read
 * and which headers say how long to wait after a 429.
 *
 * @module
 */
import { readRetryAfter } from './retry-after.js';

/** An error body as the kit needs it; every field optional. */
export interface ErrorBody {
  /** One line for the error message (the provider's own words). */
  message?: string;
  /** Per-field messages of a 400/422, e.g. `{ 'records.0.content': ['is invalid'] }`. */
  fields?: Record<string, string[]>;
  /** The provider's request id, for support. */
  correlationId?: string;
  /** The body says "conflict" although the status does not (some APIs answer 422 for a conflict). */
  conflict?: boolean;
  /** Added to an authentication error's message, e.g. `' (blocked by the Cloudflare firewall)'`. */
  authHint?: string;
}

/**
 * The provider-specific parts of an HTTP adapter: everything {@link createAdapterClient} needs to send
 * requests, retry them and turn failures into the SDK's errors the way the built-in adapters do.
 *
 * @example
 * ```ts
 * import { createAdapterClient, type AdapterSpec } from 'setec-hosting/provider-kit';
 *
 * const spec: AdapterSpec = {
 *   name: 'pocketdns',
 *   displayName: 'Pocket DNS',
 *   defaultBaseUrl: 'https://api.pocketdns.example',
 *   authHeader: 'X-API-Key', // leave out for `Authorization: Bearer <key>`
 *   readErrorBody(text) {
 *     try {
 *       const body = JSON.parse(text) as { error?: string; request_id?: string };
 *       return { message: body.error, correlationId: body.request_id };
 *     } catch {
 *       return { message: text.split('\n')[0] };
 *     }
 *   },
 * };
 * const client = createAdapterClient(spec, { apiKey: process.env.POCKETDNS_KEY! });
 * ```
 */
export interface AdapterSpec {
  /** Registry name, e.g. `'hostinger'`: the `provider` of every error. */
  name: string;
  /** Name in messages, e.g. `'Hostinger'`. */
  displayName: string;
  /** API origin used when the options give none. */
  defaultBaseUrl: string;
  /** Reads an error answer's body (JSON or not); must never throw. */
  readErrorBody(text: string, status: number): ErrorBody;
  /**
   * The wait (ms) a 429 or 5xx answer asks for, from its headers; `undefined` when it names none.
   * @default reads `Retry-After` (delta seconds or an HTTP date)
   */
  retryAfterMs?(headers: Headers, now: number): number | undefined;
  /**
   * The header that carries the key as it is, for APIs that do not take a Bearer token (PowerDNS reads
   * `X-API-Key`). The key still never reaches an error, a log or `util.inspect`.
   * @default undefined (the key goes as `Authorization: Bearer <key>`)
   */
  authHeader?: string;
}

/** The wait an answer asks for, through the adapter's hook or `Retry-After`. */
export function requestedWait(spec: AdapterSpec, headers: Headers, now: number = Date.now()): number | undefined {
  return spec.retryAfterMs ? spec.retryAfterMs(headers, now) : readRetryAfter(headers.get('retry-after'), now);
}
