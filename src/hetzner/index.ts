/**
 * The Hetzner Cloud adapter: {@link createHetznerProvider} speaks the Hetzner Cloud API
 * (`https://api.hetzner.cloud/v1`) and {@link hetzner} plugs it into a registry. Groups: `dns` (record
 * sets of primary zones), `vps` (servers), `sshKeys` and `billing` (server types and their prices per
 * location); there is no `domains` group, as the Cloud API registers no domains. Importing this entry has
 * no side effects; `setec-hosting/hetzner/register` registers it.
 *
 * @example
 * ```ts
 * import { createHetznerProvider } from 'setec-hosting/hetzner';
 *
 * const provider = createHetznerProvider({ apiKey: process.env.HCLOUD_TOKEN! });
 * console.log(await provider.dns.list('example.com'));
 * ```
 *
 * @module
 */
import * as z from 'zod/mini';
import type { CallOptions } from '../core/call-options.js';
import type { Provider } from '../core/provider.js';
import type { ProviderDefinition } from '../core/registry.js';
import { createBilling } from './billing.js';
import { HetznerClient } from './client.js';
import { createDns } from './dns.js';
import { adapterDefinition, withInspectLabel } from './kit.js';
import type { HetznerProviderOptions } from './options.js';
import { createSshKeys } from './ssh-keys.js';
import { createVps } from './vps.js';

export type { HetznerActionOptions, HetznerProviderOptions, HetznerRetryOptions } from './options.js';
export type { AdapterOptions, AdapterRetryOptions, SharedCooldownStore } from '../core/adapter-options.js';
export { createHetznerDns } from './dns-only.js';

/** A Hetzner {@link Provider}: `dns`, `vps`, `sshKeys` and `billing`; no `domains`. */
export type HetznerProvider = Provider &
  Required<Pick<Provider, 'dns' | 'vps' | 'sshKeys' | 'billing'>> & { domains?: undefined };

const Probe = z.looseObject({ locations: z.optional(z.unknown()) });

/**
 * Creates a provider for one Hetzner Cloud project (a token belongs to one project). Pure: nothing is
 * sent until a method is called.
 *
 * What the models hold: record ids are the SDK's `name/type/priority` ids (Hetzner addresses whole record
 * sets by name and type); MX and SRV priorities come out of the value into `priority`, TXT is unquoted;
 * the SOA, which Hetzner manages, is left out. A VM's `id` is the server id, `plan` its server type
 * (`cpx22`; `billing.getCatalog()` lists `cpx22@fsn1`, which `vps.create` takes too), `region` and
 * `data_center_id` a location name (`fsn1`), `template` an image name resolved for the server type's
 * architecture (`ubuntu-24.04`), and `status` `creating`, `starting`, `running`, `stopping` or `stopped`;
 * the root password is set through cloud-init `user_data`, which carries only its SHA-512 crypt hash
 * (`$6$...`). `vps.stop` asks for a graceful `shutdown`, `vps.restart` for a `reboot`. Hetzner answers most writes with an action that runs for a
 * while: every method that writes resolves once its actions have succeeded (polled with a growing pause,
 * see `actions`), and a failed action is a `ProviderAPIError` naming the action and its error code.
 *
 * @throws {ValidationError} when `apiKey` is empty.
 * @example
 * ```ts
 * const hetzner = createHetznerProvider({ apiKey: token, retry: { limit: 2 } });
 * await hetzner.testConnection();
 * await hetzner.dns.create('example.com', { type: 'A', name: 'www', content: '203.0.113.10' });
 * ```
 */
export function createHetznerProvider(options: HetznerProviderOptions): HetznerProvider {
  const client = new HetznerClient(options);
  const provider: HetznerProvider = {
    name: 'hetzner',
    displayName: 'Hetzner',
    async testConnection(callOptions?: CallOptions): Promise<void> {
      // The smallest authenticated answer; a read-only token passes.
      await client.request({
        method: 'GET',
        path: 'locations',
        searchParams: { per_page: 1 },
        schema: Probe,
        signal: callOptions?.signal,
      });
    },
    dns: createDns(client),
    vps: createVps(client),
    sshKeys: createSshKeys(client),
    billing: createBilling(client),
  };
  return withInspectLabel(provider, 'HetznerProvider', client.api);
}

/**
 * The `hetzner` provider definition: `create(config)` uses `config.api_key` as the token (a leading
 * `Bearer ` is removed) and `config.extra.base_url`, when set, as the API origin.
 *
 * @throws {ValidationError} from `create` when `api_key` is empty.
 * @example
 * ```ts
 * import { registerProvider, createProvider } from 'setec-hosting';
 * import { hetzner } from 'setec-hosting/hetzner';
 *
 * registerProvider(hetzner);
 * const provider = createProvider('hetzner', { provider: 'hetzner', api_key: token, api_secret: '', extra: {}, connected: false });
 * ```
 */
export const hetzner: ProviderDefinition = /* @__PURE__ */ adapterDefinition(
  {
    name: 'hetzner',
    displayName: 'Hetzner',
    extraFields: [{ name: 'base_url', label: 'API base URL (optional)', placeholder: 'https://api.hetzner.cloud/v1' }],
  },
  createHetznerProvider,
);
