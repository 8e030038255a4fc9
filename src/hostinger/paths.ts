/**
 * Hostinger's API origin and the id path rule bound to the provider name; the generic path
 * helpers come from the adapter kit.
 *
 * @internal
 * @module
 */
import { apiPath, domainPath, numericIdPath } from '../kit/paths.js';

export { apiPath, domainPath };

/** Hostinger's API host. */
export const DEFAULT_BASE_URL = 'https://developers.hostinger.com';

/** The path of a numeric id (VM, public key...); a non-integer id is refused before any request. */
export function idPath(base: string, id: string, field = 'id', ...rest: string[]): string {
  return numericIdPath('hostinger', base, id, field, ...rest);
}

/**
 * The absolute URL of a domain's DNS zone: `new URL(buildZoneUrl(d)).pathname` is
 * `'/api/dns/v1/zones/' + d` for every valid `d`.
 * @throws {ValidationError} when the domain is not a valid name (`..`, `/`, `?`, `#`, `%`...).
 */
export function buildZoneUrl(domain: string, baseUrl: string = DEFAULT_BASE_URL): string {
  return `${baseUrl.replace(/\/+$/, '')}/${domainPath('api/dns/v1/zones', domain)}`;
}
