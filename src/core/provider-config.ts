/**
 * The credentials of one provider as the stores keep them, and the one rule for provider names
 * (registry keys, store keys, file names).
 *
 * @module
 */

/** Credentials of one provider, persisted as one JSON file by `FileConfigStore`. */
export interface ProviderConfig {
  /** Registry name, e.g. `'hostinger'`. */
  provider: string;
  /** The API token. Never logged, never in an error. */
  api_key: string;
  api_secret: string;
  /** Provider-specific settings, e.g. `{ base_url: 'https://...' }`. */
  extra: Record<string, string>;
  /** Whether the last connection test succeeded. */
  connected: boolean;
}

/**
 * What a provider is created from: a key, and the secret and settings some providers need. A stored
 * {@link ProviderConfig} is one too; `connected` is the store's business, not the provider's.
 *
 * @example
 * ```ts
 * const credentials: ProviderCredentials = { api_key: token, extra: { base_url: 'https://dns.example.net' } };
 * const provider = createProvider('powerdns', credentials);
 * ```
 */
export interface ProviderCredentials {
  /** The registry name; ignored by `create` (the definition knows its own). */
  provider?: string;
  /** The API key or token. Never logged, never in an error. */
  api_key: string;
  /** A second secret, for providers that take one. @default '' */
  api_secret?: string;
  /** Provider-specific settings, e.g. `{ base_url: 'https://...' }`. @default {} */
  extra?: Record<string, string>;
  /** Accepted so that a stored config can be passed as it is; a provider never reads it. */
  connected?: boolean;
}

const PROVIDER_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The provider-name rule as users read it in error messages. */
export const PROVIDER_NAME_RULE = 'must match ^[a-z0-9][a-z0-9_-]{0,63}$';

/**
 * Whether `name` is a valid provider name: 1–64 characters of lowercase letters, digits, `-` and `_`,
 * starting with a letter or digit (so it is safe as a file name and a storage key).
 */
export function isProviderName(name: unknown): name is string {
  return typeof name === 'string' && PROVIDER_NAME.test(name);
}
