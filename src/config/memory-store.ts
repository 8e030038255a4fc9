import {
  assertProviderName,
  checkChangedConfig,
  normalizeProviderConfig,
  type ConfigChange,
  type ConfigStore,
  type ProviderConfig,
} from './config-store.js';

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

  /**
   * Atomic read-modify-write: `change` runs synchronously between the read and the write, so no
   * other call on this store can interleave. Returning `undefined` deletes the config.
   * @throws {ValidationError} for a malformed provider name, or when `change` returns a config for another provider.
   * @example
   * ```ts
   * await store.update('hostinger', (c) => c && { ...c, connected: true });
   * ```
   */
  async update(provider: string, change: ConfigChange): Promise<ProviderConfig | undefined> {
    assertProviderName(provider);
    const current = this.#configs.get(provider);
    const next = checkChangedConfig(provider, change(current && structuredClone(current)));
    if (next) this.#configs.set(provider, next);
    else this.#configs.delete(provider);
    return next && structuredClone(next);
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
