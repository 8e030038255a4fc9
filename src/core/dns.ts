import type { CallOptions } from './call-options.js';

/** DNS record types every provider understands. */
export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA'] as const;

/** A DNS record type: `A AAAA CNAME MX TXT NS SRV CAA`. */
export type DnsRecordType = (typeof DNS_RECORD_TYPES)[number];

/** One DNS record, its fields named as in the REST API. */
export interface DnsRecord {
  /** `name/type/priority` (e.g. `@/MX/10`), plus a deterministic suffix when several records share those. */
  id: string;
  type: DnsRecordType;
  /** Relative to the zone; `@` is the apex. */
  name: string;
  /** The value, without the MX/SRV priority (that is in `priority`). TXT is unquoted. */
  content: string;
  /** Seconds. */
  ttl: number;
  /** MX/SRV priority; 0 for other types. */
  priority: number;
}

/** A record to write: a {@link DnsRecord} without `id`, `ttl` and `priority` optional. */
export interface DnsRecordInput {
  type: DnsRecordType;
  name: string;
  content: string;
  /** @default 14400 */
  ttl?: number;
  /** @default 0 */
  priority?: number;
}

/** Options of {@link DnsCapability.update}. */
export interface DnsUpdateOptions extends CallOptions {
  /**
   * `true` replaces the record sets (name + type) named in `records`, and only those;
   * `false` merges: present records are kept, missing ones added.
   * @default false
   */
  overwrite?: boolean;
}

/** Options of {@link DnsCapability.delete}. */
export interface DnsDeleteOptions extends CallOptions {
  /** Remove only the record with this content instead of the whole name + type set. */
  content?: string;
}

/** One record set: every record of one `name` + `type`. */
export interface DnsRecordSetKey {
  /** Relative to the zone; `@` is the apex. */
  name: string;
  type: DnsRecordType;
}

/** What {@link DnsCapability.writeSets} writes: record sets to replace and record sets to delete. */
export interface DnsRecordSetChanges {
  /**
   * Records whose `name` + `type` sets replace the sets of the same name and type (created when absent).
   * The records of one set share one TTL.
   * @default []
   */
  replace?: DnsRecordInput[];
  /**
   * Record sets to remove entirely; a set that does not exist is not an error. A set may not be both
   * replaced and deleted.
   * @default []
   */
  delete?: DnsRecordSetKey[];
}

/**
 * What a provider's DNS can store. `planZone` of `setec-hosting/zone` checks desired records against it and
 * refuses, naming the records, what the provider could not store, before anything is written. Every field
 * is optional; a field left out means "no limit beyond the SDK's own rules" (which already refuse a CNAME
 * at the apex and a TTL under 60 s).
 */
export interface DnsLimits {
  /**
   * Record types the provider stores.
   * @default every type of `DNS_RECORD_TYPES`
   */
  recordTypes?: readonly DnsRecordType[];
  /**
   * `'per-set'`: the records of one name + type share one TTL; `'per-record'`: each record keeps its own
   * (a listing may then hold a set with several TTLs, and such a set can be planned and restored).
   * @default 'per-set'
   */
  ttl?: 'per-set' | 'per-record';
  /** The lowest TTL the provider keeps, in seconds. */
  minTtl?: number;
  /** The highest TTL the provider keeps, in seconds. */
  maxTtl?: number;
  /** The most bytes (UTF-8) of one TXT value, all its strings together. */
  maxTxtBytes?: number;
}

/** Options of {@link DnsCapability.writeSets}. */
export interface DnsWriteSetsOptions extends CallOptions {
  /**
   * Called after each write request that landed: `done` of `total` requests. A provider that writes
   * every set in one or two requests may call it only at the end, or not at all.
   */
  onProgress?: (done: number, total: number) => void;
}

/**
 * DNS zone management. Rules every provider follows (checked by `testProvider`):
 * names are zone-relative, ids are stable while the zone is unchanged, `create` never overwrites,
 * `update` merges idempotently unless `overwrite`, and bad input is a `ValidationError` before any request.
 */
export interface DnsCapability {
  /**
   * Lists every record of the zone, one entry per record.
   * @throws {NotFoundError} when the zone does not exist.
   */
  list(domain: string, options?: CallOptions): Promise<DnsRecord[]>;
  /**
   * Adds one record and leaves every other record alone.
   * @throws {ValidationError} for a bad record (no request is made).
   * @throws {ConflictError} when the exact record already exists.
   */
  create(domain: string, record: DnsRecordInput, options?: CallOptions): Promise<void>;
  /**
   * Writes several records: merge (default) or replace the named record sets.
   * @throws {ValidationError} for a bad record (no request is made).
   */
  update(domain: string, records: DnsRecordInput[], options?: DnsUpdateOptions): Promise<void>;
  /** Removes every record of `name` + `type`, or only the one whose content is `options.content`. */
  delete(domain: string, name: string, type: DnsRecordType, options?: DnsDeleteOptions): Promise<void>;
  /** Resets the zone to the provider's defaults. Destructive. */
  reset(domain: string, options?: CallOptions): Promise<void>;
  /**
   * Optional: replaces and deletes many record sets at once, for providers whose API can write many sets
   * in one request (Hostinger: one validation, one replacing PUT and one DELETE, whatever the number of sets).
   * Every set named in `replace` ends up holding exactly its records there; every set in `delete` is gone;
   * every other set is left alone. The whole input is validated before anything is sent. A provider without
   * such an API leaves the method out, and `applyPlan` of `setec-hosting/zone` falls back to one
   * `update(..., { overwrite: true })` or `delete` per set.
   *
   * @throws {ValidationError} for a bad record, records of one set with different TTLs, or a set both
   *   replaced and deleted (nothing is sent).
   * @throws {ConflictError} when the result would break a zone rule (a CNAME beside another record).
   * @example
   * ```ts
   * await dns.writeSets?.('example.com', {
   *   replace: [{ type: 'A', name: 'www', content: '192.0.2.10', ttl: 300 }],
   *   delete: [{ name: 'old', type: 'CNAME' }],
   * });
   * ```
   */
  writeSets?(domain: string, changes: DnsRecordSetChanges, options?: DnsWriteSetsOptions): Promise<void>;
  /**
   * Optional: what the provider can store ({@link DnsLimits}). `planZone` refuses desired records beyond
   * these limits before anything is written.
   */
  readonly limits?: DnsLimits;
}
