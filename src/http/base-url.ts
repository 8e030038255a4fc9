import { ValidationError } from '../core/errors.js';

// Names that never reach the public internet. A public-looking name that resolves to a private
// address (DNS rebinding) is not caught here: that needs egress filtering at the network layer.
const PRIVATE_SUFFIXES = ['localhost', 'local', 'internal', 'localdomain', 'home.arpa', 'lan', 'intranet'];

function reject(field: string, problem: string): never {
  throw new ValidationError(`Invalid ${field}: ${problem}`, { fields: { [field]: [problem] } });
}

/**
 * Checks a base URL that arrives over the REST API or from a stored config's `extra`.
 *
 * With `allowUnsafe` false (the default) it must be `https://` to a public host name: no IP literal
 * in any spelling (`127.0.0.1`, `0x7f.1`, `2130706433`, `[::1]`, `169.254.169.254`), no
 * `localhost`/`.local`/`.internal` or single-label name, no `user:password@`. With `allowUnsafe`
 * (tests, local simulators) any `http(s)://` URL passes.
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
  if (!host.includes('.')) reject(field, 'must be a public host name');
  if (PRIVATE_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) {
    reject(field, 'must be a public host name');
  }
}

/**
 * Checks the `base_url` of a provider config's `extra`, when there is one.
 * @throws {ValidationError} naming `extra.base_url`.
 */
export function assertSafeExtra(extra: Readonly<Record<string, string>> | undefined, allowUnsafe: boolean): void {
  const baseUrl = extra?.base_url;
  if (baseUrl !== undefined) assertSafeBaseUrl(baseUrl, { allowUnsafe });
}
