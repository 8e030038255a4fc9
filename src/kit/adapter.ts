/**
 * What every adapter's entry does the same way: check the token and create the client, turn a stored
 * {@link ProviderConfig} into the adapter's options, and give a provider an `inspect` label that shows
 * its origin and never its token.
 *
 * @internal
 * @module
 */
import { ValidationError } from '../core/errors.js';
import type { Provider } from '../core/provider.js';
import type { ProviderConfig } from '../core/provider-config.js';
import type { ProviderCreateOptions, ProviderDefinition } from '../core/registry.js';
import type { AdapterOptions } from '../core/adapter-options.js';
import { ApiClient, type ApiClientOptions } from './client.js';
import type { AdapterSpec } from './spec.js';

/**
 * Creates the client of one account after checking the token: visible ASCII only, since anything else
 * would end up echoed in a fetch error about the header.
 * @throws {ValidationError} when `apiKey` is empty or not visible ASCII (field `apiKey`), or `baseUrl` is not an
 *   http(s) URL (field `baseUrl`).
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
 * The registry definition of an adapter: `create(config)` uses `config.api_key` as the token (a leading
 * `Bearer ` is removed) and `config.extra.base_url`, when set, as the API origin.
 */
export function adapterDefinition(
  spec: Pick<ProviderDefinition, 'name' | 'displayName' | 'extraFields'>,
  createProvider: (options: AdapterOptions) => Provider,
): ProviderDefinition {
  return {
    ...spec,
    create(config: ProviderConfig, options?: ProviderCreateOptions): Provider {
      const apiKey = String(config?.api_key ?? '')
        .trim()
        .replace(/^bearer\s+/i, '');
      const baseUrl = config?.extra?.base_url;
      return createProvider({
        apiKey,
        ...(baseUrl ? { baseUrl } : {}),
        ...(options?.fetch ? { fetch: options.fetch } : {}),
      });
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
