import type { DnsCapability } from '../../core/dns.js';
import { NotFoundError } from '../../core/errors.js';
import { validateRecords, type NormalizedDnsRecord } from '../../core/validation/index.js';
import { createDnsCapability } from '../../provider-kit/dns-capability.js';
import type { DnsSetChanges } from '../../provider-kit/dns-source.js';
import { checkSignal } from './state.js';
import type { MemoryState } from './state.js';

const setKey = (r: { name: string; type: string }) => `${r.name}\u0000${r.type}`;

/**
 * The zone with `changes` applied: a replaced set takes the place of the old one (new sets go at the
 * end), so listings keep their order.
 */
function applyChanges(records: readonly NormalizedDnsRecord[], changes: DnsSetChanges): NormalizedDnsRecord[] {
  const replaced = new Map(
    changes.replace.map((set) => [
      setKey(set),
      set.records.map((r) => ({
        type: set.type,
        name: set.name,
        content: r.content,
        ttl: set.ttl,
        priority: r.priority ?? 0,
      })),
    ]),
  );
  const deleted = new Set(changes.delete.map(setKey));
  const next: NormalizedDnsRecord[] = [];
  for (const r of records) {
    const key = setKey(r);
    if (deleted.has(key)) continue;
    const set = replaced.get(key);
    if (!set) next.push(r);
    else if (set.length > 0) {
      next.push(...set);
      replaced.set(key, []);
    }
  }
  for (const set of replaced.values()) next.push(...set);
  return next;
}

/**
 * The DNS group of the memory provider: its zones are arrays in memory, and the SDK's DNS rules come from
 * `createDnsCapability`, as for every other provider. A write replaces the zone in one step, so a rejected
 * write changes nothing.
 */
export function createMemoryDns(state: MemoryState): DnsCapability {
  const zone = (name: string): NormalizedDnsRecord[] => {
    const records = state.zones.get(name);
    if (!records) throw new NotFoundError(`DNS zone "${name}" does not exist`, { provider: state.provider });
    return records;
  };

  return createDnsCapability({
    provider: state.provider,
    async read(domain, options) {
      checkSignal(options);
      // Records hold only strings and numbers: a copy of each is a deep copy, much cheaper than
      // structuredClone on a large zone.
      return zone(domain).map((r) => ({ ...r }));
    },
    async write(domain, changes, options) {
      checkSignal(options);
      state.zones.set(domain, applyChanges(zone(domain), changes));
    },
    async reset(domain, options) {
      checkSignal(options);
      zone(domain);
      state.zones.set(domain, validateRecords(state.defaultRecords(domain)));
    },
  });
}
