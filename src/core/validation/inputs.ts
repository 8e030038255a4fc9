/**
 * The input rules of the domain, VPS and SSH-key groups that every provider applies before anything
 * is sent or stored: one place, so that the adapters and the memory provider cannot drift apart.
 *
 * @module
 */
import { normalizeHostname } from './domain.js';
import { fail, FieldErrors, quote } from './fail.js';

/** The shortest root password a new VM accepts. */
export const VM_PASSWORD_MIN_LENGTH = 12;
/** The longest SSH key name. */
export const SSH_KEY_NAME_MAX_LENGTH = 255;
/** How many nameservers a domain takes: at least 2, at most 4. */
export const NAMESERVER_COUNT = { min: 2, max: 4 } as const;

const VM_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Checks a VM root password: a string of at least {@link VM_PASSWORD_MIN_LENGTH} characters.
 * @throws {ValidationError} naming `field`.
 */
export function checkVmPassword(password: unknown, field = 'password'): string {
  if (typeof password !== 'string' || password.length < VM_PASSWORD_MIN_LENGTH) {
    fail(field, `must be at least ${VM_PASSWORD_MIN_LENGTH} characters`);
  }
  return password;
}

/**
 * Normalises a VM host name: letters, digits and `-` in dot-separated labels (one label is enough),
 * at most 253 characters, lowercase; a trailing dot is removed.
 * @throws {ValidationError} naming `field`.
 * @example
 * ```ts
 * normalizeVmHostname('Web-1.Example.com'); // 'web-1.example.com'
 * ```
 */
export function normalizeVmHostname(hostname: unknown, field = 'hostname'): string {
  const text = typeof hostname === 'string' ? hostname.trim().toLowerCase().replace(/\.$/, '') : '';
  const labels = text.split('.');
  if (text === '' || text.length > 253 || !labels.every((label) => VM_LABEL.test(label))) {
    fail(field, `${quote(hostname)} must be a host name (letters, digits and "-" in dot-separated labels)`);
  }
  return text;
}

/**
 * Checks the fields of a VM creation request that need no provider data (password and host name).
 * @returns the normalised host name (`''` when invalid) and a message list per bad field.
 */
export function checkVmRequestFields(request: { password?: unknown; hostname?: unknown }): {
  hostname: string;
  fields: Record<string, string[]>;
} {
  const errors = new FieldErrors();
  errors.catch(() => checkVmPassword(request?.password));
  const hostname = errors.catch(() => normalizeVmHostname(request?.hostname)) ?? '';
  return { hostname, fields: errors.fields };
}

/**
 * Normalises an SSH key name: trimmed, 1 to {@link SSH_KEY_NAME_MAX_LENGTH} characters.
 * @throws {ValidationError} naming `name`.
 */
export function normalizeSshKeyName(name: unknown): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed === '' || trimmed.length > SSH_KEY_NAME_MAX_LENGTH) {
    fail('name', `must be 1 to ${SSH_KEY_NAME_MAX_LENGTH} characters`);
  }
  return trimmed;
}

/**
 * Normalises a domain's nameserver list: 2 to 4 host names (`nameservers.<i>` names a bad one),
 * lowercase, no trailing dot.
 * @throws {ValidationError} naming `nameservers` or `nameservers.<i>`.
 */
export function normalizeNameservers(nameservers: unknown): string[] {
  const { min, max } = NAMESERVER_COUNT;
  if (!Array.isArray(nameservers) || nameservers.length < min || nameservers.length > max) {
    fail('nameservers', `must list ${min} to ${max} host names`);
  }
  const errors = new FieldErrors();
  const hosts = nameservers.map((ns: unknown, i) =>
    errors.catch(() => normalizeHostname(ns as string, `nameservers.${i}`)),
  );
  errors.throwIfAny('Invalid nameservers');
  return hosts as string[];
}
