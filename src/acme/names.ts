import { ValidationError } from '../core/errors.js';

/** The label every DNS-01 challenge record lives under. */
export const CHALLENGE_LABEL = '_acme-challenge';

const NAME = /^(?=.{1,253}$)(?:(?!-)[a-z0-9_-]{1,63}(?<!-)\.)+[a-z0-9-]{1,63}$/;

/**
 * The challenge record's fully qualified name (no trailing dot, lower case) for a domain, a wildcard or a
 * name that already starts with `_acme-challenge.` (as lego passes it).
 * @throws {ValidationError} when the name is not a domain name.
 */
export function challengeName(name: string): string {
  let fqdn = typeof name === 'string' ? name.trim().toLowerCase().replace(/\.$/, '') : '';
  if (fqdn.startsWith('*.')) fqdn = fqdn.slice(2);
  if (!fqdn.startsWith(`${CHALLENGE_LABEL}.`)) fqdn = `${CHALLENGE_LABEL}.${fqdn}`;
  if (!NAME.test(fqdn)) {
    throw new ValidationError(`"${String(name)}" is not a domain name`, { fields: { fqdn: ['is not a domain name'] } });
  }
  return fqdn;
}

/** Whether `fqdn` is `zone` or inside it. */
export function isInZone(fqdn: string, zone: string): boolean {
  return fqdn === zone || fqdn.endsWith(`.${zone}`);
}

/** `fqdn` relative to `zone` (`@` for the apex), as the SDK's DNS records name it. */
export function relativeName(fqdn: string, zone: string): string {
  return fqdn === zone ? '@' : fqdn.slice(0, -(zone.length + 1));
}

/** The value must be a non-empty TXT string without quotes or control characters. */
export function checkValue(value: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 255 || /["\\\u0000-\u001f\u007f]/.test(value)) {
    throw new ValidationError('the challenge value must be 1 to 255 printable characters without quotes', {
      fields: { value: ['must be 1 to 255 printable characters without quotes'] },
    });
  }
  return value;
}

/** Every suffix of `fqdn` with at least two labels, the longest first. */
export function parentNames(fqdn: string): string[] {
  const labels = fqdn.split('.');
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) out.push(labels.slice(i).join('.'));
  return out;
}
