/**
 * Hetzner DNS (`/zones/{zone}/rrsets`): record sets of primary zones, through `createDnsCapability`.
 * A write sends one request per changed set (`set_records`, `create_rrset`, `DELETE`, plus `change_ttl`
 * when only the set's TTL moves) and then waits for all their actions at once, so a listing right
 * after it shows the change. Values are added with `add_records` and removed with `remove_records`,
 * which keep whatever else the set holds at that moment (a value another client just wrote included).
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { CallOptions } from '../core/call-options.js';
import { DNS_RECORD_TYPES, type DnsRecordInput, type DnsRecordType } from '../core/dns.js';
import { ConflictError, isNotFoundError } from '../core/errors.js';
import { createDnsCapability, type KitDnsCapability } from '../provider-kit/dns-capability.js';
import type { DnsSetChanges, DnsSetRemoval, DnsSetReplacement, DnsWriteOptions } from '../provider-kit/dns-source.js';
import { assertFits, filled, groupSets, type RecordSet } from '../provider-kit/dns-sets.js';
import { ActionAnswer, ActionWire, waitForActions } from './actions.js';
import type { HetznerClient } from './client.js';
import { recordFromValue, valueFromRecord } from './dns-values.js';
import { maybeNumber } from './kit.js';

const ZoneAnswer = z.looseObject({
  zone: z.looseObject({ id: z.number(), name: z.string(), mode: z.optional(z.string()), ttl: maybeNumber }),
});
const RRSetWire = z.looseObject({
  name: z.string(),
  type: z.string(),
  ttl: maybeNumber,
  records: z.array(z.looseObject({ value: z.string() })),
});
const CreateAnswer = z.looseObject({ action: z.optional(z.nullable(ActionWire)) });

const TYPES: readonly string[] = DNS_RECORD_TYPES;
const setKey = (name: string, type: string) => `${name}\u0000${type}`;
const enc = (s: string) => encodeURIComponent(s).replace(/^%40$/, '@');

/** `zones/{zone}/rrsets[/{name}/{type}[/...rest]]`, every part percent-encoded but `@` for the apex. */
const rrsetsPath = (zone: string, set?: { name: string; type: string }, ...rest: string[]) =>
  [`zones/${enc(zone)}/rrsets`, ...(set ? [enc(set.name), set.type] : []), ...rest].join('/');

/**
 * A listing younger than this stands for the zone in a `writeSets` that follows it (`applyPlan` re-reads just
 * before): for the CNAME rule and to choose between creating and overwriting a set, never to skip a write.
 */
const FRESH_MS = 30_000;

/** The CNAME rule on the zone after `changes`, which `writeSets` hands over without reading the zone. */
function assertChangesFit(zone: string, current: readonly DnsRecordInput[], changes: DnsSetChanges): void {
  const next = new Map<string, RecordSet | undefined>();
  for (const s of changes.delete) next.set(setKey(s.name, s.type), undefined);
  for (const s of changes.replace) {
    const records = s.records.map((r) => filled({ ...r, name: s.name, type: s.type, ttl: s.ttl }));
    next.set(setKey(s.name, s.type), { name: s.name, type: s.type, ttl: s.ttl, records });
  }
  assertFits('hetzner', zone, groupSets(current.map(filled)), next);
}

/** What the adapter remembers of a listed set for the write that follows. */
interface ListedSet {
  ttl: number;
  values: Set<string>;
}

