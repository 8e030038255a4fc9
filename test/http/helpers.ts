import { sign } from 'hono/jwt';
import type { ConfigStore, ProviderConfig } from '../../src/config/config-store.js';
import { MemoryConfigStore } from '../../src/config/memory-store.js';
import type { DnsCapability } from '../../src/core/dns.js';
import type { Provider } from '../../src/core/provider.js';
import { ProviderRegistry } from '../../src/core/registry.js';
import { createHostingHandler, type HostingHandlerOptions } from '../../src/http/index.js';

export const SECRET = 'unit-test-jwt-secret-0123456789abcdef';
/** A token that must never appear in any response body. */
export const CANARY = 'canary-api-key-7f3b9c1e';

export const BASE = 'http://localhost/api/hosting';

/** Signs an HS256 JWT valid for an hour (or with the given claims). */
export function token(claims: Record<string, unknown> = {}, secret = SECRET): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return sign({ sub: 'tester', iat: now, exp: now + 3600, ...claims }, secret, 'HS256');
}

/** Every provider method call, in order: `['dns.create', 'example.com', {...}]`. */
export type Call = [string, ...unknown[]];

/** A DNS-only provider: the kind a plugin author writes first. */
export function dnsOnlyProvider(calls: Call[], config: ProviderConfig): Provider {
  const dns: DnsCapability = {
    list: async (domain) => {
      calls.push(['dns.list', domain]);
      return [{ id: '@/A/0', type: 'A', name: '@', content: '93.184.216.34', ttl: 14400, priority: 0 }];
    },
    create: async (domain, record) => void calls.push(['dns.create', domain, record]),
    update: async (domain, records, options) => void calls.push(['dns.update', domain, records, options?.overwrite]),
    delete: async (domain, name, type, options) =>
      void calls.push(['dns.delete', domain, name, type, options?.content]),
    reset: async (domain) => void calls.push(['dns.reset', domain]),
  };
  return {
    name: config.provider,
    displayName: 'Tiny DNS',
    testConnection: async () => {
      calls.push(['testConnection', config.api_key]);
      if (config.api_key === 'bad-key') {
        const { AuthenticationError } = await import('../../src/core/errors.js');
        throw new AuthenticationError('The API token was rejected', { provider: config.provider });
      }
    },
    dns,
  };
}

/** A counting wrapper, so tests can assert that a refused request made zero store (file system) calls. */
export class CountingStore implements ConfigStore {
  calls = 0;
  constructor(readonly inner: ConfigStore = new MemoryConfigStore()) {}
  get(provider: string) {
    this.calls++;
    return this.inner.get(provider);
  }
  save(config: ProviderConfig) {
    this.calls++;
    return this.inner.save(config);
  }
  delete(provider: string) {
    this.calls++;
    return this.inner.delete(provider);
  }
  list() {
    this.calls++;
    return this.inner.list();
  }
}

export interface Harness {
  handler: (request: Request) => Promise<Response>;
  store: CountingStore;
  registry: ProviderRegistry;
  calls: Call[];
  /** Sends an authenticated request; `body` objects are JSON-encoded. */
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** A handler with JWT auth, a `tinydns` provider registered (DNS only) and whatever `providers` add. */
export async function harness(
  options: Partial<HostingHandlerOptions> & {
    providers?: ((calls: Call[]) => Parameters<ProviderRegistry['registerProvider']>[0])[];
  } = {},
): Promise<Harness> {
  const calls: Call[] = [];
  const registry = options.registry ?? new ProviderRegistry();
  registry.registerProvider({
    name: 'tinydns',
    displayName: 'Tiny DNS',
    create: (config) => dnsOnlyProvider(calls, config),
  });
  for (const make of options.providers ?? []) registry.registerProvider(make(calls));
  const store = new CountingStore();
  const handler = createHostingHandler({ auth: { jwtSecret: SECRET }, ...options, store, registry });
  const jwt = await token();
  return {
    handler,
    store,
    registry,
    calls,
    send: (method, path, body, headers = {}) =>
      handler(
        new Request(`${BASE}${path}`, {
          method,
          headers: {
            Authorization: `Bearer ${jwt}`,
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...headers,
          },
          body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        }),
      ),
  };
}

/** Stores a config for `provider` directly (bypassing the API). */
export function configure(
  h: Harness,
  provider: string,
  extra: Record<string, string> = {},
  apiKey = CANARY,
): Promise<void> {
  return h.store.inner.save({ provider, api_key: apiKey, api_secret: '', extra, connected: false });
}
