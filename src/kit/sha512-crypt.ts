/**
 * SHA-512 crypt (`$6$salt$hash`), the password hash glibc's `crypt(3)`, `/etc/shadow`, cloud-init's
 * `chpasswd` and `openssl passwd -6` share, so a VM's root password can be sent as a hash and never in
 * plain text.
 *
 * @internal
 * @module
 */
import { createHash, randomInt } from 'node:crypto';
import { ValidationError } from '../core/errors.js';

/** The 64 characters of crypt's base-64 alphabet, in crypt's order (not RFC 4648's). */
const ALPHABET = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SALT = /^[./0-9A-Za-z]{1,16}$/;
const DEFAULT_ROUNDS = 5000;
const MIN_ROUNDS = 1000;
const MAX_ROUNDS = 999_999_999;

/** Options of {@link sha512Crypt}. */
export interface Sha512CryptOptions {
  /**
   * How many SHA-512 rounds the hash takes; a value other than 5000 is written into the hash
   * (`$6$rounds=N$salt$...`) as crypt does.
   * @default 5000
   */
  rounds?: number;
}

function sha512(...parts: Buffer[]): Buffer {
  const hash = createHash('sha512');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** `source` repeated to exactly `length` bytes. */
function stretch(source: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let at = 0; at < length; at += source.length) source.copy(out, at, 0, Math.min(source.length, length - at));
  return out;
}

/** A random salt of 16 characters from crypt's alphabet. */
function randomSalt(): string {
  let salt = '';
  for (let i = 0; i < 16; i++) salt += ALPHABET[randomInt(ALPHABET.length)];
  return salt;
}

/** crypt's base-64 of the final digest: 21 groups of three bytes in its fixed interleaved order, then one. */
function encode(digest: Buffer): string {
  let out = '';
  const put = (b2: number, b1: number, b0: number, chars: number) => {
    let word = (b2 << 16) | (b1 << 8) | b0;
    for (let i = 0; i < chars; i++, word >>= 6) out += ALPHABET[word & 0x3f];
  };
  for (let k = 0; k < 21; k++) {
    const [a, b, c] = [digest[k]!, digest[k + 21]!, digest[k + 42]!];
    if (k % 3 === 0) put(a, b, c, 4);
    else if (k % 3 === 1) put(b, c, a, 4);
    else put(c, a, b, 4);
  }
  put(0, 0, digest[63]!, 2);
  return out;
}

/**
 * Hashes a password with SHA-512 crypt, the `$6$` scheme of glibc (Ulrich Drepper's "Unix crypt using
 * SHA-256 and SHA-512"), byte for byte what `openssl passwd -6 -salt <salt> <password>` prints.
 *
 * @param password - the password (UTF-8); any length.
 * @param salt - 1 to 16 characters of `[./0-9A-Za-z]`.
 * @default salt: 16 random characters from `node:crypto`
 * @param options - {@link Sha512CryptOptions}
 * @returns `$6$<salt>$<86 characters>` (or `$6$rounds=N$<salt>$...` when `rounds` is not 5000).
 * @throws {ValidationError} when the salt is not 1 to 16 characters of `[./0-9A-Za-z]`, or `rounds` is
 *   not a whole number from 1,000 to 999,999,999.
 * @example
 * ```ts
 * const hash = sha512Crypt('correct horse battery staple');
 * // '$6$Qx7.../...$...': put it in cloud-init's chpasswd list or /etc/shadow
 * ```
 */
export function sha512Crypt(password: string, salt?: string, options?: Sha512CryptOptions): string {
  const rounds = options?.rounds ?? DEFAULT_ROUNDS;
  const fields: Record<string, string[]> = {};
  if (typeof password !== 'string') fields.password = ['must be a string'];
  if (salt !== undefined && (typeof salt !== 'string' || !SALT.test(salt)))
    fields.salt = ['must be 1 to 16 characters of letters, digits, "." and "/"'];
  if (!Number.isInteger(rounds) || rounds < MIN_ROUNDS || rounds > MAX_ROUNDS)
    fields.rounds = [`must be a whole number from ${MIN_ROUNDS} to ${MAX_ROUNDS}`];
  if (Object.keys(fields).length > 0)
    throw new ValidationError(`Invalid SHA-512 crypt input: ${Object.keys(fields).join(', ')}`, { fields });
  const saltText = salt ?? randomSalt();
  const p = Buffer.from(password, 'utf8');
  const s = Buffer.from(saltText, 'utf8');

  // Digest B: password, salt, password.
  const b = sha512(p, s, p);
  // Digest A: password, salt, B stretched to the password's length, then per bit of that length B or P.
  const a = createHash('sha512').update(p).update(s).update(stretch(b, p.length));
  for (let n = p.length; n > 0; n >>>= 1) a.update(n & 1 ? b : p);
  let c = a.digest();
  // The P and S sequences: digests of the password (salt) repeated, stretched to its length.
  const pSeq = stretch(sha512(...Array<Buffer>(p.length).fill(p)), p.length);
  const sSeq = stretch(sha512(...Array<Buffer>(16 + c[0]!).fill(s)), s.length);

  for (let i = 0; i < rounds; i++) {
    const round = createHash('sha512');
    round.update(i & 1 ? pSeq : c);
    if (i % 3 !== 0) round.update(sSeq);
    if (i % 7 !== 0) round.update(pSeq);
    round.update(i & 1 ? c : pSeq);
    c = round.digest();
  }
  const prefix = rounds === DEFAULT_ROUNDS ? '$6$' : `$6$rounds=${rounds}$`;
  return `${prefix}${saltText}$${encode(c)}`;
}
