/**
 * What a provider supplies to {@link createDnsCapability}: how its zone is read and how record sets are
 * written, nothing more.
 *
 * @module
 */
import type { CallOptions } from '../core/call-options.js';
import type { DnsLimits, DnsRecordInput, DnsRecordType } from '../core/dns.js';

/** One record set as {@link DnsSource.write} receives it: every record of one `name` + `type`, one TTL. */
export interface DnsSetReplacement {
  /** Relative to the zone, lower case; `@` is the apex. */
  name: string;
  /** Upper case. */
  type: DnsRecordType;
  /** Seconds; the TTL of every record of the set. */
  ttl: number;
  /**
   * The set's records after the write, at least one; `content` is normalized, without the priority. `ttl`
   * is given only when it differs from the set's (a provider with `limits.ttl: 'per-record'`).
   */
  records: Array<{ content: string; priority?: number; ttl?: number }>;
}

/** The record sets one change writes: sets replaced (or created) whole, and sets removed. */
export interface DnsSetChanges {
  /** Sets that hold exactly these records after the write (created when absent). */
  replace: DnsSetReplacement[];
  /** Sets removed entirely. Never a set that is also in `replace`. */
  delete: Array<{ name: string; type: DnsRecordType }>;
}

/** Values {@link DnsSource.removeRecords} takes out of one set: the very records `read` returned. */
export interface DnsSetRemoval {
  /** Relative to the zone, lower case; `@` is the apex. */
  name: string;
  /** Upper case. */
  type: DnsRecordType;
  /** At least one; the objects `read` returned, so a provider finds the value exactly as its API stores it. */
  records: DnsRecordInput[];
}

/** One record as {@link DnsSource.read} returns it. */
export interface DnsSourceRecord extends DnsRecordInput {
  /**
   * `true` for a record the provider keeps but does not serve or cannot write back (switched off in its
   * panel, say). It is listed by nobody (`list` and plans leave it out), and a write that would replace or
   * delete its set is refused with a `ConflictError` naming it, before `write` is called: the record is
   * never lost unseen. Adding values to its set through `addRecords`, or taking one out through
   * `removeRecords`, keeps it. A source whose `read` marks records sets {@link DnsSource.disabledHint}.
   * @default false
   */
  disabled?: boolean;
}

/** Options {@link DnsSource.write} receives. */
export interface DnsWriteOptions extends CallOptions {
  /**
   * The zone as {@link DnsSource.read} returned it for this change (the very objects it returned, so a
   * provider that writes record by record finds its own ids there without reading again). Absent when
   * `writeSets` or the `delete` of a whole set wrote without reading (see {@link DnsSource.blindSetWrites}).
   * Disabled records are there too.
   */
  current?: readonly DnsSourceRecord[];
  /** From `writeSets`: call it after each write request that landed (`done` of `total`), if you can count them. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * A provider's DNS as the kit sees it. {@link createDnsCapability} turns it into a full `DnsCapability`.
 *
 * @example
 * ```ts
 * const source: DnsSource = {
 *   provider: 'example',
 *   read: async (domain) => (await api.get(`zones/${domain}/records`)).map(fromWire),
 *   write: async (domain, changes) => {
 *     await api.patch(`zones/${domain}`, { replace: changes.replace, delete: changes.delete });
 *   },
 * };
 * ```
 */
export interface DnsSource {
  /** The registry name of the provider: the `provider` of every error the kit throws. */
  provider: string;
  /**
   * The whole zone, one entry per record, the SOA left out: names relative (`@` the apex), MX/SRV
   * priority in `priority`, TXT unquoted. A zone that does not exist is a `NotFoundError`. Records the
   * provider keeps but does not serve are returned marked `disabled: true` (see {@link DnsSourceRecord}).
   */
  read(domain: string, options?: CallOptions): Promise<DnsSourceRecord[]>;
  /**
   * Writes every changed set of one call at once. Called only when something changes, after the whole
   * input was validated.
   */
  write(domain: string, changes: DnsSetChanges, options?: DnsWriteOptions): Promise<void>;
  /**
   * The provider's own reset, when it has one.
   * @default deletes every record set but the apex NS, in one `write`
   */
  reset?(domain: string, options?: CallOptions): Promise<void>;
  /**
   * The record types the provider accepts; a record of another type is a `ValidationError` before any read.
   * @default every type of `DNS_RECORD_TYPES`
   */
  recordTypes?: DnsRecordType[];
  /**
   * What the provider can store, shown as the group's `limits` (`planZone` checks desired records against
   * them). With `ttl: 'per-record'`, `writeSets` accepts a set whose records have different TTLs and hands
   * each record's `ttl` to `write`.
   * @default none (one TTL per set)
   */
  limits?: DnsLimits;
  /**
   * Adds values to record sets in one request the API applies on its own, keeping every value already in
   * the set, also one that another client added after `read` (an RRset "append" action, Hostinger's
   * `overwrite: false`). A set that is absent is created with `ttl`; an existing one has that TTL already.
   * Each set lists only the values to add. With it, `create` and `update` without `overwrite` never lose a
   * value written at the same time by someone else; without it they write the whole set read before.
   * @default none (the set is replaced whole through `write`)
   */
  addRecords?(domain: string, sets: DnsSetReplacement[], options?: DnsWriteOptions): Promise<void>;
  /**
   * Removes values from record sets in one request the API applies on its own (a set left empty goes
   * away), keeping every other value, also one added after `read`. Used by `delete` with `content`.
   * @default none (the rest of the set is written back through `write`)
   */
  removeRecords?(domain: string, sets: DnsSetRemoval[], options?: DnsWriteOptions): Promise<void>;
  /**
   * A key naming where the zone is stored (e.g. `powerdns <server URL> <zone>`). The kit runs its
   * read-then-write calls (and `reset`) of one key one at a time, across every provider instance in the
   * process, so two of them never write the same set from the same stale read. Writers in other
   * processes are not covered: they need a lock of their own, or `addRecords` / `removeRecords`.
   * @default none (calls run side by side)
   */
  lockKey?(domain: string): string;
  /**
   * `true` when `write` replaces and deletes whole sets without needing the zone (an RRset API): then
   * `writeSets` sends the validated sets straight to `write` without reading the zone first, one request
   * fewer (`applyPlan` re-reads the zone just before). The provider's API then judges the result against
   * the rest of the zone (a CNAME beside other records), and unchanged sets are written again. `delete`
   * of a whole set (no `content`) is then sent straight to `write` too, even when the set is absent (with
   * {@link DnsSource.disabledHint}, after a read unless the zone was read in the last 30 s).
   * @default false
   */
  blindSetWrites?: boolean;
  /**
   * `true` when one `write` is carried out all or nothing (PowerDNS applies a PATCH in one transaction):
   * a refusal from it (an HTTP 4xx answer) then left the zone as it was, and `applyPlan` does not report
   * the zone as partly written. Without it, an error from `write` may follow writes that landed, unless
   * `write` marks it with `markNothingWritten`.
   * @default false
   */
  atomicWrites?: boolean;
  /**
   * Set it when `read` may mark records `disabled: true`: where a user enables or deletes such a record,
   * as the advice that ends the `ConflictError` of a write refused because of one ("Enable or delete it
   * <hint> first", e.g. `in hPanel`). With it, a write that replaces or deletes sets without reading the
   * zone (`blindSetWrites`) reads it first, unless a read by the same capability in the last 30 s showed
   * its disabled records.
   * @default none (advice "where it is kept"; a write that did not read is checked only against such a read)
   */
  disabledHint?: string;
}
