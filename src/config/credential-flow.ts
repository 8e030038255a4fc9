/**
 * Configure, test and remove a provider's stored credentials: the one implementation behind the REST
 * API's `/providers/{provider}/configure`, `/test` and `DELETE`, and the CLI's `providers configure`,
 * `test` and `remove`. The rules it applies live in `credential-rules.ts`.
 * @module
 */
import { NotFoundError, ValidationError } from '../core/errors.js';
import type { Provider } from '../core/provider.js';
import type { ConfigChange, ConfigStore, ProviderConfig } from './config-store.js';
import { isRefusal, nextCredentials, sameCredentials, type CredentialInput } from './credential-rules.js';

/** How the caller turns a config into a provider (checking its settings, sending nothing) and tests it. */
export interface CredentialFlowOptions {
  /** Builds the provider; throws (a `ValidationError`) for settings it cannot use, e.g. an unsafe base URL. */
  build(config: ProviderConfig): Provider;
  /** Cancels the connection test. */
  signal?: AbortSignal | undefined;
}

/**
 * Stores the credentials {@link nextCredentials} makes of `input` and the stored config. The provider is
 * built first, so settings it refuses are never stored. With `test`, the connection is tested first and
 * nothing is stored when it fails; on success the config is stored as connected.
 * The read and the write are one atomic step when the store has `update`.
 * @returns the config as stored.
 * @throws {ValidationError} for a missing key or settings the provider refuses; whatever the test throws.
 * @example
 * ```ts
 * await configureCredentials(store, 'hostinger', { api_key: token, extra: { base_url } }, {
 *   build: (config) => createProvider('hostinger', config),
 *   test: true,
 * });
 * ```
 */
export async function configureCredentials(
  store: ConfigStore,
  provider: string,
  input: CredentialInput,
  options: CredentialFlowOptions & { test?: boolean },
): Promise<ProviderConfig> {
  let tested: ProviderConfig | undefined;
  if (options.test) {
    tested = nextCredentials(provider, await store.get(provider), input);
    await runTest(store, tested, options);
  }
  const stored = await change(store, provider, (current) => {
    const next = nextCredentials(provider, current, input);
    options.build(next);
    if (tested && sameCredentials(next, tested)) next.connected = true;
    return next;
  });
  return stored!;
}

/**
 * Tests the stored credentials, or with `input` the credentials a configure of `input` would store
 * (without storing them). The outcome is recorded as `connected` only on a stored config that still
 * holds exactly the credentials tested: a remove or a new configure that lands while a slow test runs
 * is never undone. Success records `true`; a refusal (`AuthenticationError`) records `false`; any other
 * failure records nothing.
 * @returns the tested config, marked connected.
 * @throws {ValidationError} when nothing is stored and no `input` is given; whatever the test throws.
 * @example
 * ```ts
 * await testCredentials(store, 'hostinger', { build: (config) => createProvider('hostinger', config) });
 * ```
 */
export async function testCredentials(
  store: ConfigStore,
  provider: string,
  options: CredentialFlowOptions & { input?: CredentialInput | undefined },
): Promise<ProviderConfig> {
  const stored = await store.get(provider);
  if (!options.input && !stored) {
    throw new ValidationError(`${provider} is not configured`, {
      fields: { provider: ['is not configured'] },
      provider,
    });
  }
  const config = options.input ? nextCredentials(provider, stored, options.input) : stored!;
  await runTest(store, config, options);
  return { ...config, connected: true };
}

/**
 * Deletes a provider's stored credentials.
 * @throws {NotFoundError} when none are stored.
 * @example
 * ```ts
 * await removeCredentials(store, 'hostinger');
 * ```
 */
export async function removeCredentials(store: ConfigStore, provider: string): Promise<void> {
  if (!(await store.delete(provider))) throw new NotFoundError(`${provider} is not configured`, { provider });
}

async function runTest(store: ConfigStore, config: ProviderConfig, options: CredentialFlowOptions): Promise<void> {
  try {
    await options.build(config).testConnection({ signal: options.signal });
  } catch (error) {
    if (isRefusal(error)) await record(store, config, false);
    throw error;
  }
  await record(store, config, true);
}

/** Compare-and-set: `connected` lands only on a stored config holding the tested credentials. */
function record(store: ConfigStore, tested: ProviderConfig, connected: boolean): Promise<unknown> {
  return change(store, tested.provider, (current) =>
    current && sameCredentials(current, tested) ? { ...current, connected } : current,
  );
}

/**
 * `store.update` where the store has it; otherwise a read then a write, which a change landing between
 * the two can still beat.
 */
async function change(store: ConfigStore, provider: string, fn: ConfigChange): Promise<ProviderConfig | undefined> {
  if (store.update) return store.update(provider, fn);
  const current = await store.get(provider);
  const next = fn(current);
  if (next === current) return current;
  if (next) await store.save(next);
  else await store.delete(provider);
  return next;
}
