import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { ConfigStoreError, ValidationError } from '../core/errors.js';

/** Every value this version encrypts starts with this. */
export const ENCRYPTED_PREFIX = 'enc:v2:';
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const VALUE = /^enc:(v1|v2):([A-Za-z0-9_-]{1,64}):([A-Za-z0-9_-]+)$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Turns the configured keys into key objects: each 32 bytes, given as bytes, 64 hex digits, or base64 /
 * base64url. Errors name the key id and what is wrong, never the key.
 * @throws {ValidationError} for a malformed key id or a key that is not 32 bytes.
 */
export function parseKeys(keys: Record<string, string | Uint8Array>): Map<string, KeyObject> {
  if (typeof keys !== 'object' || keys === null || Object.keys(keys).length === 0) {
    throw new ValidationError('keys must name at least one key', { fields: { keys: ['must name at least one key'] } });
  }
  const parsed = new Map<string, KeyObject>();
  const fields: Record<string, string[]> = {};
  for (const [id, key] of Object.entries(keys)) {
    if (!KEY_ID.test(id)) {
      fields[`keys.${id.slice(0, 64)}`] = ['the key id must match ^[A-Za-z0-9_-]{1,64}$'];
      continue;
    }
    const bytes = keyBytes(key);
    if (!bytes) fields[`keys.${id}`] = ['must be 32 bytes: a Uint8Array, 64 hex digits, or base64'];
    else parsed.set(id, createSecretKey(bytes));
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('Invalid encryption keys', { fields });
  return parsed;
}

function keyBytes(key: unknown): Buffer | undefined {
  if (key instanceof Uint8Array) return key.length === 32 ? Buffer.from(key) : undefined;
  if (typeof key !== 'string') return undefined;
  const text = key.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(text)) {
    const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return bytes.length === 32 ? bytes : undefined;
  }
  return undefined;
}

/**
 * What a value is bound to: it decrypts only in the config (provider), field and `extra` it was written
 * with. `extra` is taken with its keys sorted, so the order they were written in does not matter.
 */
export interface ValueContext {
  provider: string;
  field: string;
  extra: Readonly<Record<string, string>>;
}

/** The associated data of an `enc:v2:` value: a fixed label, then the context as canonical JSON. */
function associatedData(context: ValueContext): Buffer {
  const extra = Object.keys(context.extra)
    .sort()
    .map((k) => [k, context.extra[k]]);
  return Buffer.from(JSON.stringify(['setec-hosting config v2', context.provider, context.field, extra]), 'utf8');
}

/** `enc:v2:<keyId>:<base64url(iv | ciphertext | tag)>`, AES-256-GCM with a fresh 96-bit IV, bound to `context`. */
export function encryptValue(plain: string, keyId: string, key: KeyObject, context: ValueContext): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(context));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${ENCRYPTED_PREFIX}${keyId}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}

/** The key id an encrypted value names, or `undefined` for a plain value. */
export function keyIdOf(value: string): string | undefined {
  return VALUE.exec(value)?.[2];
}

/** True for a value in this version's format (`enc:v2:`). */
export const isCurrentFormat = (value: string): boolean => value.startsWith(ENCRYPTED_PREFIX);

/** What {@link decryptValue} may read besides `enc:v2:` values (migration only). */
export interface LegacyReading {
  /** Read a value that is not encrypted as it is. */
  allowPlaintext: boolean;
  /** Read 0.2's `enc:v1:` values, which are bound to the provider only. */
  allowV1: boolean;
}

/**
 * Decrypts a value written by {@link encryptValue} in the config, field and `extra` of `context`.
 * @throws {ConfigStoreError} (`reason: 'decrypt'`) naming the provider, field and key id when the key is not
 * given, the value is malformed, or authentication fails (a changed value, one moved from another provider
 * or field, or an `extra` changed since the value was written); and for a plain or `enc:v1:` value that
 * `legacy` does not allow.
 */
export function decryptValue(
  value: string,
  keys: ReadonlyMap<string, KeyObject>,
  context: ValueContext,
  legacy: LegacyReading,
): string {
  const { provider, field } = context;
  const fail = (why: string, keyId?: string) =>
    new ConfigStoreError(`Cannot decrypt ${field} of provider "${provider}": ${why}`, {
      reason: 'decrypt',
      provider,
      ...(keyId !== undefined && { keyId }),
    });
  if (!value.startsWith('enc:')) {
    if (legacy.allowPlaintext) return value;
    throw fail(
      'it is stored in plain text, not encrypted (create the store with allowPlaintext: true to read and migrate plain values)',
    );
  }
  const match = VALUE.exec(value);
  if (!match) throw fail('the value is not in the enc:v2:<keyId>:<data> format');
  const [, version, keyId, data] = match as unknown as [string, 'v1' | 'v2', string, string];
  if (version === 'v1' && !legacy.allowV1)
    throw fail(
      'it is an enc:v1: value, which is not bound to its field and extra (create the store with allowV1: true once to migrate it)',
      keyId,
    );
  const key = keys.get(keyId);
  if (!key) throw fail(`it was encrypted with key "${keyId}", which is not among the configured keys`, keyId);
  const bytes = Buffer.from(data, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw fail(`the value under key "${keyId}" is truncated`, keyId);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(version === 'v1' ? Buffer.from(provider, 'utf8') : associatedData(context));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw fail(
      `authentication failed with key "${keyId}" (the value was changed, moved from another provider or field, or the config's extra was changed without the key)`,
      keyId,
    );
  }
}
