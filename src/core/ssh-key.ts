import { createHash } from 'node:crypto';
import { ValidationError } from './errors.js';

/** An OpenSSH public key line split into its parts. */
export interface ParsedPublicKey {
  /** Key type, e.g. `ssh-ed25519`. */
  type: string;
  /** The base64 key blob. */
  blob: string;
  /** The trailing comment, e.g. `user@host`, or `''`. */
  comment: string;
}

const KEY_TYPES =
  /^(ssh-ed25519|ssh-rsa|ssh-dss|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com)$/;

/**
 * Parses an OpenSSH public key line (`ssh-ed25519 AAAA... comment`).
 * @throws {ValidationError} naming the field `public_key` when the line is not a public key.
 */
export function parsePublicKey(line: string): ParsedPublicKey {
  const parts = line.trim().split(/\s+/);
  const [type = '', blob = ''] = parts;
  const invalid = (why: string) =>
    new ValidationError(`Invalid SSH public key: ${why}`, { fields: { public_key: [why] } });
  if (!KEY_TYPES.test(type)) throw invalid('unknown key type (expected e.g. ssh-ed25519 or ssh-rsa)');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(blob)) throw invalid('the key data is not base64');
  const bytes = Buffer.from(blob, 'base64');
  // The blob starts with the key type as an SSH string: a 4-byte length, then the name.
  const nameLength = bytes.length >= 4 ? bytes.readUInt32BE(0) : -1;
  if (nameLength < 0 || bytes.subarray(4, 4 + nameLength).toString('latin1') !== type) {
    throw invalid('the key data does not match its type');
  }
  return { type, blob, comment: parts.slice(2).join(' ') };
}

/**
 * The fingerprint `ssh-keygen -lf` prints: `SHA256:` + unpadded base64 of the SHA-256 of the key blob.
 * @throws {ValidationError} when the line is not a public key.
 * @example
 * ```ts
 * sshFingerprint('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI... me@host'); // 'SHA256:...'
 * ```
 */
export function sshFingerprint(publicKey: string): string {
  const { blob } = parsePublicKey(publicKey);
  return `SHA256:${createHash('sha256').update(Buffer.from(blob, 'base64')).digest('base64').replace(/=+$/, '')}`;
}
