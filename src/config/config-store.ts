import { ValidationError } from '../core/errors.js';
import { isProviderName, PROVIDER_NAME_RULE, type ProviderConfig } from '../core/provider-config.js';

export type { ProviderConfig } from '../core/provider-config.js';

/**
 * Where provider credentials live. Implement it to keep them in a vault, a database or a KMS.
 *
 * @example
 * ```ts
 * const store: ConfigStore = new FileConfigStore('/opt/app/data/hosting');
 * await store.save({ provider: 'hostinger', api_key: token, api_secret: '', extra: {}, connected: false });
 * ```
 */
export interface ConfigStore {
  /** @throws {ValidationError} for a malformed provider name. */
  get(provider: string): Promise<ProviderConfig | undefined>;
  /** @throws {ValidationError} for a malformed provider name or config. */
  save(config: ProviderConfig): Promise<void>;
  /** `false` when nothing was stored. */
  delete(provider: string): Promise<boolean>;
  list(): Promise<ProviderConfig[]>;
  /**
   * Optional atomic read-modify-write of one provider's config: `change` receives the stored config
   * (or `undefined`) and returns the config to store, or `undefined` to delete it. No other write to
   * that provider lands between the read and the write. Resolves to what is stored afterwards.
   * @throws {ValidationError} for a malformed provider name, or when `change` returns a config for another provider.
   */
  update?(provider: string, change: ConfigChange): Promise<ProviderConfig | undefined>;
}

/** The function given to {@link ConfigStore.update}: the new config, or `undefined` to delete it. */
export type ConfigChange = (current: ProviderConfig | undefined) => ProviderConfig | undefined;

/**
 * Checks what a {@link ConfigChange} returned: a clean copy for the same provider, or `undefined`.
 * @throws {ValidationError} when the config is malformed or names another provider.
 */
export function checkChangedConfig(provider: string, next: ProviderConfig | undefined): ProviderConfig | undefined {
  if (next === undefined) return undefined;
  const clean = normalizeProviderConfig(next);
  if (clean.provider !== provider) {
    throw new ValidationError('update must keep the provider name', { fields: { provider: [`must be ${provider}`] } });
  }
  return clean;
}

/**
 * Checks a provider name before it becomes a file name or a key: `^[a-z0-9][a-z0-9_-]{0,63}$`.
 * @throws {ValidationError} naming the field `provider`.
 */
export function assertProviderName(name: unknown): asserts name is string {
  if (!isProviderName(name)) {
    throw new ValidationError(`Invalid provider name ${JSON.stringify(String(name)).slice(0, 80)}`, {
      fields: { provider: [PROVIDER_NAME_RULE] },
    });
  }
}

/**
 * Checks the shape of a {@link ProviderConfig} and returns a clean copy (no extra keys).
 * @throws {ValidationError} naming each bad field.
 */
export function normalizeProviderConfig(config: unknown): ProviderConfig {
  const c = (config ?? {}) as Partial<Record<keyof ProviderConfig, unknown>>;
  assertProviderName(c.provider);
  const fields: Record<string, string[]> = {};
  if (typeof c.api_key !== 'string') fields.api_key = ['must be a string'];
  if (c.api_secret !== undefined && typeof c.api_secret !== 'string') fields.api_secret = ['must be a string'];
  if (c.connected !== undefined && typeof c.connected !== 'boolean') fields.connected = ['must be a boolean'];
  const extra = c.extra ?? {};
  if (
    typeof extra !== 'object' ||
    extra === null ||
    Array.isArray(extra) ||
    Object.values(extra).some((v) => typeof v !== 'string')
  ) {
    fields.extra = ['must be an object of strings'];
  }
  if (Object.keys(fields).length > 0)
    throw new ValidationError('Invalid provider config', { fields, provider: c.provider });
  return {
    provider: c.provider,
    api_key: c.api_key as string,
    api_secret: (c.api_secret as string | undefined) ?? '',
    extra: { ...(extra as Record<string, string>) },
    connected: (c.connected as boolean | undefined) ?? false,
  };
}
