/**
 * What a configure stores and when `connected` changes: the rules the REST API, the settings page and the
 * CLI share. docs/guides/credentials.md ("Configure, test, remove: the rules") states them for users.
 * @module
 */
import { isAuthenticationError, ValidationError } from '../core/errors.js';
import type { ProviderConfig } from './config-store.js';

/**
 * What a configure (or a test of credentials that are not stored yet) gives. A field left out is not
 * "empty": {@link nextCredentials} says what it means.
 */
export interface CredentialInput {
  api_key?: string | undefined;
  api_secret?: string | undefined;
  extra?: Readonly<Record<string, string>> | undefined;
}

/**
 * The config a configure stores, from the stored one (or `undefined`) and what was given:
 * - a given field replaces the stored value (`extra` as a whole: keys not given are dropped);
 * - a missing `api_key` or `extra` keeps the stored one;
 * - a missing `api_secret` keeps the stored one only while the `api_key` stays the same (a secret belongs
 *   to its key): a new key without a secret clears it;
 * - `connected` stays as stored only when `api_key`, `api_secret` and `extra` all stay the same; any change
 *   makes it `false` until a test succeeds.
 *
 * @throws {ValidationError} naming `api_key` when no key is given and none is stored (or it is empty).
 * @example
 * ```ts
 * const stored = { provider: 'hostinger', api_key: 'k1', api_secret: 's1', extra: { base_url: 'https://a.example' }, connected: true };
 * nextCredentials('hostinger', stored, {});
 * // → the stored config as it is, still connected
 * nextCredentials('hostinger', stored, { api_key: 'k2' });
 * // → { ..., api_key: 'k2', api_secret: '', extra: { base_url: 'https://a.example' }, connected: false }
 * ```
 */
export function nextCredentials(
  provider: string,
  current: ProviderConfig | undefined,
  input: CredentialInput,
): ProviderConfig {
  const apiKey = input.api_key ?? current?.api_key;
  if (!apiKey) {
    throw new ValidationError('No API key: none was given and none is stored', {
      fields: { api_key: ['is required'] },
      provider,
    });
  }
  const sameKey = current !== undefined && apiKey === current.api_key;
  const next: ProviderConfig = {
    provider,
    api_key: apiKey,
    api_secret: input.api_secret ?? (sameKey ? current.api_secret : ''),
    extra: { ...(input.extra ?? current?.extra ?? {}) },
    connected: false,
  };
  next.connected = current !== undefined && current.connected && sameCredentials(current, next);
  return next;
}

/** True when two configs hold the same `api_key`, `api_secret` and `extra` (in any key order). */
export function sameCredentials(a: ProviderConfig, b: ProviderConfig): boolean {
  const keys = Object.keys(a.extra);
  return (
    a.api_key === b.api_key &&
    a.api_secret === b.api_secret &&
    keys.length === Object.keys(b.extra).length &&
    keys.every((key) => Object.hasOwn(b.extra, key) && a.extra[key] === b.extra[key])
  );
}

/**
 * True when a failed connection test means the provider refused the credentials (an
 * `AuthenticationError`), the only failure that records `connected: false`. A network error, a timeout,
 * a 5xx or an aborted call says nothing about the credentials.
 */
export function isRefusal(error: unknown): boolean {
  return isAuthenticationError(error);
}
