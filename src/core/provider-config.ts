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
