/**
 * The PowerDNS adapter: {@link createPowerDnsProvider} speaks the HTTP API of a self-hosted PowerDNS
 * Authoritative server (4.7 and later) and {@link powerdns} plugs it into a registry. Group: `dns` only (the
 * server's zones and their record sets). Importing this entry has no side effects;
 * `setec-hosting/powerdns/register` registers it.
 *
 * @example
 * ```ts
 * import { createPowerDnsProvider } from 'setec-hosting/powerdns';
 *
 * const provider = createPowerDnsProvider({ apiKey: process.env.PDNS_API_KEY!, baseUrl: 'http://127.0.0.1:8081' });
 * console.log(await provider.dns.list('example.org'));
 * ```
 *
 * @module
 */
import {
  ValidationError,
  type CallOptions,
  type Provider,
  type ProviderCredentials,
  type ProviderDefinition,
} from '../index.js';
import {
  adapterDefinition,
  createAdapterClient,
  type AdapterOptions,
  type AdapterSpec,
  type KitDnsCapability,
} from '../provider-kit/index.js';
import { AnyBody, createPowerDnsDns } from './dns.js';

/** Options of {@link createPowerDnsProvider}. */
export interface PowerDnsProviderOptions extends Omit<AdapterOptions, 'apiKey' | 'baseUrl' | 'sharedCooldown'> {
  /** The server's `api-key`. Sent only in the `X-API-Key` header, never in an error or a log. */
  apiKey: string;
  /** The server's webserver origin, e.g. `http://127.0.0.1:8081` (no default: PowerDNS is self-hosted). */
  baseUrl: string;
  /** @default 'localhost' (the only id PowerDNS 4.x serves) */
  serverId?: string;
}

/** A PowerDNS {@link Provider}: `dns` only, with `writeSets` (one atomic PATCH). */
export type PowerDnsProvider = Provider & { dns: KitDnsCapability };

const SPEC: AdapterSpec = {
  name: 'powerdns',
  displayName: 'PowerDNS',
  defaultBaseUrl: '',
  authHeader: 'X-API-Key',
  // `{"error": "..."}`, or plain text for a body over the server's size limit. A CNAME beside other records is
  // a 422 whose message says "Conflicts with": a conflict with the zone's state.
  readErrorBody(text) {
    let message = text.trim().split('\n', 1)[0]?.slice(0, 300);
    try {
      message = String((JSON.parse(text) as { error?: unknown }).error ?? message);
    } catch {
      // plain text
    }
    return { message, conflict: /conflicts with/i.test(message ?? '') };
  },
};

/**
 * Creates a provider for one PowerDNS server. Pure: nothing is sent until a method is called.
 *
 * Zones are the server's zones (`dns.*` never creates one: an unknown zone is a `NotFoundError`). Every write
 * is one PATCH of the changed record sets, which PowerDNS applies atomically: a refused change leaves the zone
 * as it was. Listings leave out the SOA, disabled records and types the SDK does not model; a record set has
 * one TTL. A write that would erase a disabled record (replacing or deleting its set) is a `ConflictError`;
 * `reset` deletes every set but the apex SOA and NS, the unlisted ones included. Writes from one provider are sent one at a time (the gsqlite3 backend refuses concurrent writes).
 *
 * @throws {ValidationError} when `apiKey` is empty or `baseUrl` is not an http(s) URL.
 * @example
 * ```ts
 * const pdns = createPowerDnsProvider({ apiKey: key, baseUrl: 'http://10.0.0.53:8081' });
 * await pdns.testConnection();
 * await pdns.dns.create('example.org', { type: 'TXT', name: '_acme-challenge', content: token, ttl: 60 });
 * ```
 */
export function createPowerDnsProvider(options: PowerDnsProviderOptions): PowerDnsProvider {
  const baseUrl = String(options?.baseUrl ?? '').replace(/\/+$|\/api\/v1\/?$/g, '');
  if (!/^https?:\/\/[^/\s]/i.test(baseUrl)) {
    const fields = { baseUrl: ['must be an http(s) URL: the webserver of PowerDNS, e.g. http://127.0.0.1:8081'] };
    throw new ValidationError('The PowerDNS base URL is required', { fields, provider: SPEC.name });
  }
  const client = createAdapterClient(SPEC, { ...options, baseUrl });
  const server = `api/v1/servers/${encodeURIComponent(options.serverId ?? 'localhost')}`;
  const provider: PowerDnsProvider = {
    name: SPEC.name,
    displayName: SPEC.displayName,
    async testConnection(callOptions?: CallOptions): Promise<void> {
      await client.request({ method: 'GET', path: server, schema: AnyBody, signal: callOptions?.signal });
    },
    dns: createPowerDnsDns(client, server),
  };
  Object.defineProperty(provider, Symbol.for('nodejs.util.inspect.custom'), {
    value: () => `PowerDnsProvider { baseUrl: '${baseUrl}' }`,
  });
  return provider;
}

/**
 * The `powerdns` provider definition: `create(config)` uses `config.api_key` as the key,
 * `config.extra.base_url` as the server's origin (required) and `config.extra.server_id` (default `localhost`).
 *
 * @throws {ValidationError} from `create` when `api_key` is empty or `extra.base_url` is missing.
 * @example
 * ```ts
 * import { registerProvider, createProvider } from 'setec-hosting';
 * import { powerdns } from 'setec-hosting/powerdns';
 *
 * registerProvider(powerdns);
 * const provider = createProvider('powerdns', { api_key: key, extra: { base_url: 'http://127.0.0.1:8081' } });
 * ```
 */
export const powerdns: ProviderDefinition<ProviderCredentials> = /* @__PURE__ */ adapterDefinition(
  {
    name: SPEC.name,
    displayName: SPEC.displayName,
    extraFields: [
      { name: 'base_url', label: 'API base URL', placeholder: 'http://127.0.0.1:8081' },
      { name: 'server_id', label: 'Server id (optional)', placeholder: 'localhost' },
    ],
  },
  (options, credentials) => {
    const serverId = credentials.extra?.server_id;
    return createPowerDnsProvider({ ...options, baseUrl: options.baseUrl ?? '', ...(serverId ? { serverId } : {}) });
  },
);
