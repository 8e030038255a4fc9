/**
 * DNS input validation shared by every provider: domain and record names, IP addresses, the
 * grammar of each record type and TXT quoting. Pure TypeScript, no dependencies.
 *
 * @module
 */
export { isIPv4, isIPv6, expandIPv6 } from './ip.js';
export { normalizeDomain, normalizeHostname, normalizeRecordName } from './domain.js';
export type { NormalizedDnsRecord } from './record.js';
export { DEFAULT_TTL } from './ttl.js';
export { normalizeRecord, validateRecords, assertZoneConsistent, sameRecord } from './record.js';
export { checkRecord, hostKey, recordIdentity, repeatsZone, sameIdentity, validateRecordsWith } from './record.js';
export {
  validateSetChanges,
  validateSetChangesWith,
  type ValidatedSetChanges,
  type ValidatedRecordSet,
} from './record-sets.js';
export { canonicalCaa, formatCaa, parseCaa, type CaaParts } from './caa.js';
export { TXT_CHUNK_BYTES, formatTxt, parseTxt, splitTxt } from './txt.js';
export {
  VM_PASSWORD_MIN_LENGTH,
  SSH_KEY_NAME_MAX_LENGTH,
  NAMESERVER_COUNT,
  checkVmPassword,
  normalizeVmHostname,
  checkVmRequestFields,
  normalizeSshKeyName,
  normalizeNameservers,
} from './inputs.js';
