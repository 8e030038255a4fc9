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
}
