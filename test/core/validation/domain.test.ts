import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidationError } from '../../../src/core/errors.js';
import { normalizeDomain, normalizeHostname, normalizeRecordName } from '../../../src/core/validation/index.js';

function fieldsOf(fn: () => unknown): Record<string, string[]> {
  try {
    fn();
  } catch (error) {
    expect(isValidationError(error)).toBe(true);
    return (error as { fields: Record<string, string[]> }).fields;
  }
  throw new Error('expected a ValidationError');
}

describe('validation: domain names', () => {
  it('accepts every fc.domain() value and its A-label has labels ≤ 63 octets and ≤ 253 in total', () => {
    fc.assert(
      fc.property(fc.domain(), (domain) => {
        const ascii = normalizeDomain(domain);
        expect(ascii).toBe(domain.toLowerCase());
        expect(ascii.length).toBeLessThanOrEqual(253);
        for (const label of ascii.split('.')) expect(new TextEncoder().encode(label).length).toBeLessThanOrEqual(63);
      }),
      { numRuns: 500 },
    );
  });

  it("converts an IDN to its A-label ('bücher.de' → 'xn--bcher-kva.de')", () => {
    expect(normalizeDomain('bücher.de')).toBe('xn--bcher-kva.de');
    expect(normalizeDomain('BÜCHER.de.')).toBe('xn--bcher-kva.de');
  });

  it('lowercases and drops one trailing dot', () => {
    expect(normalizeDomain('Example.COM.')).toBe('example.com');
  });

  it('rejects a 64-octet label but accepts 63', () => {
    expect(normalizeDomain(`${'a'.repeat(63)}.com`)).toBe(`${'a'.repeat(63)}.com`);
    expect(fieldsOf(() => normalizeDomain(`${'a'.repeat(64)}.com`))).toHaveProperty('domain');
  });

  it('rejects a 254-character name but accepts 253', () => {
    const label = 'a'.repeat(62);
    const ok = `${label}.${label}.${label}.${label}.com`.slice(2); // 4 × 63 + 3 - 2 = 253
    expect(ok.length).toBe(253);
    expect(normalizeDomain(ok)).toBe(ok);
    const tooLong = `a${ok}`;
    expect(tooLong.length).toBe(254);
    expect(fieldsOf(() => normalizeDomain(tooLong))).toHaveProperty('domain');
  });

  it.each([
    '-a.com',
    'a-.com',
    'a..b',
    'ex ample.com',
    '1.2.3.4',
    'example.com/evil',
    'example.com?x',
    'example.com#x',
    'example.com%2f',
    'example.com extra',
    'example.com:443',
    ' example.com',
    'example.com\n',
    '.',
    '..',
    '',
    'localhost',
    'under_score.com',
    'user@example.com',
    '*.example.com',
  ])('rejects %j with a ValidationError naming the field', (bad) => {
    expect(fieldsOf(() => normalizeDomain(bad, 'records.0.domain'))).toHaveProperty(['records.0.domain']);
  });

  it('uses "domain" as the default field name', () => {
    expect(Object.keys(fieldsOf(() => normalizeDomain('a..b')))).toEqual(['domain']);
  });
});

describe('validation: record names', () => {
  it.each([
    ['@', '@'],
    ['www', 'www'],
    ['WWW', 'www'],
    ['_dmarc', '_dmarc'],
    ['*', '*'],
    ['*.dev', '*.dev'],
    ['a.b', 'a.b'],
    ['s1._domainkey', 's1._domainkey'],
  ])('accepts %j as %j', (input, expected) => {
    expect(normalizeRecordName(input)).toBe(expected);
  });

  it.each(['', 'www.', 'a..b', 'a b', 'a/b', 'www.*', '-x', `${'a'.repeat(64)}`, 'a@b'])('rejects %j', (bad) => {
    expect(fieldsOf(() => normalizeRecordName(bad))).toHaveProperty('name');
  });
});

describe('validation: host name targets', () => {
  it('lowercases and removes the trailing dot', () => {
    expect(normalizeHostname('Mail.Example.COM.')).toBe('mail.example.com');
  });

  it('accepts underscore labels used by DKIM targets', () => {
    expect(normalizeHostname('s1._domainkey.sendgrid.net')).toBe('s1._domainkey.sendgrid.net');
  });

  it.each(['1.2.3.4', '1.2.3', '::1', 'a..b', 'a b'])('rejects %j', (bad) => {
    expect(fieldsOf(() => normalizeHostname(bad))).toHaveProperty('content');
  });
});
