/**
 * `setec-hosting/provider-kit`: what a provider author needs to write an adapter that behaves like the
 * built-in ones. `createDnsCapability` owns the SDK's DNS rules, so a provider supplies only how its zone
 * is read and how record sets are written; `createAdapterClient` with an {@link AdapterSpec} sends the
 * requests (key, retries, `Retry-After`, error classes, key-free errors) and `adapterDefinition` plugs
 * the provider into a registry. The input rules, record ids and the spending guard are here too.
 *
 * @example
 * ```ts
 * import { createDnsCapability } from 'setec-hosting/provider-kit';
 *
 * const zones = new Map([['example.com', [{ type: 'A' as const, name: '@', content: '192.0.2.1', ttl: 300 }]]]);
 * const dns = createDnsCapability({
 *   provider: 'example',
 *   read: async (domain) => zones.get(domain) ?? [],
 *   write: async (domain, changes) => {
 *     const gone = new Set([...changes.replace, ...changes.delete].map((s) => `${s.name} ${s.type}`));
 *     const kept = (zones.get(domain) ?? []).filter((r) => !gone.has(`${r.name} ${r.type}`));
 *     const added = changes.replace.flatMap((s) => s.records.map((r) => ({ ...r, name: s.name, type: s.type, ttl: s.ttl })));
 *     zones.set(domain, [...kept, ...added]);
 *   },
 * });
 * await dns.create('example.com', { type: 'TXT', name: '@', content: 'hello' });
 * ```
 *
 * @module
 */
export { createDnsCapability } from './dns-capability.js';
export { exclusive } from './zone-lock.js';
export type { KitDnsCapability } from './dns-capability.js';
export type {
  DnsSource,
  DnsSourceRecord,
  DnsSetChanges,
  DnsSetRemoval,
  DnsSetReplacement,
  DnsWriteOptions,
} from './dns-source.js';
export { isRefusal, markNothingWritten, wroteNothing } from '../core/write-outcome.js';
export { assignRecordIds } from '../core/record-id.js';
export { createVpsCapability } from './vps-capability.js';
export type { ActionProbe, VmPowerAction, VmSnapshotStarted, VpsSource } from './vps-source.js';
export { poll, readWait, DEFAULT_WAIT_INTERVAL_MS, DEFAULT_WAIT_TIMEOUT_MS } from './poll.js';
export type { PollOptions, PollResult } from './poll.js';
export { assertUserDataFits, mergeUserData, passwordCloudConfig, userDataType } from '../kit/user-data.js';

// The HTTP side of an adapter.
export type { AdapterSpec, ErrorBody } from '../kit/spec.js';
export { createAdapterClient, adapterDefinition } from '../kit/adapter.js';
export type { ApiClient, ApiClientOptions, ApiRequest, ApiResponse, HttpMethod } from '../kit/client.js';
export type { AdapterOptions, AdapterRetryOptions, SharedCooldownStore } from '../core/adapter-options.js';
export { apiPath, domainPath } from '../kit/paths.js';
export { readRetryAfter, readResetEpoch } from '../kit/retry-after.js';
export { wireSchema } from '../kit/wire-schema.js';
export type { WireIssue, WireOutput, WireResult, WireSchema } from '../kit/wire-schema.js';

// The spending guard of `domains.purchase` and `vps.create`.
export { checkMaxPrice, assertWithinMaxPrice } from '../core/spending.js';
export type { FoundPrice } from '../core/spending.js';

// Input rules: every check throws a ValidationError naming the field before anything is sent.
export type { NormalizedDnsRecord } from '../core/validation/index.js';
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
  canonicalCaa,
  formatCaa,
  parseCaa,
  validateSetChanges,
  recordIdentity,
} from '../core/validation/index.js';
export type { CaaParts, ValidatedSetChanges, ValidatedRecordSet } from '../core/validation/index.js';
export {
  VM_PASSWORD_MIN_LENGTH,
  SSH_KEY_NAME_MAX_LENGTH,
  NAMESERVER_COUNT,
  checkVmPassword,
  normalizeVmHostname,
  checkVmRequestFields,
  normalizeSshKeyName,
  normalizeNameservers,
} from '../core/validation/index.js';
