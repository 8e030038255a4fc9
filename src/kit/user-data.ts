/**
 * cloud-init user data: the SDK's root-password set-up (only a SHA-512 crypt hash of the password, never
 * the password) merged with the caller's own document, and the size check every adapter applies.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { ValidationError } from '../core/errors.js';
import { sha512Crypt } from './sha512-crypt.js';

/** The MIME type cloud-init reads each kind of document as, by its first line. */
const KINDS: ReadonlyArray<[prefix: string, type: string]> = [
  ['#cloud-config', 'text/cloud-config'],
  ['#!', 'text/x-shellscript'],
  ['#cloud-boothook', 'text/cloud-boothook'],
  ['#include', 'text/x-include-url'],
  ['## template: jinja', 'text/jinja2'],
];

function invalid(provider: string, message: string): ValidationError {
  return new ValidationError(`Invalid user_data: ${message}`, { fields: { user_data: [message] }, provider });
}

/**
 * The cloud-config that sets root's password from its SHA-512 crypt hash and allows password log-in.
 * @example
 * ```ts
 * const userData = passwordCloudConfig('correct horse battery staple');
 * // '#cloud-config\nssh_pwauth: true\nchpasswd:\n  expire: false\n  list: |\n    root:$6$...'
 * ```
 */
export function passwordCloudConfig(password: string): string {
  return `#cloud-config\nssh_pwauth: true\nchpasswd:\n  expire: false\n  list: |\n    root:${sha512Crypt(password)}\n`;
}

/**
 * The MIME type of a user-data document, from its first line.
 * @throws {ValidationError} naming `user_data` for a document cloud-init would not run.
 */
export function userDataType(userData: string, provider: string): string {
  const found = KINDS.find(([prefix]) => userData.startsWith(prefix));
  if (!found) {
    throw invalid(provider, 'must start with "#cloud-config", "#!" (a script), "#cloud-boothook" or "#include"');
  }
  return found[1];
}

/**
 * One user-data document with the SDK's set-up first and the caller's after it: the set-up alone when
 * the caller has none, else a MIME multi-part archive of both, which cloud-init runs part by part.
 * @throws {ValidationError} naming `user_data` when the caller's document is not one cloud-init runs.
 * @example
 * ```ts
 * const userData = mergeUserData(passwordCloudConfig(request.password), request.user_data, 'digitalocean');
 * ```
 */
export function mergeUserData(setup: string, userData: string | undefined, provider: string): string {
  if (userData === undefined || userData === '') return setup;
  const type = userDataType(userData, provider);
  const boundary = `==setec-${randomBytes(12).toString('hex')}==`;
  const part = (contentType: string, filename: string, body: string) =>
    `--${boundary}\nContent-Type: ${contentType}; charset="utf-8"\nMIME-Version: 1.0\n` +
    `Content-Disposition: attachment; filename="${filename}"\n\n` +
    `${body.endsWith('\n') ? body : `${body}\n`}`;
  return (
    `Content-Type: multipart/mixed; boundary="${boundary}"\nMIME-Version: 1.0\n\n` +
    part('text/cloud-config', 'setec-setup', setup) +
    part(type, 'user-data', userData) +
    `--${boundary}--\n`
  );
}

/**
 * Checks the document the provider will receive against its limit.
 * @throws {ValidationError} naming `user_data`, with both sizes, when it is larger.
 */
export function assertUserDataFits(document: string, limit: number, provider: string): void {
  const bytes = Buffer.byteLength(document, 'utf8');
  if (bytes > limit) {
    throw invalid(provider, `is ${bytes} bytes with the password set-up; ${provider} takes at most ${limit}`);
  }
}
