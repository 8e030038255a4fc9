/**
 * Strict IP address syntax checks for DNS record content. "Strict" means the dotted-decimal and
 * RFC 4291 text forms only: no leading zeros, no hex or octal IPv4 parts, no short forms, no zone ids.
 *
 * @module
 */

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

/**
 * True when `s` is a dotted-decimal IPv4 address such as `192.0.2.1`.
 * `01.2.3.4`, `0x7f.0.0.1`, `1.2.3` and surrounding whitespace are all false.
 *
 * @example
 * ```ts
 * isIPv4('1.2.3.4');   // true
 * isIPv4('01.2.3.4');  // false
 * ```
 */
export function isIPv4(s: string): boolean {
  return typeof s === 'string' && IPV4.test(s);
}

/**
 * True when `s` is an IPv6 address in RFC 4291 text form (`::1`, `2001:db8::1`, `::ffff:192.0.2.1`).
 * Zone ids (`fe80::1%eth0`), brackets and whitespace are false.
 *
 * @example
 * ```ts
 * isIPv6('2001:db8::1');   // true
 * isIPv6('fe80::1%eth0');  // false
 * ```
 */
export function isIPv6(s: string): boolean {
  return typeof s === 'string' && expandIPv6(s) !== undefined;
}

/**
 * The eight hextets of an IPv6 address, lowercase and without leading zeros, or `undefined` when `s`
 * is not a strict IPv6 address. Used to compare two spellings of one address.
 */
export function expandIPv6(s: string): string[] | undefined {
  if (s.length > 45 || s.length < 2) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string): string[] | undefined => {
    if (part === '') return [];
    const groups = part.split(':');
    const out: string[] = [];
    for (const [i, g] of groups.entries()) {
      if (i === groups.length - 1 && g.includes('.')) {
        if (!isIPv4(g)) return undefined;
        const [a, b, c, d] = g.split('.').map(Number) as [number, number, number, number];
        out.push(((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
      } else if (HEXTET.test(g)) {
        out.push(parseInt(g, 16).toString(16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = parse(halves[0] ?? '');
  if (head === undefined) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const tail = parse(halves[1] ?? '');
  if (tail === undefined || head.length + tail.length > 7) return undefined;
  // An embedded IPv4 part is only allowed at the very end.
  if ((halves[0] ?? '').includes('.')) return undefined;
  return [...head, ...Array<string>(8 - head.length - tail.length).fill('0'), ...tail];
}
