/**
 * Showing a provider's `extra` settings without the credential-like ones: the REST API, the settings page
 * and the CLI's `providers list` all hide the same keys.
 * @module
 */

/** `extra` keys that look like a credential (`db_password`, `api_token`, `client_secret`...). */
export const SECRET_EXTRA_KEY = /key|secret|token|password|auth/i;

/** What a hidden value shows as. */
export const REDACTED = '[REDACTED]';

/**
 * A copy of `extra` with every value whose key looks like a credential replaced by `[REDACTED]`.
 * @example
 * ```ts
 * redactExtra({ base_url: 'https://api.example.test', db_password: 'hunter2' });
 * // → { base_url: 'https://api.example.test', db_password: '[REDACTED]' }
 * ```
 */
export function redactExtra(extra: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(extra).map(([key, value]) => [key, SECRET_EXTRA_KEY.test(key) ? REDACTED : value]),
  );
}
