/**
 * A Hostinger write that swaps a CNAME for another type at one name (or the other way round). Hostinger
 * judges a write against the zone as it stands, so the new set validates only once the old one is gone:
 * such a write cannot be checked whole before anything is applied. It goes in this order instead:
 * 1. `/validate` of every replaced set at the other names (a refusal there changes nothing);
 * 2. `DELETE` of the swapped-out sets only;
 * 3. `/validate` of the swapped-in sets, then the `PUT` of every replaced set;
 * 4. `DELETE` of the other sets the write removes.
 * When step 3 fails, the swapped-out sets are put back as they were read just before, so a refused swap
 * leaves the zone as it was.
 *
 * @internal
 * @module
 */
import type { DnsRecordType } from '../core/dns.js';
import type { DnsSetChanges, DnsSetReplacement } from '../provider-kit/dns-source.js';
import { body, type SwapWriter, type ZoneWriteWire } from './dns-write.js';
import type { RRsetWire } from './zone-wire.js';

/** A write's sets split by whether they take part in a CNAME swap. */
export interface SwapSplit {
  /** Replaced sets at a name where no swap happens: they validate against the zone as it stands. */
  plain: DnsSetReplacement[];
  /** Replaced sets at a name where a removed set makes room for them. */
  swappedIn: DnsSetReplacement[];
  /** Removed sets that make room for a `swappedIn` set. */
  swappedOut: DnsSetChanges['delete'];
  /** The other removed sets. */
  otherDeletes: DnsSetChanges['delete'];
}

const collides = (a: { name: string; type: string }, b: { name: string; type: string }) =>
  a.name === b.name && (a.type === 'CNAME' || b.type === 'CNAME');

/**
 * How a write splits around its CNAME swaps, or `undefined` when it has none (the usual case: one
 * validation of everything, then the writes).
 */
export function splitSwaps(changes: DnsSetChanges): SwapSplit | undefined {
  const swappedIn = changes.replace.filter((set) => changes.delete.some((gone) => collides(gone, set)));
  if (swappedIn.length === 0) return undefined;
  const swappedOut = changes.delete.filter((gone) => swappedIn.some((set) => collides(gone, set)));
  const names = new Set(swappedIn.map((s) => s.name));
  return {
    plain: changes.replace.filter((set) => !names.has(set.name)),
    swappedIn: changes.replace.filter((set) => names.has(set.name)),
    swappedOut,
    otherDeletes: changes.delete.filter((gone) => !swappedOut.includes(gone)),
  };
}

/** A set to write back, as a zone PUT body's entry. */
export interface RestoredSet {
  name: string;
  type: DnsRecordType;
  ttl?: number;
  records: { content: string }[];
}

/**
 * The swapped-out sets as `zone` holds them, in the shape of a zone PUT body's entries: what puts them
 * back when the swap is refused. Contents go back exactly as Hostinger listed them.
 */
export function setsToRestore(zone: readonly RRsetWire[], gone: DnsSetChanges['delete']): RestoredSet[] {
  const out: RestoredSet[] = [];
  for (const set of zone) {
    const name = set.name === '' ? '@' : set.name.toLowerCase();
    const was = gone.find((g) => g.name === name && g.type === set.type.toUpperCase());
    const records = set.records.filter((r) => r.is_disabled !== true).map((r) => ({ content: r.content }));
    if (!was || records.length === 0) continue;
    out.push({ name, type: was.type, ...(typeof set.ttl === 'number' ? { ttl: set.ttl } : {}), records });
  }
  return out;
}

/**
 * The {@link SwapWriter} of the whole provider's DNS, in the order above. `readZone` reads the zone just
 * before (to put the old set back if the swap is refused) and refuses the write when a set it touches holds
 * a disabled record.
 */
export function createSwapWriter(
  readZone: (zone: string, changes: DnsSetChanges, signal: AbortSignal | undefined) => Promise<RRsetWire[]>,
): SwapWriter {
  return async (zone, changes, { validate, put, remove }, signal) => {
    const swaps = splitSwaps(changes);
    if (!swaps) return false;
    const fresh = await readZone(zone, changes, signal);
    // Everything that can be validated before a change is; the swapped-in sets only once room is made.
    if (swaps.plain.length > 0) await validate(body(swaps.plain, true));
    await remove(swaps.swappedOut);
    try {
      await validate(body(swaps.swappedIn, true));
      await put(body(changes.replace, true));
    } catch (error) {
      await putBack(error, setsToRestore(fresh, swaps.swappedOut), put);
      throw error;
    }
    await remove(swaps.otherDeletes);
    return true;
  };
}

/** After a refused swap: the swapped-out sets again, as they were. When that fails too, `error` says so. */
async function putBack(
  error: unknown,
  sets: RestoredSet[],
  put: (json: ZoneWriteWire) => Promise<unknown>,
): Promise<void> {
  if (sets.length === 0) return;
  try {
    await put({ overwrite: true, zone: sets });
  } catch (failure) {
    if (error instanceof Error) {
      const names = sets.map((s) => `${s.name} ${s.type}`).join(', ');
      error.message += ` (putting back ${names} failed too: ${failure instanceof Error ? failure.message : String(failure)})`;
    }
  }
}
