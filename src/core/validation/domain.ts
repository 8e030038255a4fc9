/**
 * Domain names, record names and host name targets: syntax checks and normalisation to the
 * lowercase ASCII (A-label) form that providers and URLs expect.
 *
 * @module
 */
import { isIPv4 } from './ip.js';
import { fail, quote } from './fail.js';

const MAX_NAME = 253;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// Service and DKIM names (`_dmarc`, `s1._domainkey`) need underscores; they are never zone names.
const SERVICE_LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
// Characters that would change the meaning of a URL or a path; rejected before any conversion.
const UNSAFE = /[\s/?#%\\@:[\]<>^|"'`{}!$&()+,;=~\u0000-\u001f\u007f]/u;
const NON_ASCII = /[^\u0000-\u007f]/u;

/** IDN → A-label with the platform's WHATWG URL parser (UTS #46); `undefined` when it refuses. */
function toAscii(name: string): string | undefined {
  if (!NON_ASCII.test(name)) return name.toLowerCase();
  try {
    return new URL(`http://${name}`).hostname;
  } catch {
    return undefined;
  }
}

function labelsOf(input: string, field: string, what: string, allowTrailingDot: boolean): string[] {
  if (typeof input !== 'string' || input.length === 0) fail(field, `must be a non-empty ${what}`);
  if (UNSAFE.test(input))
    fail(field, `${quote(input)} is not a valid ${what}: it contains a space or a reserved character`);
  let name = input;
  if (allowTrailingDot && name.endsWith('.') && name.length > 1) name = name.slice(0, -1);
  const ascii = toAscii(name);
  if (ascii === undefined) fail(field, `${quote(input)} is not a valid ${what}`);
  if (ascii.length > MAX_NAME) fail(field, `is longer than ${MAX_NAME} characters`);
  return ascii.split('.');
}

function checkLabels(labels: string[], pattern: RegExp, input: string, field: string, what: string): void {
  for (const label of labels) {
    if (label.length === 0) fail(field, `${quote(input)} is not a valid ${what}: empty label`);
    if (label.length > 63) fail(field, `has a label longer than 63 characters`);
    if (!pattern.test(label)) fail(field, `${quote(input)} is not a valid ${what}: bad label ${quote(label)}`);
  }
}

/**
 * Normalises a domain (zone) name: lowercase A-label (`bücher.de` → `xn--bcher-kva.de`), no trailing
 * dot, at least two labels, letters/digits/hyphens only, labels ≤ 63 and total ≤ 253 characters.
 *
 * @param field - The field name used in the error, e.g. `'domain'`.
 * @throws {ValidationError} for an IP address, `..`, `.`, `/ ? # %`, whitespace, a label that starts or ends
 *   with `-`, or a name that is too long.
 * @example
 * ```ts
 * normalizeDomain('Bücher.DE.'); // 'xn--bcher-kva.de'
 * ```
 */
export function normalizeDomain(domain: string, field = 'domain'): string {
  const labels = labelsOf(domain, field, 'domain name', true);
  if (isIPv4(labels.join('.'))) fail(field, `must be a domain name, not an IP address`);
  checkLabels(labels, LDH_LABEL, domain, field, 'domain name');
  if (labels.length < 2) fail(field, `${quote(domain)} must have at least two labels (e.g. example.com)`);
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) fail(field, `${quote(domain)} has a numeric top-level label`);
  return labels.join('.');
}

/**
 * Normalises a host name used as a record target (CNAME, NS, MX, SRV): lowercase A-label, trailing
 * dot removed. Underscore labels are allowed (`s1._domainkey.example.net`); IP addresses are not.
 *
 * @throws {ValidationError} when the target is an IP address or not a host name.
 */
export function normalizeHostname(host: string, field = 'content'): string {
  const labels = labelsOf(host, field, 'host name', true);
  const joined = labels.join('.');
  if (isIPv4(joined) || /^\d+$/.test(labels[labels.length - 1] ?? '')) {
    fail(field, `must be a host name, not an IP address`);
  }
  checkLabels(labels, SERVICE_LABEL, host, field, 'host name');
  return joined;
}

/**
 * Normalises a zone-relative record name: `'@'` for the apex, otherwise lowercase labels such as
 * `'www'`, `'_dmarc'`, `'*'`, `'*.dev'` or `'a.b'`.
 *
 * @throws {ValidationError} for an empty name, a trailing dot (names are relative), a `*` that is not the
 *   first label, or a bad label.
 * @example
 * ```ts
 * normalizeRecordName('WWW'); // 'www'
 * ```
 */
export function normalizeRecordName(name: string, field = 'name'): string {
  if (name === '@') return '@';
  if (typeof name === 'string' && name.endsWith('.')) {
    fail(field, `${quote(name)} must be relative to the zone (no trailing dot; '@' is the apex)`);
  }
  const labels = labelsOf(name, field, "record name ('@' for the apex)", false);
  const [first, ...rest] = labels;
  checkLabels(first === '*' ? rest : labels, SERVICE_LABEL, name, field, 'record name');
  return labels.join('.');
}
