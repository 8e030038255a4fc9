/**
 * The Hostinger adapter: {@link createHostingerProvider} speaks Hostinger's public API
 * (`https://developers.hostinger.com`) and {@link hostinger} plugs it into a registry.
 * Importing this entry has no side effects; `setec-hosting/hostinger/register` registers it.
 *
 * @example
 * ```ts
 * import { createHostingerProvider } from 'setec-hosting/hostinger';
 *
 * const provider = createHostingerProvider({ apiKey: process.env.HOSTINGER_API_TOKEN! });
 * console.log(await provider.dns.list('example.com'));
 * ```
 *
 * @module
 */
import type { CallOptions } from '../core/call-options.js';
import type { Provider } from '../core/provider.js';
import type { ProviderDefinition } from '../core/registry.js';
import type { ProviderCredentials } from '../core/provider-config.js';
import { adapterDefinition, withInspectLabel } from '../kit/adapter.js';
import { createBilling } from './billing.js';
import { createHostingerClient } from './client.js';
import { createDns } from './dns.js';
import { createDomains } from './domains.js';
import { apiPath } from './paths.js';
import type { HostingerProviderOptions } from './options.js';
import { createSshKeys } from './ssh-keys.js';
import { createVps } from './vps.js';
import { listWire } from '../kit/wire.js';
import * as z from 'zod/mini';

export type { HostingerProviderOptions, HostingerRetryOptions } from './options.js';
export type { AdapterOptions, AdapterRetryOptions, SharedCooldownStore } from '../core/adapter-options.js';
export { buildZoneUrl } from './paths.js';
export {
  createHostingerDns,
  createHostingerDomains,
  createHostingerVps,
  createHostingerSshKeys,
  createHostingerBilling,
} from './capabilities.js';

/** A Hostinger {@link Provider}: every capability group is present. */
export type HostingerProvider = Provider & Required<Pick<Provider, 'dns' | 'domains' | 'vps' | 'sshKeys' | 'billing'>>;

/**
 * Creates a provider for one Hostinger account. Pure: nothing is sent until a method is called.
 *
 * @throws {ValidationError} when `apiKey` is empty.
 * @example
 * ```ts
 * const hostinger = createHostingerProvider({ apiKey: token, retry: { limit: 2 } });
 * await hostinger.testConnection();
 * await hostinger.dns.create('example.com', { type: 'A', name: 'www', content: '203.0.113.10' });
 * ```
 */
export function createHostingerProvider(options: HostingerProviderOptions): HostingerProvider {
  const client = createHostingerClient(options);
  const provider: HostingerProvider = {
    name: 'hostinger',
    displayName: 'Hostinger',
    async testConnection(callOptions?: CallOptions): Promise<void> {
      // The data-center list is small, needs no parameters and requires a valid token.
      await client.request({
        method: 'GET',
        path: apiPath('api/vps/v1/data-centers'),
        // Built here, not at module level, so that code importing only a capability factory bundles no zod.
        schema: listWire(z.unknown()),
        signal: callOptions?.signal,
      });
    },
    dns: createDns(client),
    domains: createDomains(client),
    vps: createVps(client),
    sshKeys: createSshKeys(client),
    billing: createBilling(client),
  };
  return withInspectLabel(provider, 'HostingerProvider', client);
}

/**
 * The `hostinger` provider definition: `create(config)` uses `config.api_key` as the token (a
 * leading `Bearer ` is removed) and `config.extra.base_url`, when set, as the API origin.
 *
 * @throws {ValidationError} from `create` when `api_key` is empty.
 * @example
 * ```ts
 * import { registerProvider, createProvider } from 'setec-hosting';
 * import { hostinger } from 'setec-hosting/hostinger';
 *
 * registerProvider(hostinger);
 * const provider = createProvider('hostinger', { api_key: token });
 * ```
 */
export const hostinger: ProviderDefinition<ProviderCredentials> = /* @__PURE__ */ adapterDefinition(
  {
    name: 'hostinger',
    displayName: 'Hostinger',
    extraFields: [
      { name: 'base_url', label: 'API base URL (optional)', placeholder: 'https://developers.hostinger.com' },
    ],
  },
  createHostingerProvider,
);
