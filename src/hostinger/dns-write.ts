/**
 * How record sets go over Hostinger's wire: `POST …/validate` then `PUT` of whole RRsets (`overwrite: true`
 * replaces the sets named, `overwrite: false` appends values to them), and `DELETE` with `{name, type}`
 * filters for sets removed. Any write is at most three requests, except one that swaps a CNAME for another
 * type at one name (`dns-swap.ts`).
 *
 * @internal
 * @module
 */
import type { DnsRecordType } from '../core/dns.js';
import { formatTxt } from '../core/validation/index.js';
import { markNothingWritten } from '../core/write-outcome.js';
import { MessageWire } from '../kit/parse-wire.js';
import type { DnsSetChanges, DnsSetReplacement, DnsSourceRecord, DnsWriteOptions } from '../provider-kit/dns-source.js';
import type { HostingerClient } from './client.js';
import { domainPath } from './paths.js';

/** Hostinger's DNS zones. */
export const ZONES = 'api/dns/v1/zones';

/** SDK record → Hostinger content: the priority goes back in front for MX/SRV, TXT is quoted. */
export function toWireContent(type: DnsRecordType, record: { content: string; priority?: number }): string {
  if (type === 'MX' || type === 'SRV') return `${record.priority ?? 0} ${record.content}`;
  if (type === 'TXT') return formatTxt(record.content);
  return record.content;
}

/** The body of PUT and `/validate`: RRsets to write. */
export interface ZoneWriteWire {
  overwrite: boolean;
  zone: Array<{ name: string; type: DnsRecordType; ttl?: number; records: { content: string }[] }>;
}

export const body = (sets: readonly DnsSetReplacement[], overwrite: boolean): ZoneWriteWire => ({
  overwrite,
  zone: sets.map((s) => ({
    name: s.name,
    type: s.type,
    ttl: s.ttl,
    records: s.records.map((r) => ({ content: toWireContent(s.type, r) })),
  })),
});

const same = (a: { content: string; priority?: number }, b: { content: string; priority?: number }) =>
  a.content === b.content && (a.priority ?? 0) === (b.priority ?? 0);

/**
 * When every change only adds values to its set (same TTL, nothing removed) and one of those sets is
 * already there, the sets holding just the added values: Hostinger appends them, keeping whatever else the
 * set holds. Otherwise (new sets only, or a value removed) the sets are replaced whole, which a retry cannot
 * double. (A set holding a record disabled in hPanel never comes here: the kit refuses such a write first.)
 */
function additions(changes: DnsSetChanges, current: readonly DnsSourceRecord[]): DnsSetReplacement[] | undefined {
  if (changes.delete.length > 0) return undefined;
  const out: DnsSetReplacement[] = [];
  let existing = false;
  for (const set of changes.replace) {
    const before = current.filter((r) => !r.disabled && r.name === set.name && r.type === set.type);
    if (before.some((r) => r.ttl !== set.ttl || !set.records.some((w) => same(w, r)))) return undefined;
    existing ||= before.length > 0;
    out.push({ ...set, records: set.records.filter((w) => !before.some((r) => same(w, r))) });
  }
  return existing ? out : undefined;
}

/**
 * The `addRecords` of Hostinger's DNS source: `POST …/validate`, then a `PUT` with `overwrite: false`,
 * which appends the values (creating a set that is absent) and keeps every value already there, one
 * written by someone else since the zone was read included. A value already there is a 4008 conflict.
 */
export function createZoneAppender(client: HostingerClient) {
  return async (zone: string, sets: DnsSetReplacement[], options?: DnsWriteOptions): Promise<void> => {
    const json = body(sets, false);
    const signal = options?.signal;
    const send = (method: 'POST' | 'PUT', path: string) =>
      // A replayed append is a conflict, so the PUT is not retried.
      client.request({ method, path, json, schema: MessageWire, idempotent: method === 'POST', signal });
    await send('POST', domainPath(ZONES, zone, 'domain', 'validate'));
    await send('PUT', domainPath(ZONES, zone));
  };
}

/** The requests of one write, for a {@link SwapWriter}. */
export interface ZoneRequests {
  validate(json: ZoneWriteWire): Promise<unknown>;
  put(json: ZoneWriteWire): Promise<unknown>;
  remove(sets: DnsSetChanges['delete']): Promise<void>;
}

/**
 * Writes `changes` when they swap a CNAME for another type at one name, and says whether it did. Only
 * `writeSets` can send such a write, so only the whole provider's DNS has one (`dns-swap.ts`).
 */
export type SwapWriter = (
  zone: string,
  changes: DnsSetChanges,
  requests: ZoneRequests,
  signal: AbortSignal | undefined,
) => Promise<boolean>;

/**
 * The `write` of Hostinger's DNS source: `/validate` of the replaced sets, the `DELETE`, then the `PUT`, or
 * the append of {@link additions}; a CNAME swap goes to `swap`. Without `swap` (the DNS-only group, whose
 * calls never replace and delete at one name), such a write is refused by `/validate` before anything is
 * written.
 */
export function createZoneWriter(client: HostingerClient, swap?: SwapWriter) {
  const write = async (zone: string, changes: DnsSetChanges, sent: { write: boolean }, options?: DnsWriteOptions) => {
    const signal = options?.signal;
    const put = (json: ZoneWriteWire) => {
      sent.write = true;
      // overwrite:false appends (a replay is a 4008 conflict); overwrite:true replaces, so it may be retried.
      return client.request({
        method: 'PUT',
        path: domainPath(ZONES, zone),
        json,
        schema: MessageWire,
        idempotent: json.overwrite,
        signal,
      });
    };
    const validate = (json: ZoneWriteWire) =>
      client.request({
        method: 'POST',
        path: domainPath(ZONES, zone, 'domain', 'validate'),
        json,
        schema: MessageWire,
        idempotent: true,
        signal,
      });
    const appended = options?.current && additions(changes, options.current);
    if (appended) {
      const json = body(appended, false);
      await validate(json);
      await put(json);
      return;
    }
    const remove = async (sets: DnsSetChanges['delete']) => {
      if (sets.length === 0) return;
      sent.write = true;
      await client.request({
        method: 'DELETE',
        path: domainPath(ZONES, zone),
        json: { filters: sets.map(({ name, type }) => ({ name, type })) },
        schema: MessageWire,
        signal,
      });
    };
    if (swap && (await swap(zone, changes, { validate, put, remove }, signal))) return;
    const json = body(changes.replace, true);
    if (changes.replace.length > 0) await validate(json);
    await remove(changes.delete);
    if (changes.replace.length > 0) await put(json);
  };
  // Until a DELETE or PUT is sent (the reads, the disabled-record check, /validate), nothing is written.
  return async (zone: string, changes: DnsSetChanges, options?: DnsWriteOptions): Promise<void> => {
    const sent = { write: false };
    try {
      await write(zone, changes, sent, options);
    } catch (error) {
      throw sent.write ? error : markNothingWritten(error);
    }
  };
}
