import { ProviderNotFoundError, ValidationError } from './errors.js';
import type { Provider } from './provider.js';
import {
  isProviderName,
  PROVIDER_NAME_RULE,
  type ProviderConfig,
  type ProviderCredentials,
} from './provider-config.js';

/** How a provider joins a registry: a name and a factory from stored credentials. */
export interface ProviderDefinition<C = ProviderConfig> {
  /** Registry key: lowercase letters, digits, `-` and `_`. */
  name: string;
  displayName: string;
  /**
   * Builds a configured {@link Provider} from credentials. The registry's `createProvider` always hands
   * it a whole `ProviderConfig` (`api_secret` `''` and `extra` `{}` when the caller gave none). A provider that makes HTTP requests should
   * send them through `options.fetch` when it is given (the REST API passes one that only connects to
   * public addresses).
   */
  create(config: C, options?: ProviderCreateOptions): Provider;
  /** Settings kept in `extra` that a settings page should ask for (`base_url`...). @default none */
  extraFields?: readonly ProviderExtraField[];
}

/** One `extra` setting a provider reads, as a settings page shows it. */
export interface ProviderExtraField {
  /** The key in `extra`, e.g. `'base_url'`. */
  name: string;
  /** What the field is called on a form, e.g. `'API base URL (optional)'`. */
  label: string;
  /** An example value shown in the empty field. */
  placeholder?: string;
}

/** What the caller of {@link ProviderDefinition.create} may hand the provider besides its credentials. */
export interface ProviderCreateOptions {
  /** The `fetch` to send requests with, instead of the global one. */
  fetch?: typeof fetch;
}

/** Options of {@link ProviderRegistry.registerProvider}. */
export interface RegisterProviderOptions {
  /** Replace a definition already registered under the same name. @default false */
  replace?: boolean;
}

/**
 * A set of provider definitions keyed by name. The module-level functions (`registerProvider`...)
 * use one process-wide instance; create your own for isolation (tests, multi-tenant hosts).
 *
 * @example
 * ```ts
 * const registry = new ProviderRegistry();
 * registry.registerProvider(hostinger);
 * const provider = registry.createProvider('hostinger', config);
 * ```
 */
export class ProviderRegistry {
  readonly #definitions = new Map<string, ProviderDefinition>();

  /**
   * Adds a definition.
   * @throws {ValidationError} when the name is taken (unless `replace`) or malformed.
   */
  registerProvider(definition: ProviderDefinition, options: RegisterProviderOptions = {}): void {
    if (!isProviderName(definition.name)) {
      throw new ValidationError(`Invalid provider name "${definition.name}"`, {
        fields: { name: [PROVIDER_NAME_RULE] },
      });
    }
    if (this.#definitions.has(definition.name) && !options.replace) {
      throw new ValidationError(
        `Provider "${definition.name}" is already registered (pass { replace: true } to replace it)`,
        {
          fields: { name: ['already registered'] },
        },
      );
    }
    this.#definitions.set(definition.name, definition);
  }

  /** Removes a definition; `false` when there was none. */
  unregisterProvider(name: string): boolean {
    return this.#definitions.delete(name);
  }

  /** @throws {ProviderNotFoundError} when no provider has that name. */
  getProvider(name: string): ProviderDefinition {
    const definition = this.#definitions.get(name);
    if (!definition) throw new ProviderNotFoundError(`Provider "${name}" is not registered`, { provider: name });
    return definition;
  }

  /** Every definition, sorted by name. */
  listProviders(): ProviderDefinition[] {
    return [...this.#definitions.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * Builds a provider from a key: `{ api_key, api_secret?, extra? }` (a stored `ProviderConfig` works as it is).
   * @throws {ProviderNotFoundError} when no provider has that name.
   */
  createProvider(name: string, credentials: ProviderCredentials, options?: ProviderCreateOptions): Provider {
    const definition = this.getProvider(name);
    const config = toProviderConfig(name, credentials);
    return options ? definition.create(config, options) : definition.create(config);
  }
}

/**
 * The whole config a definition's `create` receives: the caller's key, secret and settings (absent
 * ones empty) under the registry name. `connected` is kept when given and never set by this.
 */
function toProviderConfig(name: string, credentials: ProviderCredentials): ProviderConfig {
  return {
    provider: name,
    api_key: credentials?.api_key,
    api_secret: credentials?.api_secret ?? '',
    extra: credentials?.extra ?? {},
    connected: credentials?.connected ?? false,
  };
}

// Two copies of the package in one process (ESM + CJS, a duplicate install) must share one registry.
const GLOBAL_KEY = /* @__PURE__ */ Symbol.for('setec-hosting.default-registry');
const globalSlot = globalThis as { [GLOBAL_KEY]?: ProviderRegistry };

/** The process-wide registry behind `registerProvider` and friends. */
export function defaultRegistry(): ProviderRegistry {
  return (globalSlot[GLOBAL_KEY] ??= new ProviderRegistry());
}

/**
 * Adds a provider to the process-wide registry.
 * @throws {ValidationError} when the name is already taken and `replace` is not set.
 * @example
 * ```ts
 * registerProvider({ name: 'my-dns', displayName: 'My DNS', create: (config) => createMyDns(config) });
 * ```
 */
export function registerProvider(definition: ProviderDefinition, options?: RegisterProviderOptions): void {
  defaultRegistry().registerProvider(definition, options);
}

/** Removes a provider from the process-wide registry; `false` when there was none. */
export function unregisterProvider(name: string): boolean {
  return defaultRegistry().unregisterProvider(name);
}

/** @throws {ProviderNotFoundError} when no provider has that name. */
export function getProvider(name: string): ProviderDefinition {
  return defaultRegistry().getProvider(name);
}

/** Every registered provider, sorted by name. */
export function listProviders(): ProviderDefinition[] {
  return defaultRegistry().listProviders();
}

/**
 * Builds a provider from the process-wide registry and a key: `{ api_key, api_secret?, extra? }` (a
 * stored `ProviderConfig` works as it is; `connected` plays no part).
 * @throws {ProviderNotFoundError} when no provider has that name.
 * @example
 * ```ts
 * import 'setec-hosting/hostinger/register';
 * import { createProvider } from 'setec-hosting';
 *
 * const provider = createProvider('hostinger', { api_key: process.env.HOSTINGER_API_TOKEN! });
 * await provider.testConnection();
 * ```
 */
export function createProvider(name: string, config: ProviderCredentials): Provider {
  return defaultRegistry().createProvider(name, config);
}
