import { expandIPv6, isIPv4 } from '../core/validation/index.js';

/** An address as bits, most significant first: 32 for IPv4, 128 for IPv6; `undefined` when not an address. */
function bitsOf(address: string): string | undefined {
  if (isIPv4(address))
    return address
      .split('.')
      .map((n) => Number(n).toString(2).padStart(8, '0'))
      .join('');
  const groups = expandIPv6(address);
  return groups?.map((g) => parseInt(g, 16).toString(2).padStart(16, '0')).join('');
}

/**
 * A CIDR block (`10.0.0.0/8`, `2001:db8::/32`) as a test of addresses, or `undefined` when `text` is not
 * one. An IPv4 block never matches an IPv6 address and the other way round.
 */
export function cidrMatcher(text: string): ((address: string) => boolean) | undefined {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(text);
  if (!match) return undefined;
  const bits = bitsOf(match[1] as string);
  const length = Number(match[2]);
  if (bits === undefined || length > bits.length) return undefined;
  const prefix = bits.slice(0, length);
  return (address) => {
    const other = bitsOf(address);
    return other !== undefined && other.length === bits.length && other.startsWith(prefix);
  };
}
