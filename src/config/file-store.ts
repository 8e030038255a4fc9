// Placeholder replaced by the FileConfigStore implementation (issue 2).
import type { ConfigStore, ProviderConfig } from './config-store.js';
export interface FileConfigStoreOptions {}
export class FileConfigStore implements ConfigStore {
  constructor(readonly dir: string, _options: FileConfigStoreOptions = {}) {}
  async get(_provider: string): Promise<ProviderConfig | undefined> { throw new Error('not yet'); }
  async save(_config: ProviderConfig): Promise<void> { throw new Error('not yet'); }
  async delete(_provider: string): Promise<boolean> { throw new Error('not yet'); }
  async list(): Promise<ProviderConfig[]> { throw new Error('not yet'); }
}
