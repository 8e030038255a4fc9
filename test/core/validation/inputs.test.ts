import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/core/errors.js';
import {
  checkVmRequestFields,
  normalizeNameservers,
  normalizeSshKeyName,
  normalizeVmHostname,
} from '../../../src/core/validation/index.js';

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return Object.keys((error as ValidationError).fields);
  }
  throw new Error('expected a ValidationError');
};

describe('core: domain, VPS and SSH-key input rules', () => {
  it('a VM request needs a 12-character password and a host name of letters, digits and "-"', () => {
    expect(checkVmRequestFields({ password: 'twelve-chars', hostname: 'Web-1.Example.com.' })).toEqual({
      hostname: 'web-1.example.com',
      fields: {},
    });
    expect(Object.keys(checkVmRequestFields({ password: 'eleven-char', hostname: 'solo' }).fields)).toEqual([
      'password',
    ]);
    for (const hostname of ['bad host', '_svc.example.com', '-a.example.com', '', 'a'.repeat(64), undefined]) {
      expect(
        fieldsOf(() => normalizeVmHostname(hostname)),
        String(hostname),
      ).toEqual(['hostname']);
    }
  });

  it('an SSH key name is trimmed and 1 to 255 characters long', () => {
    expect(normalizeSshKeyName('  laptop  ')).toBe('laptop');
    expect(normalizeSshKeyName('k'.repeat(255))).toHaveLength(255);
    for (const name of ['', '   ', 'k'.repeat(256), 42])
      expect(fieldsOf(() => normalizeSshKeyName(name))).toEqual(['name']);
  });

  it('nameservers are 2 to 4 host names, lowercased, each bad one named by index', () => {
    expect(normalizeNameservers(['NS1.Example.net.', 'ns2.example.net'])).toEqual([
      'ns1.example.net',
      'ns2.example.net',
    ]);
    expect(fieldsOf(() => normalizeNameservers(['ns1.example.net']))).toEqual(['nameservers']);
    expect(fieldsOf(() => normalizeNameservers(Array(5).fill('ns.example.net')))).toEqual(['nameservers']);
    expect(fieldsOf(() => normalizeNameservers('ns1.example.net'))).toEqual(['nameservers']);
    expect(fieldsOf(() => normalizeNameservers(['ns1.example.net', 'bad host', '192.0.2.1']))).toEqual([
      'nameservers.1',
      'nameservers.2',
    ]);
  });
});
