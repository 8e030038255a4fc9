import { ConfigStoreError, ValidationError } from '../core/errors.js';
import { normalizeProviderConfig, type ProviderConfig } from '../config/config-store.js';

/**
 * Reads one stored item as `provider`'s config: `undefined` when absent; the JSON text (or the object unstorage
 * already parsed from it) otherwise.
 * @throws {ConfigStoreError} (`reason: 'corrupt'`) naming `key`, never quoting the item's text.
 */
export function parseItem(key: string, provider: string, value: unknown): ProviderConfig | undefined {
  if (value === null || value === undefined) return undefined;
  const corrupt = (why: string) =>
    new ConfigStoreError(`Config item ${key} ${why}; it was left unchanged (fix or delete it)`, {
      reason: 'corrupt',
      path: key,
    });
  let data = value;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      // The parse error quotes the text, which may hold the token: keep it out of the error.
      throw corrupt('is not valid JSON');
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw corrupt('is not a JSON object');
  let config: ProviderConfig;
  try {
    config = normalizeProviderConfig(data);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw corrupt(`is not a valid provider config (bad ${Object.keys(error.fields).join(', ')})`);
  }
  if (config.provider !== provider) throw corrupt(`holds the config of provider "${config.provider}"`);
  return config;
}

/** The same text as a FileConfigStore file. */
export function serializeConfig(config: ProviderConfig): string {
  return JSON.stringify(config, null, 2);
}
