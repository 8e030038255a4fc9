import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { ConfigStoreError, ValidationError } from '../core/errors.js';

/** Every encrypted value starts with this. */
export const ENCRYPTED_PREFIX = 'enc:v1:';
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const VALUE = /^enc:v1:([A-Za-z0-9_-]{1,64}):([A-Za-z0-9_-]+)$/;
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

/** `enc:v1:<keyId>:<base64url(iv | ciphertext | tag)>`, AES-256-GCM with a fresh 96-bit IV and `aad`. */
export function encryptValue(plain: string, keyId: string, key: KeyObject, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${ENCRYPTED_PREFIX}${keyId}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}

/** The key id an encrypted value names, or `undefined` for a plain value. */
export function keyIdOf(value: string): string | undefined {
  return VALUE.exec(value)?.[1];
}

/**
 * Decrypts a value written by {@link encryptValue}; a value without the `enc:` prefix is returned as it is.
 * @throws {ConfigStoreError} (`reason: 'decrypt'`) naming the provider, field and key id when the key is not
 * given, the value is malformed, or authentication fails (a changed value, or one moved from another provider).
 */
export function decryptValue(
  value: string,
  keys: ReadonlyMap<string, KeyObject>,
  provider: string,
  field: string,
): string {
  if (!value.startsWith('enc:')) return value;
  const fail = (why: string, keyId?: string) =>
    new ConfigStoreError(`Cannot decrypt ${field} of provider "${provider}": ${why}`, {
      reason: 'decrypt',
      provider,
      ...(keyId !== undefined && { keyId }),
    });
  const match = VALUE.exec(value);
  if (!match) throw fail('the value is not in the enc:v1:<keyId>:<data> format');
  const [, keyId, data] = match as unknown as [string, string, string];
  const key = keys.get(keyId);
  if (!key) throw fail(`it was encrypted with key "${keyId}", which is not among the configured keys`, keyId);
  const bytes = Buffer.from(data, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw fail(`the value under key "${keyId}" is truncated`, keyId);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(provider, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw fail(
      `authentication failed with key "${keyId}" (the value was changed, or belongs to another provider)`,
      keyId,
    );
  }
}
