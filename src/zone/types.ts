import type { CallOptions } from '../core/call-options.js';
import type { DnsRecord, DnsRecordInput, DnsRecordType } from '../core/dns.js';

/** Options of {@link planZone}. */
export interface ZonePlanOptions {
  /**
   * Delete the record sets of the zone that `desired` does not mention.
   * `false` only creates and updates.
   * @default true
   */
  purge?: boolean;
  /**
   * Records never created, changed or deleted. An entry matches a set when its `name` (a glob:
   * `*` any run of characters, `?` one character, case-insensitive, e.g. `'_acme-challenge*'`) and its
   * `type` match; an entry without `name` matches every name, one without `type` every type. An entry
   * with `content` matches single records instead: a glob on the value, or for A/AAAA a CIDR block
   * (`'10.0.0.0/8'`): matching records in the zone stay as they are (another tool manages them) and
   * matching records in `desired` are left out.
   * @default []
   */
  ignore?: Array<{ name?: string; type?: DnsRecordType; content?: string }>;
  /**
   * The apex NS set: the zone's own name servers. `true` makes it what `desired` says (an empty set in
   * `desired` then leaves it alone); `false` never touches it. By default it is planned only when
   * `desired` names it and is not another zone's listing: records that carry an `id` (a `dns.list()`
   * result, a snapshot) are a copy, and a copy never moves the source's name servers onto the target.
   * The SOA is never planned: listings and zone files leave it out.
   * @default 'auto'
   */
  apexNs?: boolean | 'auto';
}

/** Options of {@link applyPlan}. */
export interface ApplyPlanOptions extends CallOptions {
  /**
   * Apply even a plan that updates or deletes more than `maxChangeRatio` of the zone's record sets.
   * A boolean: any other value is a `ValidationError`.
   * @default false
   */
  force?: boolean;
  /**
   * The largest share of the zone's record sets a plan may update or delete without `force`. It holds
   * per plan: successive plans can still empty a zone step by step. Zones of fewer than 10 record sets
   * have no limit.
   * @default 0.3
   */
  maxChangeRatio?: number;
  /**
   * Called as the zone is written: `done` of `total` record set changes, one call per change. With a
   * provider that writes many sets in one call, `done` and `total` count that provider's write requests
   * as each lands when it reports them (DigitalOcean does), else it is called once at the end.
   */
  onProgress?: (done: number, total: number) => void;
}

/** The zone exactly as it was read: plain JSON, so it can be kept in a file and restored later. */
export interface ZoneSnapshot {
  /** The provider's `name`, e.g. `'hostinger'`. */
  provider: string;
  /** The zone, normalized (lowercase A-label). */
  domain: string;
  /** When the zone was read (ISO-8601). */
  taken_at: string;
  /** The listing, one entry per record. */
  records: DnsRecord[];
}

/** One record set that differs between the zone and the desired records. */
export interface ZoneChange {
  /** `create`: the set is new; `update`: its records or TTL change; `delete`: it goes away. */
  action: 'create' | 'update' | 'delete';
  /** The set's name, relative to the zone (`@` is the apex). */
  name: string;
  type: DnsRecordType;
  /** The set's records as listed (empty for `create`). */
  before: DnsRecord[];
  /** The set's records after the change, `ttl` and `priority` filled in (empty for `delete`). */
  after: DnsRecordInput[];
}

/** What {@link planZone} found: the changes that make the zone match the desired records. */
export interface ZonePlan {
  /** The provider's `name`. */
  provider: string;
  /** The zone, normalized. */
  domain: string;
  /** One entry per record set that differs: deletes first, then updates, then creates. */
  changes: ZoneChange[];
  /** Record sets of the zone left as they are (ignored sets included). */
  unchanged: number;
  /** The zone exactly as read for this plan; `applyPlan` refuses to apply when the zone no longer matches it. */
  snapshot: ZoneSnapshot;
  /**
   * A diff for people: a summary line, then one line per record: `+` created, `-` deleted, `~` kept
   * with a new TTL (`ttl 3600 → 300`). No colour.
   */
  toString(): string;
  /**
   * The plan as plain JSON ({@link ZONE_PLAN_SCHEMA} describes it): what `JSON.stringify(plan)` writes.
   * `JSON.parse` of it is a plan `applyPlan` accepts; it applies exactly those changes, and refuses them
   * (nothing written) when the zone no longer matches `snapshot`.
   */
  toJSON(): ZonePlanJson;
}

/** A plan as plain JSON: {@link ZonePlan} without its methods, e.g. read back from a plan file. */
export type ZonePlanJson = Omit<ZonePlan, 'toString' | 'toJSON'>;
