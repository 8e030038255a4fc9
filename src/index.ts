/**
 * `setec-hosting`: one typed interface for DNS, domains, VPS, SSH keys and billing across hosting
 * providers. This entry holds the model, the registry, the errors and the credential stores; it
 * has no side effects and pulls in no HTTP or parsing library. Adapters live in their own entries
 * (`setec-hosting/hostinger`).
 *
 * @example
 * ```ts
 * import { registerProvider, createProvider, requireCapability } from 'setec-hosting';
 * import { hostinger } from 'setec-hosting/hostinger';
 *
 * registerProvider(hostinger);
 * const provider = createProvider('hostinger', { provider: 'hostinger', api_key: token, api_secret: '', extra: {}, connected: false });
 * console.log(await requireCapability(provider, 'dns').list('example.com'));
 * ```
 *
 * @module
 */
export type { CallOptions } from './core/call-options.js';
export type { PurchaseOptions, FoundPrice } from './core/spending.js';
export { checkMaxPrice, assertWithinMaxPrice } from './core/spending.js';
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
export { assignRecordIds } from './core/record-id.js';
export type { ProviderConfig, ConfigStore, ConfigChange } from './config/config-store.js';
export { assertProviderName, normalizeProviderConfig } from './config/config-store.js';
export { MemoryConfigStore } from './config/memory-store.js';
export { FileConfigStore } from './config/file-store.js';
export type { FileConfigStoreOptions, FileConfigStoreFs } from './config/file-store.js';
export { configureFromStore } from './config/configure.js';
export { EncryptedConfigStore } from './config/encrypted-store.js';
export type { EncryptedConfigStoreOptions } from './config/encrypted-store.js';
export type { ParsedPublicKey } from './core/ssh-key.js';
export { parsePublicKey, sshFingerprint } from './core/ssh-key.js';
export type { NormalizedDnsRecord } from './core/validation/index.js';
export {
  normalizeDomain,
  normalizeRecordName,
  normalizeHostname,
  isIPv4,
  isIPv6,
  normalizeRecord,
  validateRecords,
  assertZoneConsistent,
  sameRecord,
  formatTxt,
  parseTxt,
} from './core/validation/index.js';
export { validateSetChanges, recordIdentity } from './core/validation/index.js';
export type { ValidatedSetChanges, ValidatedRecordSet } from './core/validation/index.js';
export {
  VM_PASSWORD_MIN_LENGTH,
  SSH_KEY_NAME_MAX_LENGTH,
  NAMESERVER_COUNT,
  checkVmPassword,
  normalizeVmHostname,
  checkVmRequestFields,
  normalizeSshKeyName,
  normalizeNameservers,
} from './core/validation/index.js';
