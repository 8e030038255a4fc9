/**
 * The one door from the PowerDNS adapter to the HTTP adapter kit: the client that retries and maps errors
 * as every adapter does, with the key sent in the header the spec names (`X-API-Key`) instead of
 * `Authorization: Bearer`.
 *
 * @internal
 * @module
 */
import type { AdapterOptions } from '../core/adapter-options.js';
import { createAdapterClient as createClient } from '../kit/adapter.js';
import type { ApiClient } from '../kit/client.js';
import type { AdapterSpec as KitSpec } from '../kit/spec.js';

export { formatTxt, parseTxt } from '../core/validation/index.js';
export type { AdapterOptions };

/** The provider-specific parts of an HTTP adapter, with the header that carries the key. */
export interface AdapterSpec extends KitSpec {
  /** A header that carries the key as it is (e.g. `X-API-Key`). @default `Authorization: Bearer <key>` */
  authHeader?: string;
}

/** What a request answers with, and how it is checked (a Standard Schema v1). */
export type AdapterClient = Pick<ApiClient, 'request' | 'baseUrl'>;

/**
 * A client for one account. With `spec.authHeader`, the key leaves the client in that header only: the
 * `Authorization` header the kit would add is moved there just before the request goes out.
 */
export function createAdapterClient(spec: AdapterSpec, options: AdapterOptions): AdapterClient {
  const header = spec.authHeader;
  if (!header) return createClient(spec, options);
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const fetch: typeof globalThis.fetch = (input, init) => {
    const request = new Request(input, init);
    const auth = request.headers.get('authorization');
    request.headers.delete('authorization');
    if (auth?.startsWith('Bearer ')) request.headers.set(header, auth.slice('Bearer '.length));
    return send(request);
  };
  return createClient(spec, { ...options, fetch });
}
