import type { KeyObject } from 'node:crypto';
import { ValidationError } from '../core/errors.js';
import {
  assertProviderName,
  checkChangedConfig,
  normalizeProviderConfig,
  type ConfigChange,
  type ConfigStore,
  type ProviderConfig,
} from './config-store.js';
import { decryptValue, encryptValue, isCurrentFormat, keyIdOf, parseKeys, type LegacyReading } from './encryption.js';

/** Options of {@link EncryptedConfigStore}. */
export interface EncryptedConfigStoreOptions {
  /**
   * The keys by id: each 32 bytes, as a `Uint8Array`, 64 hex digits or base64 (`openssl rand -base64 32`).
   * Keep old keys here after rotating, until {@link EncryptedConfigStore.reencryptAll} has run.
   * Ids match `^[A-Za-z0-9_-]{1,64}$` and are stored next to each value.
   */
  keys: Record<string, string | Uint8Array>;
  /** The id of the key new values are encrypted with; must be one of `keys`. */
  primaryKeyId: string;
  /**
   * Migration from plain text: read an `api_key` or `api_secret` that is not encrypted as it is (it is
   * encrypted on the next save, or by {@link EncryptedConfigStore.reencryptAll}). Without it a plain value
   * is a `ConfigStoreError`: whoever can write the store could otherwise put in a token of their own.
   * @default false
   */
  allowPlaintext?: boolean;
  /**
   * Migration from 0.2: read `enc:v1:` values, which are bound to the provider only, not to their field
   * or to `extra`. Turn it on for one `reencryptAll()` (which rewrites them as `enc:v2:`), then off again:
   * while it is on, whoever can write the store can point a v1 token at another `extra.base_url`.
   * @default false
   */
  allowV1?: boolean;
}

const SECRET_FIELDS = ['api_key', 'api_secret'] as const;

/**
 * Wraps any {@link ConfigStore} so that `api_key` and `api_secret` are stored encrypted:
 * `enc:v2:<keyId>:<base64url>`, AES-256-GCM with a fresh IV per value. The provider, the field name and the
 * config's `extra` are authenticated with each value, so a value moved to another provider or field, or an
 * `extra` (such as `base_url`) changed by someone without the key, does not decrypt: reading that config is
 * a `ConfigStoreError` (`reason: 'decrypt'`) and no provider is ever built with the token. `extra`,
 * `provider` and `connected` stay readable, and an empty string stays empty. Only `node:crypto` is used.
 *
 * Reading decrypts with the key the value names, so old keys keep working after `primaryKeyId` changes. Plain
 * values and 0.2's `enc:v1:` values are read only with the migration options `allowPlaintext` and `allowV1`,
 * and are rewritten as `enc:v2:` on the next save or by {@link EncryptedConfigStore.reencryptAll}. Errors,
 * `JSON.stringify(store)` and `util.inspect(store)` never show key material.
 *
 * @example
 * ```ts
 * const store = new EncryptedConfigStore(new FileConfigStore('/opt/app/data/hosting'), {
 *   keys: { '2026-01': process.env.SETEC_CONFIG_KEY! },
 *   primaryKeyId: '2026-01',
 * });
 * await store.save({ provider: 'hostinger', api_key: token, api_secret: '', extra: {}, connected: false });
 * ```
 */
export class EncryptedConfigStore implements ConfigStore {
  /** The id of the key new values are encrypted with. */
  readonly primaryKeyId: string;
  readonly #inner: ConfigStore;
  readonly #keys: Map<string, KeyObject>;
  readonly #legacy: LegacyReading;

  /**
   * Atomic read-modify-write through the wrapped store's own `update()`: `change` sees the decrypted config,
   * and what it returns is encrypted before it is stored. Present only when the wrapped store has `update()`.
   * @throws {ValidationError} as the wrapped store's `update()`.
   * @throws {ConfigStoreError} (`reason: 'decrypt'`) when the stored config cannot be decrypted; nothing is written.
   */
  declare readonly update?: (provider: string, change: ConfigChange) => Promise<ProviderConfig | undefined>;

