/**
 * What every adapter's entry does the same way: check the token and create the client, turn a stored
 * {@link ProviderConfig} into the adapter's options, and give a provider an `inspect` label that shows
 * its origin and never its token.
 *
 * @module
 */
import { ValidationError } from '../core/errors.js';
import type { Provider } from '../core/provider.js';
import type { ProviderCredentials } from '../core/provider-config.js';
import type { ProviderCreateOptions, ProviderDefinition } from '../core/registry.js';
import type { AdapterOptions } from '../core/adapter-options.js';
import { ApiClient, type ApiClientOptions } from './client.js';
import type { AdapterSpec } from './spec.js';

/**
 * Creates the HTTP client of one account after checking the key: visible ASCII only, since anything else
 * would end up echoed in a fetch error about the header. Its `request({ method, path, json?, searchParams?,
 * schema?, idempotent?, signal? })` sends the key (`Authorization: Bearer`, or `spec.authHeader`) and
 * `User-Agent: setec-hosting/<version>`, retries a 429 always and a 5xx, timeout or network failure only
 * when the request is idempotent (GET and DELETE by default), honours `Retry-After` (or `spec.retryAfterMs`)
 * up to `retry.maxRetryAfter` seconds, and maps every failure to the SDK's errors, none of which holds the key.
 *
 * @throws {ValidationError} when `apiKey` is empty or not visible ASCII (field `apiKey`), or `baseUrl` is not an
 *   http(s) URL (field `baseUrl`).
 * @example
 * ```ts
 * import { createAdapterClient, domainPath } from 'setec-hosting/provider-kit';
 *
 * const client = createAdapterClient(spec, { apiKey: token, retry: { limit: 2 } });
 * const zone = await client.request({ method: 'GET', path: domainPath('v1/zones', 'example.com') });
 * await client.request({ method: 'PUT', path: 'v1/zones/example.com/records', json: { records: [] }, idempotent: true });
 * ```
 */
export function createAdapterClient(spec: AdapterSpec, options: ApiClientOptions): ApiClient {
  if (typeof options?.apiKey !== 'string' || !/^[\x21-\x7e]+$/.test(options.apiKey.trim())) {
    throw new ValidationError(`A ${spec.displayName} API token is required`, {
      fields: { apiKey: ['must be a non-empty string of visible ASCII characters'] },
      provider: spec.name,
    });
  }
  if (options.baseUrl !== undefined && !/^https?:\/\/[^/\s]/i.test(options.baseUrl)) {
    throw new ValidationError(`The ${spec.displayName} base URL must be an http(s) URL`, {
      fields: { baseUrl: ['must start with https:// (or http://) and a host'] },
      provider: spec.name,
    });
  }
  return new ApiClient(spec, { ...options, apiKey: options.apiKey.trim() });
}

/**
 * The registry definition of an adapter: `create(credentials)` uses `credentials.api_key` as the key (a leading
 * `Bearer ` is removed) and `credentials.extra.base_url`, when set, as the API origin; the REST API's
 * `fetch` is passed on. `createProvider` also receives the credentials, for settings of its own in `extra`.
 *
 * @example
 * ```ts
 * import { registerProvider } from 'setec-hosting';
 * import { adapterDefinition } from 'setec-hosting/provider-kit';
 *
 * export const pocketdns = adapterDefinition(
 *   { name: 'pocketdns', displayName: 'Pocket DNS', extraFields: [{ name: 'base_url', label: 'API base URL' }] },
 *   (options, credentials) => createPocketDnsProvider({ ...options, zoneGroup: credentials.extra?.group }),
 * );
 * registerProvider(pocketdns);
 * ```
 */
export function adapterDefinition(
  spec: Pick<ProviderDefinition, 'name' | 'displayName' | 'extraFields'>,
  createProvider: (options: AdapterOptions, credentials: ProviderCredentials) => Provider,
): ProviderDefinition<ProviderCredentials> {
  return {
    name: spec.name,
    displayName: spec.displayName,
    ...(spec.extraFields ? { extraFields: spec.extraFields } : {}),
    create(config: ProviderCredentials, options?: ProviderCreateOptions): Provider {
      const apiKey = String(config?.api_key ?? '')
        .trim()
        .replace(/^bearer\s+/i, '');
      const baseUrl = config?.extra?.base_url;
      return createProvider(
        {
          apiKey,
          ...(baseUrl ? { baseUrl } : {}),
          ...(options?.fetch ? { fetch: options.fetch } : {}),
        },
        config,
      );
    },
  };
}

/** Makes `util.inspect(provider)` print `<label> { baseUrl: '...' }` (the token stays in the client). */
export function withInspectLabel<P extends Provider>(provider: P, label: string, client: ApiClient): P {
  Object.defineProperty(provider, Symbol.for('nodejs.util.inspect.custom'), {
    value: () => `${label} { baseUrl: '${client.baseUrl}' }`,
    enumerable: false,
  });
  return provider;
}
