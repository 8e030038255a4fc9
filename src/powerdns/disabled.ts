/**
 * PowerDNS's disabled records (`disabled: true`: kept in the database, never served). `list` leaves them
 * out, and a REPLACE of their set writes only the records it names (a DELETE removes them with the set), so
 * a write that replaces or deletes such a set would erase them unseen. It is refused, naming the records,
 * before anything is sent, as on Hostinger. Only `reset` removes them, as it removes every set.
 *
 * @internal
 * @module
 */
import { ConflictError, type DnsRecordType } from '../index.js';
import type { RRSetWire } from './wire.js';

/** How long a listing's view of the disabled records is trusted by a write that follows it. */
const FRESH_MS = 30_000;

/** Relative `name` + `type` of a set (`@` the apex), lower-case name, upper-case type. */
const setKey = (name: string, type: string) => `${name.toLowerCase()}\u0000${type.toUpperCase()}`;

/** The disabled values of each set of one zone, by {@link setKey}. */
export type DisabledSets = Map<string, string[]>;

/** The disabled values of a zone as the GET lists it, by set. */
export function disabledSets(rrsets: readonly RRSetWire[], zone: string): DisabledSets {
  const apex = `${zone.toLowerCase()}.`;
  const out: DisabledSets = new Map();
  for (const set of rrsets) {
    const values = set.records.filter((r) => r.disabled === true).map((r) => r.content);
    if (values.length === 0) continue;
    const fqdn = set.name.toLowerCase();
    out.set(setKey(fqdn === apex ? '@' : fqdn.slice(0, -(apex.length + 1)), set.type), values);
  }
  return out;
}

/**
 * What the last listing of each zone showed, so that a write right after a read (`create`, `update`, or
 * `applyPlan`, which re-reads the zone before its PATCH) needs no second read. Older than 30 s: not used.
 */
export class DisabledRecordsMemo {
  readonly #seen = new Map<string, { at: number; sets: DisabledSets }>();

  /** Records what a listing of `zone` showed. */
  note(zone: string, sets: DisabledSets): void {
    this.#seen.set(zone, { at: Date.now(), sets });
  }

  /** What a recent listing of `zone` showed, or `undefined` when there is none. */
  recent(zone: string): DisabledSets | undefined {
    const seen = this.#seen.get(zone);
    return seen && Date.now() - seen.at <= FRESH_MS ? seen.sets : undefined;
  }

  /** After a PATCH that replaced or deleted `sets`: they hold no disabled record any more. */
  written(zone: string, sets: ReadonlyArray<{ name: string; type: string }>): void {
    const seen = this.#seen.get(zone);
    for (const { name, type } of sets) seen?.sets.delete(setKey(name, type));
  }
}

/**
 * Throws when one of the sets a write replaces or deletes holds a disabled record.
 * @throws {ConflictError} naming the sets and their disabled values; nothing has been sent.
 */
export function refuseDisabled(
  zone: string,
  disabled: DisabledSets,
  sets: ReadonlyArray<{ name: string; type: DnsRecordType }>,
  action: 'replace' | 'delete',
): void {
  const hits = sets.flatMap(({ name, type }) => {
    const values = disabled.get(setKey(name, type));
    return values ? [`${name} ${type} (${values.map((v) => JSON.stringify(v)).join(', ')})`] : [];
  });
  if (hits.length === 0) return;
  throw new ConflictError(
    `Cannot ${action} record sets of ${zone} that hold a disabled record: ${hits.join('; ')}. This write would erase it unseen; enable or delete it on the server first. Nothing was written`,
    { provider: 'powerdns' },
  );
}
