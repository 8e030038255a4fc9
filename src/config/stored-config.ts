import { ConfigStoreError, ValidationError } from '../core/errors.js';
import { normalizeProviderConfig, type ProviderConfig } from './config-store.js';

/**
 * Turns what a store read (JSON text, or the object a storage library already parsed from it) into
 * `provider`'s config.
 * @param where - How the message names the item, e.g. `Config file /home/me/.config/x/hostinger.json`.
 * @param path - The file or key, kept on the error as `path`.
 * @throws {ConfigStoreError} (`reason: 'corrupt'`) that never quotes the stored text, which may hold the token.
 */
export function decodeStoredConfig(value: unknown, provider: string, where: string, path: string): ProviderConfig {
  const corrupt = (why: string) =>
    new ConfigStoreError(`${where} ${why}; it was left unchanged (fix or delete it)`, { reason: 'corrupt', path });
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
