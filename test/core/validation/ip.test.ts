import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandIPv6, isIPv4, isIPv6 } from '../../../src/core/validation/index.js';

describe('validation: IP addresses', () => {
  it('accepts dotted-decimal IPv4 and rejects leading zeros, hex, short forms, out-of-range and whitespace', () => {
    expect(isIPv4('1.2.3.4')).toBe(true);
    expect(isIPv4('255.255.255.255')).toBe(true);
    expect(isIPv4('0.0.0.0')).toBe(true);
    for (const bad of [
      '01.2.3.4',
      '0x7f.0.0.1',
      '1.2.3',
      '256.1.1.1',
      ' 1.2.3.4',
      '1.2.3.4 ',
      '1.2.3.4.5',
      '1.2.3.-4',
      '',
      '１.2.3.4',
    ]) {
      expect(isIPv4(bad), bad).toBe(false);
    }
  });

  it('accepts every IPv4 address fast-check generates', () => {
    fc.assert(fc.property(fc.ipV4(), (ip) => isIPv4(ip)));
  });

  it('accepts IPv6 ::1 and 2001:db8::1, rejects a zone id and an IPv4 address', () => {
    expect(isIPv6('::1')).toBe(true);
    expect(isIPv6('2001:db8::1')).toBe(true);
    expect(isIPv6('::ffff:192.0.2.1')).toBe(true);
    expect(isIPv6('1:2:3:4:5:6:7:8')).toBe(true);
    for (const bad of [
      'fe80::1%eth0',
      '1.2.3.4',
      '1::2::3',
      ':1',
      '1:2:3:4:5:6:7:8:9',
      '[::1]',
      '12345::',
      ' ::1',
      '::1.2.3',
      '1.2.3.4::',
    ]) {
      expect(isIPv6(bad), bad).toBe(false);
    }
  });

  it('accepts every IPv6 address fast-check generates', () => {
    fc.assert(fc.property(fc.ipV6(), (ip) => isIPv6(ip)));
  });

  it('expands two spellings of one IPv6 address to the same hextets', () => {
    expect(expandIPv6('2001:DB8:0:0:0:0:0:1')).toEqual(expandIPv6('2001:db8::1'));
    expect(expandIPv6('::1')).toEqual(['0', '0', '0', '0', '0', '0', '0', '1']);
  });
});
