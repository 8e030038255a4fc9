/**
 * The DigitalOcean adapter: {@link createDigitalOceanProvider} speaks DigitalOcean's public API v2
 * (`https://api.digitalocean.com`) and {@link digitalocean} plugs it into a registry. Groups: `dns`
 * (domains and their records), `vps` (droplets), `sshKeys` and `billing` (the catalog of sizes); there is
 * no `domains` group, as DigitalOcean registers no domains. Importing this entry has no side effects;
 * `setec-hosting/digitalocean/register` registers it.
 *
 * @example
 * ```ts
 * import { createDigitalOceanProvider } from 'setec-hosting/digitalocean';
 *
 * const provider = createDigitalOceanProvider({ apiKey: process.env.DIGITALOCEAN_TOKEN! });
 * console.log(await provider.dns.list('example.com'));
 * ```
 *
 * @module
 */
import * as z from 'zod/mini';
import type { CallOptions } from '../core/call-options.js';
import type { Provider } from '../core/provider.js';
import type { ProviderDefinition } from '../core/registry.js';
import type { ProviderCredentials } from '../core/provider-config.js';
import { adapterDefinition, withInspectLabel } from '../kit/adapter.js';
import { createBilling } from './billing.js';
import { createDigitalOceanClient } from './client.js';
import { createDns } from './dns.js';
import type { DigitalOceanProviderOptions } from './options.js';
import { createSshKeys } from './ssh-keys.js';
import { createVps } from './vps.js';

export type { DigitalOceanProviderOptions, DigitalOceanRetryOptions } from './options.js';
export type { AdapterOptions, AdapterRetryOptions } from '../core/adapter-options.js';
export { DIGITALOCEAN_NAME_SERVERS } from './dns.js';

/** A DigitalOcean {@link Provider}: `dns`, `vps`, `sshKeys` and `billing`; no `domains`. */
export type DigitalOceanProvider = Provider &
  Required<Pick<Provider, 'dns' | 'vps' | 'sshKeys' | 'billing'>> & { domains?: undefined };

/** `{account}`: any object will do (the account itself is not read). */
const AccountProbe = z.looseObject({});

/**
 * Creates a provider for one DigitalOcean account or team. Pure: nothing is sent until a method is called.
 *
 * What the models hold: record ids are the SDK's `name/type/priority` ids (DigitalOcean's integer record
 * ids stay inside); SRV `content` is `weight port target` and CAA `content` is `flags tag value`; the SOA,
 * which DigitalOcean lists as a record, is left out. A VM's `id` is the droplet id, `plan` its size slug,
 * `region` its region slug and `status` one of `creating`, `running`, `stopped`, `archived`. `vps.create`
 * resolves with the droplet as DigitalOcean accepted it: `status: 'creating'` and no `ipv4`/`ipv6` yet
 * (call `vps.get(id)` later for the addresses); the root password is set through cloud-init `user_data`,
 * which carries only its SHA-512 crypt hash (`$6$...`), never the password itself.
 * `vps.stop` asks for a graceful `shutdown`, `vps.restart` for a `reboot`.
 *
 * @throws {ValidationError} when `apiKey` is empty.
 * @example
 * ```ts
 * const digitalocean = createDigitalOceanProvider({ apiKey: token, retry: { limit: 2 } });
 * await digitalocean.testConnection();
 * await digitalocean.dns.create('example.com', { type: 'A', name: 'www', content: '203.0.113.10' });
 * ```
 */
export function createDigitalOceanProvider(options: DigitalOceanProviderOptions): DigitalOceanProvider {
  const client = createDigitalOceanClient(options);
  const provider: DigitalOceanProvider = {
    name: 'digitalocean',
    displayName: 'DigitalOcean',
    async testConnection(callOptions?: CallOptions): Promise<void> {
      // The cheapest authenticated call DigitalOcean has.
      await client.request({ method: 'GET', path: 'v2/account', schema: AccountProbe, signal: callOptions?.signal });
    },
    dns: createDns(client),
    vps: createVps(client),
    sshKeys: createSshKeys(client),
    billing: createBilling(client),
  };
  return withInspectLabel(provider, 'DigitalOceanProvider', client);
}

/**
 * The `digitalocean` provider definition: `create(config)` uses `config.api_key` as the token (a leading
 * `Bearer ` is removed) and `config.extra.base_url`, when set, as the API origin.
 *
 * @throws {ValidationError} from `create` when `api_key` is empty.
 * @example
 * ```ts
 * import { registerProvider, createProvider } from 'setec-hosting';
 * import { digitalocean } from 'setec-hosting/digitalocean';
 *
 * registerProvider(digitalocean);
 * const provider = createProvider('digitalocean', { api_key: token });
 * ```
 */
export const digitalocean: ProviderDefinition<ProviderCredentials> = /* @__PURE__ */ adapterDefinition(
  {
    name: 'digitalocean',
    displayName: 'DigitalOcean',
    extraFields: [{ name: 'base_url', label: 'API base URL (optional)', placeholder: 'https://api.digitalocean.com' }],
  },
  createDigitalOceanProvider,
);