/** The Hetzner implementation of the DNS capability. */
export function createDns(client: HetznerClient): KitDnsCapability {
  let last: { zone: string; at: number; records: DnsRecordInput[] } | undefined;
  // The value each listed record had on the wire, which `remove_records` must be sent back exactly.
  const stored = new WeakMap<DnsRecordInput, string>();

  const read = async (zone: string, options?: CallOptions): Promise<DnsRecordInput[]> => {
    const signal = options?.signal;
    const [{ zone: info }, sets] = await Promise.all([
      client.request({ method: 'GET', path: `zones/${enc(zone)}`, schema: ZoneAnswer, signal }),
      client.listAll(rrsetsPath(zone), 'rrsets', RRSetWire, { signal, perPage: 100 }),
    ]);
    const records: DnsRecordInput[] = [];
    for (const set of sets) {
      if (!TYPES.includes(set.type)) continue; // the SOA (Hetzner's own) and types the SDK does not model
      const type = set.type as DnsRecordType;
      const ttl = set.ttl ?? info.ttl ?? 3600;
      // Hetzner lists a set's values in no fixed order: sorted, the record ids stay stable.
      const values = set.records.map((r) => r.value).sort();
      for (const value of values) {
        const record = { type, name: set.name, ttl, ...recordFromValue(type, value, zone) };
        stored.set(record, value);
        records.push(record);
      }
    }
    last = { zone, at: Date.now(), records };
    return records;
  };

  /** The sets of the zone as the kit read it, with the values Hetzner stores. */
  const listedSets = (current: readonly DnsRecordInput[]) => {
    const sets = new Map<string, ListedSet>();
    for (const r of current) {
      const k = setKey(r.name, r.type);
      const set = sets.get(k) ?? { ttl: r.ttl ?? 3600, values: new Set<string>() };
      set.values.add(valueFromRecord(r.type, r));
      sets.set(k, set);
    }
    return sets;
  };

  const write = async (zone: string, changes: DnsSetChanges, options?: DnsWriteOptions) => {
    const signal = options?.signal;
    let current = options?.current;
    // Read in this very call: a set whose values are already those asked for is not written again.
    let justRead = current !== undefined;
    if (!current && changes.replace.length > 0) {
      // `writeSets` sends its sets without reading: a listing of the last 30 s stands for the zone.
      const fresh = last && last.zone === zone && Date.now() - last.at < FRESH_MS ? last.records : undefined;
      justRead = !fresh;
      current = fresh ?? (await read(zone, options));
      assertChangesFit(zone, current, changes);
    }
    last = undefined;
    const sets = listedSets(current ?? []);
    const actions: (ActionWire | null | undefined)[] = [];
    // A zone locked by an action still running (one of ours) is written again once those have ended.
    const settle = { beforeRetry: () => waitForActions(client, actions.splice(0), signal) };
    const post = async (path: string, json: unknown) =>
      (await client.request({ method: 'POST', path, json, schema: CreateAnswer, idempotent: false, signal }, settle))
        .action;
    // A set is deleted even when the listing did not show it: another client may have created it since.
    for (const set of changes.delete) {
      try {
        const answer = await client.request(
          { method: 'DELETE', path: rrsetsPath(zone, set), schema: ActionAnswer, signal },
          settle,
        );
        actions.push(answer.action);
      } catch (error) {
        if (!isNotFoundError(error)) throw error; // already gone: the outcome asked for
      }
    }
    // A set written where another was just deleted (a CNAME replacing an A) waits for the delete.
    const deleted = new Set(changes.delete.map((s) => s.name));
    if (changes.replace.some((s) => deleted.has(s.name))) await waitForActions(client, actions.splice(0), signal);
    for (const set of changes.replace) {
      const values = set.records.map((r) => valueFromRecord(set.type, r));
      const records = values.map((value) => ({ value }));
      const before = sets.get(setKey(set.name, set.type));
      const overwrite = async (ttl: number | undefined) => {
        const same = justRead && values.length === before?.values.size && values.every((v) => before.values.has(v));
        if (!same) actions.push(await post(rrsetsPath(zone, set, 'actions/set_records'), { records }));
        if (ttl !== set.ttl) actions.push(await post(rrsetsPath(zone, set, 'actions/change_ttl'), { ttl: set.ttl }));
      };
      const body = { name: set.name, type: set.type, ttl: set.ttl, records };
      // A listing can be out of date: a set created meanwhile is overwritten, one deleted meanwhile created.
      if (!before) {
        try {
          actions.push(await post(rrsetsPath(zone), body));
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
          await overwrite(undefined);
        }
        continue;
      }
      try {
        await overwrite(before.ttl);
      } catch (error) {
        if (!isNotFoundError(error)) throw error;
        actions.push(await post(rrsetsPath(zone), body));
      }
    }
    await waitForActions(client, actions, signal);
  };

  /** Sends one action per set, then waits for them all. */
  const perSet = async <S extends { name: string; type: string }>(
    zone: string,
    sets: readonly S[],
    action: string,
    json: (set: S) => unknown,
    options: DnsWriteOptions | undefined,
  ) => {
    last = undefined;
    const signal = options?.signal;
    const actions: (ActionWire | null | undefined)[] = [];
    const settle = { beforeRetry: () => waitForActions(client, actions.splice(0), signal) };
    for (const set of sets) {
      const path = rrsetsPath(zone, set, `actions/${action}`);
      try {
        const request = { path, json: json(set), schema: CreateAnswer, idempotent: false, signal };
        actions.push((await client.request({ method: 'POST', ...request }, settle)).action);
      } catch (error) {
        // `remove_records` of a set already gone: the values are gone too.
        if (!(action === 'remove_records' && isNotFoundError(error))) throw error;
      }
    }
    await waitForActions(client, actions, signal);
  };

  /** `add_records` per set (which creates a set that is absent); the TTL goes only with a new set. */
  const addRecords = (zone: string, sets: DnsSetReplacement[], options?: DnsWriteOptions) => {
    const listed = listedSets(options?.current ?? []);
    return perSet(
      zone,
      sets,
      'add_records',
      (set) => ({
        records: set.records.map((r) => ({ value: valueFromRecord(set.type, r) })),
        ...(listed.has(setKey(set.name, set.type)) ? {} : { ttl: set.ttl }),
      }),
      options,
    );
  };

  /** `remove_records` per set, with each value exactly as it was listed. */
  const removeRecords = (zone: string, sets: DnsSetRemoval[], options?: DnsWriteOptions) =>
    perSet(
      zone,
      sets,
      'remove_records',
      (set) => ({ records: set.records.map((r) => ({ value: stored.get(r) ?? valueFromRecord(set.type, r) })) }),
      options,
    );

  // One TTL per record set, 60 s to 2^31 - 1 (the API's range); TXT split into strings of 255 bytes.
  const limits = { ttl: 'per-set', minTtl: 60, maxTtl: 2147483647 } as const;
  return {
    ...createDnsCapability({ provider: 'hetzner', read, write, addRecords, removeRecords, blindSetWrites: true }),
    limits,
  };
}
