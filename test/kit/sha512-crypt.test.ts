import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import { sha512Crypt } from '../../src/kit/sha512-crypt.js';

// OpenSSL's `passwd -6` computes the same hash independently; without the binary these checks skip.
const openssl = spawnSync('openssl', ['version'], { encoding: 'utf8' });
const available = openssl.status === 0;
if (!available && process.env.CI === 'true') throw new Error('openssl is missing: SHA-512 crypt is not cross-checked');
if (!available) console.log('openssl not found: SHA-512 crypt hashes are not cross-checked with `openssl passwd -6`');

function opensslHash(password: string, salt: string): string {
  const run = spawnSync('openssl', ['passwd', '-6', '-salt', salt, '-stdin'], {
    input: `${password}\n`,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout.trim();
}

describe('kit: sha512Crypt', () => {
  // Vectors published with the SHA-crypt algorithm (the reference implementation's own tests).
  it.each([
    [
      'Hello world!',
      'saltstring',
      5000,
      '$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1',
    ],
    [
      'Hello world!',
      'saltstringsaltst',
      10000,
      '$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.',
    ],
    [
      'we have a short salt string but not a short password',
      'short',
      77777,
      '$6$rounds=77777$short$WuQyW2YR.hBNpjjRhpYD/ifIw05xdfeEyQoMxIXbkvr0gge1a1x3yRULJ5CCaUeOxFmtlcGZelFl5CxtgfiAc0',
    ],
    [
      'a very much longer text to encrypt.  This one even stretches over morethan one line.',
      'anotherlongsalts',
      1400,
      '$6$rounds=1400$anotherlongsalts$POfYwTEok97VWcjxIiSOjiykti.o/pQs.wPvMxQ6Fm7I6IoYN3CmLs66x9t0oSwbtEW7o7UmJEiDwGqd8p4ur1',
    ],
  ])('hashes %j with salt %s and %i rounds to the published value', (password, salt, rounds, expected) => {
    expect(sha512Crypt(password, salt, { rounds })).toBe(expected);
  });

  it.skipIf(!available).each([
    ['correct horse battery staple', 'abcdefgh12345678'],
    ['c0rrect-Horse-battery', 'x'],
    ['pässwörd with ünïcode ✓', 'a./Zz09'],
    ['a', 'onecharacter'],
    ['x'.repeat(200), 'long'],
    ['quote\'s "and" $dollars$ \\ back', 'Q.Q/'],
  ])('matches `openssl passwd -6` for %j with salt %s', (password, salt) => {
    expect(sha512Crypt(password, salt)).toBe(opensslHash(password, salt));
  });

  it.skipIf(!available)('a random salt is 16 characters of the crypt alphabet, and openssl verifies the hash', () => {
    const first = sha512Crypt('long-enough-pw');
    const second = sha512Crypt('long-enough-pw');
    expect(first).toMatch(/^\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$/);
    expect(second).not.toBe(first);
    const salt = first.split('$')[2]!;
    expect(opensslHash('long-enough-pw', salt)).toBe(first);
  });

  it('refuses a salt outside the crypt alphabet or over 16 characters, and rounds out of range', () => {
    for (const salt of ['', 'has$dollar', 'has:colon', 'x'.repeat(17), 'new\nline'])
      expect(() => sha512Crypt('pw', salt)).toThrow(ValidationError);
    for (const rounds of [999, 1.5, 1_000_000_000])
      expect(() => sha512Crypt('pw', 'salt', { rounds })).toThrow(ValidationError);
  });

  it('the error names the field, never the password', () => {
    const error = (() => {
      try {
        sha512Crypt('my-secret-password', 'bad$salt');
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error?.fields).toHaveProperty('salt');
    expect(JSON.stringify(error) + String(error?.message)).not.toContain('my-secret-password');
  });
});
