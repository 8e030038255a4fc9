import type { BillingCapability } from './billing.js';
import type { CallOptions } from './call-options.js';
import type { DnsCapability } from './dns.js';
import type { DomainsCapability } from './domains.js';
import { ErrNotSupported } from './errors.js';
import type { SshKeysCapability } from './ssh-keys.js';
import type { VpsCapability } from './vps.js';

/**
 * One configured connection to one hosting account. A provider omits a capability group it does
 * not have; a method inside a group it cannot do throws {@link ErrNotSupported}.
 */
export interface Provider {
  /** Registry key, lowercase, e.g. `'hostinger'`. */
  readonly name: string;
  /** Human name, e.g. `'Hostinger'`. */
  readonly displayName: string;
  /**
   * Makes one lightweight authenticated call.
   * @throws {AuthenticationError} when the credentials are rejected.
   */
  testConnection(options?: CallOptions): Promise<void>;
  readonly dns?: DnsCapability;
  readonly domains?: DomainsCapability;
  readonly vps?: VpsCapability;
  readonly sshKeys?: SshKeysCapability;
  readonly billing?: BillingCapability;
}

/** The capability groups a {@link Provider} may have. */
export type CapabilityName = 'dns' | 'domains' | 'vps' | 'sshKeys' | 'billing';

/** The capability groups, in a stable order. */
export const CAPABILITY_NAMES: readonly CapabilityName[] = ['dns', 'domains', 'vps', 'sshKeys', 'billing'];

/**
 * Returns a capability group, typed as present, or throws.
 *
 * @throws {ErrNotSupported} when the provider does not have the group.
 * @example
 * ```ts
 * const dns = requireCapability(provider, 'dns');
 * await dns.list('example.com');
 * ```
 */
export function requireCapability<K extends CapabilityName>(
  provider: Provider,
  capability: K,
): NonNullable<Provider[K]> {
  const group = provider[capability];
  if (group === undefined || group === null) throw new ErrNotSupported(provider.name, capability);
  return group as NonNullable<Provider[K]>;
}
