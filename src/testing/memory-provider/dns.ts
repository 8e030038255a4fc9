import { DNS_RECORD_TYPES } from '../../core/dns.js';
import type { DnsCapability, DnsRecordType } from '../../core/dns.js';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors.js';
import { assignRecordIds } from '../../core/record-id.js';
import {
  assertZoneConsistent,
  normalizeDomain,
  normalizeRecord,
  normalizeRecordName,
  sameRecord,
  validateRecords,
  validateSetChanges,
} from '../../core/validation/index.js';
import type { NormalizedDnsRecord } from '../../core/validation/index.js';
import { checkSignal, copy } from './state.js';
import type { MemoryState } from './state.js';

const setKey = (r: { name: string; type: string }) => `${r.name}\u0000${r.type}`;

// The input alone was already checked by the validators; a CNAME clash with records already in the
// zone is a conflict with the zone's state (409), not bad input.
function assertFits(state: MemoryState, zoneName: string, next: NormalizedDnsRecord[]): void {
  try {
    assertZoneConsistent(next);
  } catch (error) {
    const detail = error instanceof ValidationError ? Object.values(error.fields).flat().join('; ') : String(error);
    throw new ConflictError(`The change conflicts with records in ${zoneName}: ${detail}`, {
      provider: state.provider,
      cause: error,
    });
  }
}

function assertType(type: string): asserts type is DnsRecordType {
  if (!(DNS_RECORD_TYPES as readonly string[]).includes(type)) {
    throw new ValidationError(`Unknown DNS record type "${type}"`, {
      fields: { type: [`must be one of ${DNS_RECORD_TYPES.join(', ')}`] },
    });
  }
}

/**
 * The DNS group of the memory provider, with the SDK's DNS semantics: ids from `assignRecordIds`,
 * validation through the core helpers before any change, `create` never overwrites, merge is
 * idempotent, overwrite replaces only the named sets. Each write builds the new zone and commits it
 * only after the whole zone is consistent, so a rejected write changes nothing.
 */
export function createMemoryDns(state: MemoryState): DnsCapability {
  const zone = (domain: string): [string, NormalizedDnsRecord[]] => {
    const name = normalizeDomain(domain);
    const records = state.zones.get(name);
    if (!records) throw new NotFoundError(`DNS zone "${name}" does not exist`, { provider: state.provider });
    return [name, records];
  };

  return {
    async list(domain, options) {
      checkSignal(options);
      return assignRecordIds(copy(zone(domain)[1]));
    },

    async create(domain, record, options) {
      checkSignal(options);
      const next = normalizeRecord(record, '', normalizeDomain(domain));
      const [name, records] = zone(domain);
      if (records.some((r) => sameRecord(r, next))) {
        throw new ConflictError(`The record ${next.name} ${next.type} "${next.content}" already exists in ${name}`, {
          provider: state.provider,
        });
      }
      assertFits(state, name, [...records, next]);
      state.zones.set(name, [...records, next]);
    },

    async update(domain, records, options = {}) {
      checkSignal(options);
      const input = validateRecords(records, normalizeDomain(domain));
      const [name, current] = zone(domain);
      let next: NormalizedDnsRecord[];
      if (options.overwrite) {
        const named = new Set(input.map(setKey));
        next = current.filter((r) => !named.has(setKey(r)));
        for (const r of input) if (!next.some((x) => sameRecord(x, r))) next.push(r);
      } else {
        next = copy(current);
        for (const r of input) {
          // Records already present are kept as they are (a merge adds only what is missing).
          if (!next.some((x) => sameRecord(x, r))) next.push(r);
        }
      }
      assertFits(state, name, next);
      state.zones.set(name, next);
    },

    async delete(domain, recordName, type, options = {}) {
      checkSignal(options);
      normalizeDomain(domain);
      const n = normalizeRecordName(recordName);
      assertType(type);
      // The content is normalized like a record's (case, trailing dot, TXT quotes) so it matches the listing.
      const target =
        options.content === undefined ? undefined : normalizeRecord({ type, name: 'x', content: options.content }, '');
      const [name, current] = zone(domain);
      const doomed = (r: NormalizedDnsRecord) =>
        r.name === n &&
        r.type === type &&
        (!target || sameRecord({ ...target, name: r.name, priority: r.priority }, r));
      state.zones.set(
        name,
        current.filter((r) => !doomed(r)),
      );
    },

    // All sets are written in one step: the new zone is built, checked, then committed, so a rejected
    // batch changes nothing.
    async writeSets(domain, changes, options = {}) {
      checkSignal(options);
      const batch = validateSetChanges(changes, normalizeDomain(domain));
      const [name, current] = zone(domain);
      const named = new Set([...batch.replace, ...batch.delete].map(setKey));
      const next = [...current.filter((r) => !named.has(setKey(r))), ...batch.replace.flatMap((set) => set.records)];
      assertFits(state, name, next);
      state.zones.set(name, next);
    },

    async reset(domain, options) {
      checkSignal(options);
      const [name] = zone(domain);
      state.zones.set(name, validateRecords(state.defaultRecords(name)));
    },
  };
}
