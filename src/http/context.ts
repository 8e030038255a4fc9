import type { Context, Hono } from 'hono';
import type { ConfigStore, ProviderConfig } from '../config/config-store.js';
import { ValidationError } from '../core/errors.js';
import { requireCapability, type CapabilityName, type Provider } from '../core/provider.js';
import type { ProviderRegistry } from '../core/registry.js';
import { assertSafeExtra, isTrustedBaseUrl } from './base-url.js';
import { publicOnlyFetch } from './public-address.js';

/** What every route module needs: where configs live, which providers exist, how strict base URLs are. */
export interface RouteContext {
  readonly store: ConfigStore;
  readonly registry: ProviderRegistry;
  readonly allowUnsafeBaseUrl: boolean;
  /** Origins a stored `extra.base_url` may point at although they are private (`trustedBaseUrls`). */
  readonly trustedBaseUrls: ReadonlySet<string>;
}

/** The hono app routes are registered on. */
export type HostingApp = Hono;

// Path parameters are decoded by the router; a decoded `/`, `..` or control character is never a name.
const SEGMENT = /^[^\s/\\?#%\u0000-\u001f\u007f]+$/u;

/**
 * Reads and checks a path parameter (a domain, a VM id, a key id).
 * @throws {ValidationError} naming `field`.
 */
export function pathParam(c: Context, name: string, field = name, maxLength = 253): string {
  const value = c.req.param(name) ?? '';
  if (value.length === 0 || value.length > maxLength || value === '.' || value === '..' || !SEGMENT.test(value)) {
    throw new ValidationError(`Invalid ${field} in path`, { fields: { [field]: ['is not a valid path segment'] } });
  }
  return value;
}

/** The provider name of the path; the middleware in `index.ts` has already checked it. */
export function providerName(c: Context): string {
  return c.req.param('provider') ?? '';
}

/**
 * Loads the stored config of the path's provider.
 * @throws {ProviderNotFoundError} when no provider of that name is registered (404).
 * @throws {ValidationError} when it is registered but not configured (400), or its stored
 *   `extra.base_url` is unsafe.
 */
export async function storedConfig(ctx: RouteContext, c: Context): Promise<ProviderConfig> {
  const name = providerName(c);
  ctx.registry.getProvider(name);
  const config = await ctx.store.get(name);
  if (!config) {
    throw new ValidationError(
      `Provider "${name}" is not configured: POST /api/hosting/providers/${name}/configure first`,
      {
        fields: { provider: ['is not configured'] },
        provider: name,
      },
    );
  }
  assertSafeExtra(config.extra, ctx.allowUnsafeBaseUrl, ctx.trustedBaseUrls);
  return config;
}

/** Builds the path's provider from its stored config, through the registry. */
export async function configuredProvider(ctx: RouteContext, c: Context): Promise<Provider> {
  return buildProvider(ctx, await storedConfig(ctx, c), c);
}

const refused = new WeakSet<Request>();

/**
 * The error to answer instead of whatever the provider made of it, when one of the request's
 * connections was refused because the base URL resolved to a non-public address: a fixed message,
 * nothing from the network.
 */
export function refusedAddressError(request: Request): ValidationError | undefined {
  if (!refused.has(request)) return undefined;
  const problem = 'resolves to an address that is not public';
  return new ValidationError(`Invalid extra.base_url: ${problem}`, { fields: { 'extra.base_url': [problem] } });
}

/**
 * Builds a provider from a config whose `extra` has been checked. With a custom `extra.base_url` (and
 * unsafe base URLs not allowed) the provider gets a `fetch` that refuses, when it connects, any address
 * that is not public: a name that passed the check cannot be pointed at the inside later (DNS rebinding).
 */
export function buildProvider(ctx: RouteContext, config: ProviderConfig, c: Context): Provider {
  const baseUrl = config.extra.base_url;
  // A trusted origin is private by design: it gets the platform's fetch, not the public-only one.
  if (baseUrl !== undefined && !ctx.allowUnsafeBaseUrl && !isTrustedBaseUrl(baseUrl, ctx.trustedBaseUrls)) {
    const fetch = publicOnlyFetch(() => refused.add(c.req.raw));
    return ctx.registry.createProvider(config.provider, config, { fetch });
  }
  return ctx.registry.createProvider(config.provider, config);
}

/**
 * The path's provider's capability group.
 * @throws {ErrNotSupported} when the provider lacks it (501).
 */
export async function capability<K extends CapabilityName>(
  ctx: RouteContext,
  c: Context,
  name: K,
): Promise<NonNullable<Provider[K]>> {
  return requireCapability(await configuredProvider(ctx, c), name);
}

/** Call options for provider methods: the request's signal, so a client that leaves cancels the call. */
export function callOptions(c: Context): { signal: AbortSignal } {
  return { signal: c.req.raw.signal };
}
