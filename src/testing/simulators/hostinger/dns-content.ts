/** Server-side record checks and normalisation, as a DNS host applies them (deliberately independent of the SDK's own validation). */

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const LABEL = '[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?';
const HOSTNAME = new RegExp(`^${LABEL}(\\.${LABEL})*\\.?$`, 'i');
const RECORD_NAME = new RegExp(`^(@|\\*|(\\*\\.)?${LABEL}(\\.${LABEL})*)$`, 'i');

/** Dotted-quad IPv4 without leading zeros. */
export const isIPv4 = (value: string): boolean => IPV4.test(value);

/** IPv6 literal (no zone id), checked by the WHATWG URL parser. */
export function isIPv6(value: string): boolean {
  if (!/^[0-9a-f:.]+$/i.test(value) || !value.includes(':')) return false;
  try {
    return new URL(`http://[${value}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}

function isHostname(value: string): boolean {
  return value.length <= 254 && HOSTNAME.test(value) && !isIPv4(value.replace(/\.$/, ''));
}

const isUint = (value: string | undefined, max: number): boolean =>
  value !== undefined && /^\d{1,10}$/.test(value) && Number(value) <= max;

/** Returns why a record name is not acceptable, or `undefined`. */
export function checkName(name: string): string | undefined {
  return RECORD_NAME.test(name) && name.length <= 253 ? undefined : 'must be @ or a name relative to the zone';
}

/** Returns why `content` is not valid for `type`, or `undefined`. */
export function checkContent(type: string, content: string): string | undefined {
  if (content.trim() === '') return 'must not be empty';
  const parts = content.trim().split(/\s+/);
  switch (type) {
    case 'A':
      return isIPv4(content) ? undefined : 'must be a valid IPv4 address';
    case 'AAAA':
      return isIPv6(content) ? undefined : 'must be a valid IPv6 address';
    case 'CNAME':
    case 'NS':
    case 'ALIAS':
      return isHostname(content) ? undefined : 'must be a valid host name';
    case 'MX':
      return parts.length === 2 && isUint(parts[0], 65535) && isHostname(parts[1]!)
        ? undefined
        : 'must be "<priority> <host>"';
    case 'SRV':
      return parts.length === 4 &&
        isUint(parts[0], 65535) &&
        isUint(parts[1], 65535) &&
        isUint(parts[2], 65535) &&
        (parts[3] === '.' || isHostname(parts[3]!))
        ? undefined
        : 'must be "<priority> <weight> <port> <target>"';
    case 'CAA':
      return parts.length >= 3 && isUint(parts[0], 255) && /^[a-z0-9]{1,15}$/i.test(parts[1]!)
        ? undefined
        : 'must be "<flags> <tag> <value>"';
    default:
      return undefined;
  }
}

/** The stored form: TXT wrapped in double quotes unless it already is quoted. */
export function storedContent(type: string, content: string): string {
  if (type !== 'TXT') return content.trim();
  if (/^".*"$/s.test(content)) return content;
  return `"${content.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const host = (value: string): string => value.toLowerCase().replace(/\.$/, '');

/** Identity of a stored record for conflict checks: hostnames compare case- and trailing-dot-insensitively, TXT exactly. */
export function contentKey(type: string, stored: string): string {
  const parts = stored.split(/\s+/);
  switch (type) {
    case 'TXT':
      return stored;
    case 'CNAME':
    case 'NS':
    case 'ALIAS':
      return host(stored);
    case 'AAAA':
      return stored.toLowerCase();
    case 'MX':
    case 'SRV':
      return [...parts.slice(0, -1), host(parts.at(-1) ?? '')].join(' ');
    default:
      return stored;
  }
}