  /**
   * @throws {ValidationError} for a key that is not 32 bytes, a malformed key id, or a `primaryKeyId` not in
   * `keys` (naming the id, never the key).
   */
  constructor(inner: ConfigStore, options: EncryptedConfigStoreOptions) {
    this.#keys = parseKeys(options?.keys);
    if (!this.#keys.has(options.primaryKeyId)) {
      throw new ValidationError('primaryKeyId must be one of the keys', {
        fields: { primaryKeyId: ['must be one of the ids in keys'] },
      });
    }
    this.primaryKeyId = options.primaryKeyId;
    this.#legacy = { allowPlaintext: options.allowPlaintext === true, allowV1: options.allowV1 === true };
    this.#inner = inner;
    if (typeof inner.update === 'function') {
      const innerUpdate = inner.update.bind(inner);
      this.update = async (provider: string, change: ConfigChange) => {
        assertProviderName(provider);
        let result: ProviderConfig | undefined;
        await innerUpdate(provider, (stored) => {
          result = checkChangedConfig(provider, change(stored && this.#decrypt(stored)));
          return result && this.#encrypt(result);
        });
        return result;
      };
    }
    // Keeps the key ids, not the keys, in `console.log(store)`; set here so bundlers can drop an unused class.
    Object.defineProperty(this, Symbol.for('nodejs.util.inspect.custom'), {
      value: () => `EncryptedConfigStore { primaryKeyId: ${this.primaryKeyId}, keyIds: [${this.keyIds.join(', ')}] }`,
    });
  }

  /** The ids of the configured keys. */
  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  /**
   * Reads and decrypts one provider's config.
   * @throws {ValidationError} for a malformed provider name.
   * @throws {ConfigStoreError} (`reason: 'decrypt'`) naming the provider and key id, when the value's key is not
   * configured, the value fails authentication (changed, moved, or its `extra` changed), or it is a plain or
   * `enc:v1:` value the migration options do not allow; or any error of the wrapped store.
   */
  async get(provider: string): Promise<ProviderConfig | undefined> {
    const stored = await this.#inner.get(provider);
    return stored && this.#decrypt(stored);
  }

  /**
   * Encrypts `api_key` and `api_secret` with the primary key and saves the config.
   * @throws {ValidationError} for a malformed config or provider name (nothing is encrypted or written).
   */
  async save(config: ProviderConfig): Promise<void> {
    await this.#inner.save(this.#encrypt(normalizeProviderConfig(config)));
  }

  /** Removes one provider's config; `false` when none was stored. @throws {ValidationError} for a malformed name. */
  delete(provider: string): Promise<boolean> {
    return this.#inner.delete(provider);
  }

  /**
   * Every stored config, decrypted.
   * @throws {ConfigStoreError} (`reason: 'decrypt'`) when any config cannot be decrypted: a missing key is a
   * deployment mistake to fix, not a config to skip.
   */
  async list(): Promise<ProviderConfig[]> {
    return (await this.#inner.list()).map((c) => this.#decrypt(c));
  }

  /**
   * Rewrites every config that holds a plain value, an `enc:v1:` value or a value under another key than
   * `primaryKeyId`, so that old keys and the migration options can then be removed. Uses the wrapped store's `update()` when it has one, so a concurrent
   * save is never undone. Resolves to the providers rewritten.
   * @throws {ConfigStoreError} (`reason: 'decrypt'`) when a value cannot be decrypted with the configured keys;
   * configs rewritten before it stay rewritten.
   * @example
   * ```ts
   * // keys: { old: OLD_KEY, new: NEW_KEY }, primaryKeyId: 'new'
   * const rewritten = await store.reencryptAll(); // then drop 'old' from keys
   * ```
   */
  async reencryptAll(): Promise<string[]> {
    const rewritten: string[] = [];
    for (const stored of await this.#inner.list()) {
      if (!this.#needsRewrite(stored)) continue;
      if (this.#inner.update) {
        await this.#inner.update(stored.provider, (current) =>
          current && this.#needsRewrite(current) ? this.#encrypt(this.#decrypt(current)) : current,
        );
      } else {
        await this.#inner.save(this.#encrypt(this.#decrypt(stored)));
      }
      rewritten.push(stored.provider);
    }
    return rewritten;
  }

  #needsRewrite(config: ProviderConfig): boolean {
    return SECRET_FIELDS.some(
      (f) => config[f] !== '' && (!isCurrentFormat(config[f]) || keyIdOf(config[f]) !== this.primaryKeyId),
    );
  }

  #encrypt(config: ProviderConfig): ProviderConfig {
    const key = this.#keys.get(this.primaryKeyId)!;
    const out = { ...config };
    for (const field of SECRET_FIELDS) {
      if (out[field] !== '') {
        const context = { provider: config.provider, field, extra: config.extra ?? {} };
        out[field] = encryptValue(out[field], this.primaryKeyId, key, context);
      }
    }
    return out;
  }

  #decrypt(config: ProviderConfig): ProviderConfig {
    const out = { ...config };
    for (const field of SECRET_FIELDS) {
      if (out[field] === '') continue;
      const context = { provider: config.provider, field, extra: config.extra ?? {} };
      out[field] = decryptValue(out[field], this.#keys, context, this.#legacy);
    }
    return out;
  }

  toJSON(): { primaryKeyId: string; keyIds: string[] } {
    return { primaryKeyId: this.primaryKeyId, keyIds: this.keyIds };
  }
}
