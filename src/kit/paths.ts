/**
 * Every adapter URL path is built here: each parameter is percent-encoded, and a domain is
 * validated (and turned into its lowercase A-label) before it becomes part of a URL.
 *
 * @module
 */
import { ValidationError } from '../core/errors.js';
import { normalizeDomain } from '../core/validation/index.js';

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

/**
 * The path of a numeric id (VM, public key...) under `base`; a non-integer id is refused before any
 * request with a `ValidationError` naming `field` and `provider`.
 */
export function numericIdPath(provider: string, base: string, id: string, field = 'id', ...rest: string[]): string {
  if (!/^[1-9]\d{0,15}$/.test(String(id))) {
    throw new ValidationError(`Invalid ${field} "${String(id).slice(0, 40)}": must be a positive integer`, {
      fields: { [field]: ['must be a positive integer'] },
      provider,
    });
  }
  return [apiPath(base, id), ...rest].join('/');
}
