import type { ProviderConfig } from '../config/config-store.js';
import { decodeStoredConfig } from '../config/stored-config.js';

/**
 * Reads one stored item as `provider`'s config: `undefined` when absent; the JSON text (or the object unstorage
 * already parsed from it) otherwise.
 * @throws {ConfigStoreError} (`reason: 'corrupt'`) naming `key`, never quoting the item's text.
 */
export function parseItem(key: string, provider: string, value: unknown): ProviderConfig | undefined {
  if (value === null || value === undefined) return undefined;
  return decodeStoredConfig(value, provider, `Config item ${key}`, key);
}

/** The same text as a FileConfigStore file. */
export function serializeConfig(config: ProviderConfig): string {
  return JSON.stringify(config, null, 2);
}
