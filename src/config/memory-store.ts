import { assertProviderName, normalizeProviderConfig, type ConfigStore, type ProviderConfig } from './config-store.js';

/**
 * A {@link ConfigStore} that keeps configs in memory, for tests and short scripts.
 * It validates names like the file store, and hands out copies so callers cannot mutate it.
 *
 * @example
 * ```ts
 * const store = new MemoryConfigStore();
 * await store.save({ provider: 'hostinger', api_key: token, api_secret: '', extra: {}, connected: false });
 * ```
 */
export class MemoryConfigStore implements ConfigStore {
  readonly #configs = new Map<string, ProviderConfig>();

  constructor() {
    // Keeps the secrets out of `console.log(store)`. Defined here, not as a computed class member,
    // so bundlers can drop the class when it is unused.
    Object.defineProperty(this, Symbol.for('nodejs.util.inspect.custom'), {
      value: () => `MemoryConfigStore { providers: [${[...this.#configs.keys()].join(', ')}] }`,
    });
  }

  async get(provider: string): Promise<ProviderConfig | undefined> {
    assertProviderName(provider);
    const config = this.#configs.get(provider);
    return config && structuredClone(config);
  }

  async save(config: ProviderConfig): Promise<void> {
    const clean = normalizeProviderConfig(config);
    this.#configs.set(clean.provider, clean);
  }

  async delete(provider: string): Promise<boolean> {
    assertProviderName(provider);
    return this.#configs.delete(provider);
  }

  async list(): Promise<ProviderConfig[]> {
    return [...this.#configs.values()]
      .sort((a, b) => (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0))
      .map((c) => structuredClone(c));
  }

  toJSON(): { providers: string[] } {
    return { providers: [...this.#configs.keys()] };
  }
}
