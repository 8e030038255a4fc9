/**
 * The DNS group of the Hetzner adapter on its own, for code that manages zones only: a bundle that imports
 * nothing else carries no server, SSH-key or price code.
 *
 * @module
 */
import type { DnsCapability } from '../core/dns.js';
import { HetznerClient } from './client.js';
import { createDns } from './dns.js';
import type { HetznerProviderOptions } from './options.js';

/**
 * The DNS group of one Hetzner Cloud project, on its own: the same `dns` as `createHetznerProvider(options).dns`.
 * @throws {ValidationError} when `apiKey` is empty.
 * @example
 * ```ts
 * import { createHetznerDns } from 'setec-hosting/hetzner';
 *
 * const dns = createHetznerDns({ apiKey: process.env.HCLOUD_TOKEN! });
 * await dns.update('example.com', [{ type: 'TXT', name: '_acme-challenge', content: token }]);
 * ```
 */
export function createHetznerDns(options: HetznerProviderOptions): DnsCapability {
  return createDns(new HetznerClient(options));
}
