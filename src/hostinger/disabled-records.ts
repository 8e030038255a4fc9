/**
 * Hostinger's disabled records (`is_disabled: true`, switched off in hPanel). Its API lists them but
 * cannot write them: a PUT that replaces a record set writes every value enabled, and one that leaves a
 * value out deletes it. So a write that replaces or deletes a set holding a disabled record is refused,
 * naming the record, before anything is sent: the record is never lost silently, nor switched back on.
 *
 * @internal
 * @module
 */
import type { DnsRecordType } from '../core/dns.js';
import { ConflictError } from '../core/errors.js';
import type { RRsetWire } from './zone-wire.js';

/** How long a listing's view of the disabled records is trusted by a write that follows it. */
const FRESH_MS = 30_000;

export const setKey = (name: string, type: string): string =>
  `${name === '' ? '@' : name.toLowerCase()}\u0000${type.toUpperCase()}`;

/** The disabled values of each record set of one zone listing (`name\0TYPE` → contents). */
export type DisabledSets = Map<string, string[]>;

/** The disabled values of a zone as listed, by record set. */
export function disabledSets(zone: readonly RRsetWire[]): DisabledSets {
  const out: DisabledSets = new Map();
  for (const set of zone) {
    for (const r of set.records) {
      if (r.is_disabled !== true) continue;
      const key = setKey(set.name, set.type);
      const list = out.get(key) ?? [];
      list.push(r.content.trim());
      out.set(key, list);
    }
  }
  return out;
}

/**
 * Remembers, per zone, what the last listing showed, so that a write right after a read (as `applyPlan`
 * re-reads the zone before its batch) needs no second read. A view older than 30 s is not used.
 */
export interface DisabledRecordsMemo {
  /** Records what a listing of `domain` showed. */
  note(domain: string, zone: readonly RRsetWire[]): void;
  /** What a recent listing of `domain` showed, or `undefined` when there is none. */
  recent(domain: string): DisabledSets | undefined;
  /** After a write that replaced or deleted `sets`: they hold no disabled record any more. */
  written(domain: string, sets: ReadonlyArray<{ name: string; type: string }>): void;
}

/** A new, empty {@link DisabledRecordsMemo}. Zones are keyed as the DNS rules hand them on: normalized. */
export function disabledRecordsMemo(): DisabledRecordsMemo {
  const seen = new Map<string, { at: number; sets: DisabledSets }>();
  return {
    note: (domain, zone) => void seen.set(domain, { at: Date.now(), sets: disabledSets(zone) }),
    recent(domain) {
      const last = seen.get(domain);
      return last && Date.now() - last.at <= FRESH_MS ? last.sets : undefined;
    },
    written(domain, sets) {
      const last = seen.get(domain);
      for (const { name, type } of sets) last?.sets.delete(setKey(name, type));
    },
  };
}

/**
 * Throws when one of `sets` holds a disabled record.
 * @throws {ConflictError} naming the set and its disabled values; nothing has been sent.
 */
export function refuseDisabled(
  domain: string,
  disabled: DisabledSets,
  sets: ReadonlyArray<{ name: string; type: DnsRecordType }>,
  action: 'replace' | 'delete' | 'remove one value of',
): void {
  const hits: string[] = [];
  for (const { name, type } of sets) {
    const values = disabled.get(setKey(name, type));
    if (values?.length) hits.push(`${name} ${type} (${values.map((v) => JSON.stringify(v)).join(', ')})`);
  }
  if (hits.length === 0) return;
  const shown = [...new Set(hits)].join('; ');
  throw new ConflictError(
    `Cannot ${action} record sets of ${domain} that hold a record disabled in hPanel: ${shown}. Hostinger's API cannot write a disabled record, so this write would lose it; enable or delete it in hPanel first. Nothing was written`,
    { provider: 'hostinger' },
  );
}
