/**
 * Every Hostinger URL path is built here: each parameter is percent-encoded, and a domain is
 * validated (and turned into its lowercase A-label) before it becomes part of a URL.
 *
 * @internal
 * @module
 */
import { ValidationError } from '../core/errors.js';
import { normalizeDomain } from '../core/validation/index.js';

/** Hostinger's API host. */
export const DEFAULT_BASE_URL = 'https://developers.hostinger.com';

/**
 * Joins a fixed path (no leading slash, e.g. `'api/dns/v1/zones'`) with parameters, each
 * percent-encoded, so `a/b`, `..` or `?` in a value can never change the path's shape.
 */
export function apiPath(base: string, ...params: (string | number)[]): string {
  return [base, ...params.map((p) => encodeURIComponent(String(p)))].join('/');
}

/**
 * The path of a domain's resource under `base`, e.g. `domainPath('api/dns/v1/zones', 'Example.com')`
 * → `'api/dns/v1/zones/example.com'`.
 * @throws {ValidationError} naming `field` when the domain is not a valid name.
 */
export function domainPath(base: string, domain: string, field = 'domain', ...rest: string[]): string {
  return [apiPath(base, normalizeDomain(domain, field)), ...rest].join('/');
}

/** The path of a numeric id (VM, public key...); a non-integer id is refused before any request. */
export function idPath(base: string, id: string, field = 'id', ...rest: string[]): string {
  if (!/^[1-9]\d{0,15}$/.test(String(id))) {
    throw new ValidationError(`Invalid ${field} "${String(id).slice(0, 40)}": must be a positive integer`, {
      fields: { [field]: ['must be a positive integer'] },
      provider: 'hostinger',
    });
  }
  return [apiPath(base, id), ...rest].join('/');
}

/**
 * The absolute URL of a domain's DNS zone: `new URL(buildZoneUrl(d)).pathname` is
 * `'/api/dns/v1/zones/' + d` for every valid `d`.
 * @throws {ValidationError} when the domain is not a valid name (`..`, `/`, `?`, `#`, `%`...).
 */
export function buildZoneUrl(domain: string, baseUrl: string = DEFAULT_BASE_URL): string {
  return `${baseUrl.replace(/\/+$/, '')}/${domainPath('api/dns/v1/zones', domain)}`;
}
