/**
 * `setec-hosting`: one typed interface for DNS, domains, VPS, SSH keys and billing across hosting
 * providers. This entry holds the model, the registry, the errors and the credential stores; it
 * has no side effects and pulls in no HTTP or parsing library. Adapters live in their own entries
 * (`setec-hosting/hostinger`); what a provider author needs (the DNS rules, the HTTP client, input
 * checks, record ids, the spending guard) is in `setec-hosting/provider-kit`.
 *
 * @example
 * ```ts
 * import { registerProvider, createProvider, requireCapability } from 'setec-hosting';
 * import { hostinger } from 'setec-hosting/hostinger';
 *
 * registerProvider(hostinger);
 * const provider = createProvider('hostinger', { api_key: token });
 * console.log(await requireCapability(provider, 'dns').list('example.com'));
 * ```
 *
 * @module
 */
export type { CallOptions } from './core/call-options.js';
export type { PurchaseOptions } from './core/spending.js';
export type { Provider, CapabilityName } from './core/provider.js';
export { requireCapability, CAPABILITY_NAMES } from './core/provider.js';
export type {
  DnsCapability,
  DnsRecord,
  DnsRecordInput,
  DnsRecordType,
  DnsUpdateOptions,
  DnsDeleteOptions,
  DnsRecordSetChanges,
  DnsRecordSetKey,
  DnsLimits,
  DnsWriteSetsOptions,
} from './core/dns.js';
export { DNS_RECORD_TYPES } from './core/dns.js';
export type {
  AvailabilityOptions,
  DomainsCapability,
  Domain,
  DomainAvailability,
  DomainPurchaseRequest,
} from './core/domains.js';
export type {
  VpsCapability,
  VirtualMachine,
  CreateVirtualMachineRequest,
  CreateVirtualMachineOptions,
  CreateVmSnapshotOptions,
  DataCenter,
  VmActionOptions,
  VmSnapshot,
  VmWait,
  VmWaitForOptions,
  VmWaitingOptions,
  VmWaitOptions,
} from './core/vps.js';
export type { SshKeysCapability, SshKey } from './core/ssh-keys.js';
export type { BillingCapability, Subscription, CatalogItem } from './core/billing.js';
export type {
  ProviderCreateOptions,
  ProviderDefinition,
  ProviderExtraField,
  RegisterProviderOptions,
} from './core/registry.js';
export {
  ProviderRegistry,
  registerProvider,
  unregisterProvider,
  getProvider,
  listProviders,
  createProvider,
  defaultRegistry,
} from './core/registry.js';
export type {
  HostingErrorOptions,
  ValidationErrorOptions,
  RateLimitErrorOptions,
  ProviderAPIErrorOptions,
  ConfigStoreErrorOptions,
  ConfigStoreErrorReason,
} from './core/errors.js';
export {
  HostingError,
  ValidationError,
  AuthenticationError,
  NotFoundError,
  ProviderNotFoundError,
  ConflictError,
  RateLimitError,
  ProviderAPIError,
  TimeoutError,
  ErrNotSupported,
  ConfigStoreError,
  isHostingError,
  isValidationError,
  isAuthenticationError,
  isNotFoundError,
  isProviderNotFoundError,
  isConflictError,
  isRateLimitError,
  isProviderAPIError,
  isTimeoutError,
  isErrNotSupported,
  isConfigStoreError,
} from './core/errors.js';
export type { ProviderConfig, ConfigStore, ConfigChange } from './config/config-store.js';
export type { ProviderCredentials } from './core/provider-config.js';
export { assertProviderName, normalizeProviderConfig } from './config/config-store.js';
export { MemoryConfigStore } from './config/memory-store.js';
export { FileConfigStore } from './config/file-store.js';
export type { FileConfigStoreOptions, FileConfigStoreFs } from './config/file-store.js';
export { configureFromStore } from './config/configure.js';
export { EncryptedConfigStore } from './config/encrypted-store.js';
export type { EncryptedConfigStoreOptions } from './config/encrypted-store.js';
export type { ParsedPublicKey } from './core/ssh-key.js';
export { parsePublicKey, sshFingerprint } from './core/ssh-key.js';
