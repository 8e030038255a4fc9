/**
 * One factory per capability group, for code that needs only one of them: a DNS-only script that
 * imports `createHostingerDns` does not bundle the VPS, domain or billing code.
 *
 * @module
 */
import type { BillingCapability } from '../core/billing.js';
import type { DnsCapability } from '../core/dns.js';
import type { DomainsCapability } from '../core/domains.js';
import type { SshKeysCapability } from '../core/ssh-keys.js';
import type { VpsCapability } from '../core/vps.js';
import { createBilling } from './billing.js';
import { createHostingerClient } from './client.js';
import { createDnsOnly } from './dns.js';
import { createDomains } from './domains.js';
import type { HostingerProviderOptions } from './options.js';
import { createSshKeys } from './ssh-keys.js';
import { createVps } from './vps.js';

/**
 * The DNS group of one Hostinger account, on its own, for the smallest bundle: the records API of
 * `createHostingerProvider(options).dns` (same options and behaviour) without the optional
 * `writeSets`. `applyPlan` of `setec-hosting/zone` still works with it, one record set at a time; for
 * plans of many sets, `createHostingerProvider(options).dns` writes any plan in at most 4 requests
 * (7 when it swaps a CNAME for another type at one name).
 *
 * @throws {ValidationError} when `apiKey` is empty.
 * @example
 * ```ts
 * import { createHostingerDns } from 'setec-hosting/hostinger';
 *
 * const dns = createHostingerDns({ apiKey: process.env.HOSTINGER_API_TOKEN! });
 * console.log(await dns.list('example.com'));
 * ```
 */
export function createHostingerDns(options: HostingerProviderOptions): DnsCapability {
  return createDnsOnly(createHostingerClient(options));
}

/**
 * The domains group of one Hostinger account, on its own.
 * @throws {ValidationError} when `apiKey` is empty.
 */
export function createHostingerDomains(options: HostingerProviderOptions): DomainsCapability {
  return createDomains(createHostingerClient(options));
}

/**
 * The VPS group of one Hostinger account, on its own.
 * @throws {ValidationError} when `apiKey` is empty.
 */
export function createHostingerVps(options: HostingerProviderOptions): VpsCapability {
  return createVps(createHostingerClient(options));
}

/**
 * The SSH keys group of one Hostinger account, on its own.
 * @throws {ValidationError} when `apiKey` is empty.
 */
export function createHostingerSshKeys(options: HostingerProviderOptions): SshKeysCapability {
  return createSshKeys(createHostingerClient(options));
}

/**
 * The billing group of one Hostinger account, on its own.
 * @throws {ValidationError} when `apiKey` is empty.
 */
export function createHostingerBilling(options: HostingerProviderOptions): BillingCapability {
  return createBilling(createHostingerClient(options));
}
