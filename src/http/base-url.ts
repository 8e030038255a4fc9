import { ValidationError } from '../core/errors.js';
import { isPublicAddress } from './public-address.js';

// Suffixes that never reach the public internet (reserved, cluster-internal or customary private names).
const PRIVATE_SUFFIXES = [
  'localhost',
  'local',
  'internal',
  'localdomain',
  'home.arpa',
  'arpa',
  'lan',
  'intranet',
  'svc',
  'corp',
  'home',
  'private',
  'test',
  'invalid',
  'example',
  'onion',
];
// Public names whose every subdomain resolves to loopback, or to the address written in the name.
const LOOPBACK_NAMES = ['localtest.me', 'lvh.me', 'vcap.me', 'lacolhost.com', 'localhost.direct', 'fuf.me'];
const ADDRESS_IN_NAME = ['nip.io', 'sslip.io', 'xip.io', 'traefik.me', 'backname.io', 'nip.direct'];

/** An IPv4 address written inside a host name: `127.0.0.1.nip.io`, `10-0-0-1.sslip.io`, `7f000001.nip.io`. */
function embeddedAddresses(host: string): string[] {
  const found: string[] = [];
  for (const match of host.matchAll(/(?:^|[.-])(\d{1,3}[.-]\d{1,3}[.-]\d{1,3}[.-]\d{1,3})(?=$|[.-])/g)) {
    found.push(match[1]!.replace(/-/g, '.'));
  }
  for (const label of host.split('.')) {
    if (/^[0-9a-f]{8}$/.test(label))
      found.push(
        label
          .match(/../g)!
          .map((h) => parseInt(h, 16))
          .join('.'),
      );
  }
  return found;
}

const under = (host: string, suffix: string) => host === suffix || host.endsWith(`.${suffix}`);

function reject(field: string, problem: string): never {
  throw new ValidationError(`Invalid ${field}: ${problem}`, { fields: { [field]: [problem] } });
}

/**
 * Checks a base URL that arrives over the REST API or from a stored config's `extra`.
 *
 * With `allowUnsafe` false (the default) it must be `https://` on the default port to a public host
 * name: no IP literal in any spelling (`127.0.0.1`, `0x7f.1`, `2130706433`, `[::1]`, `169.254.169.254`),
 * no single-label name, no internal suffix (`.svc`, `.corp`, `.internal`, `.local`, `.localhost`...), no
 * name that resolves to loopback by design (`localtest.me`) or embeds a private address
 * (`127.0.0.1.nip.io`), no port other than 443, no `user:password@`. Names are only half of it: the REST
 * API also checks the address a name resolves to when it connects. With `allowUnsafe` (tests, local
 * simulators) any `http(s)://` URL passes.
 *
 * @throws {ValidationError} naming `field`.
 */
export function assertSafeBaseUrl(value: string, options: { allowUnsafe?: boolean; field?: string } = {}): void {
  const field = options.field ?? 'extra.base_url';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return reject(field, 'must be an absolute URL');
  }
  if (options.allowUnsafe) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') reject(field, 'must be an http(s) URL');
    return;
  }
  if (url.protocol !== 'https:') reject(field, 'must use https');
  if (url.username !== '' || url.password !== '') reject(field, 'must not contain credentials');
  if (url.search !== '' || url.hash !== '') reject(field, 'must not have a query or fragment');
  // WHATWG URL has already canonicalised IPv4 spellings (`0x7f.1`, `2130706433` → `127.0.0.1`).
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host))
    reject(field, 'must be a host name, not an IP address');
  if (url.port !== '') reject(field, 'must use the default https port (443)');
  if (!host.includes('.')) reject(field, 'must be a public host name');
  if ([...PRIVATE_SUFFIXES, ...LOOPBACK_NAMES].some((suffix) => under(host, suffix))) {
    reject(field, 'must be a public host name');
  }
  const embedded = embeddedAddresses(host);
  if (ADDRESS_IN_NAME.some((suffix) => under(host, suffix)) && embedded.length === 0) {
    reject(field, 'must be a public host name');
  }
  if (embedded.some((address) => !isPublicAddress(address))) reject(field, 'must not name a private address');
}

/**
 * The exact origins of `urls` (`http://10.0.0.53:8081`), for `createHostingHandler`'s `trustedBaseUrls`.
 * @throws {TypeError} for an entry that is not an http(s) URL of an origin alone (no path, query, credentials).
 */
export function trustedOrigins(urls: readonly string[] | undefined): ReadonlySet<string> {
  const origins = new Set<string>();
  for (const entry of urls ?? []) {
    const url = URL.canParse(String(entry)) ? new URL(String(entry)) : undefined;
    if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username)
      throw new TypeError(`createHostingHandler: trustedBaseUrls entry "${String(entry)}" must be an http(s) origin`);
    origins.add(url.origin);
  }
  return origins;
}

/** True when `baseUrl` lies on one of the `trusted` origins (exactly: scheme, host and port). */
export function isTrustedBaseUrl(baseUrl: string | undefined, trusted: ReadonlySet<string>): boolean {
  if (baseUrl === undefined || trusted.size === 0 || !URL.canParse(baseUrl)) return false;
  const url = new URL(baseUrl);
  return trusted.has(url.origin) && url.username === '' && url.password === '';
}

/**
 * Checks the `base_url` of a provider config's `extra`, when there is one. A URL on a `trusted` origin
 * passes, private or plain http as it may be.
 * @throws {ValidationError} naming `extra.base_url`.
 */
export function assertSafeExtra(
  extra: Readonly<Record<string, string>> | undefined,
  allowUnsafe: boolean,
  trusted: ReadonlySet<string> = new Set(),
): void {
  const baseUrl = extra?.base_url;
  if (baseUrl !== undefined && !isTrustedBaseUrl(baseUrl, trusted)) assertSafeBaseUrl(baseUrl, { allowUnsafe });
}
