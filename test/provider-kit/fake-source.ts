import { NotFoundError } from '../../src/core/errors.js';
import { createDnsCapability } from '../../src/provider-kit/dns-capability.js';
import type { DnsSetChanges, DnsSource, DnsSourceRecord } from '../../src/provider-kit/dns-source.js';

/**
 * A source over one zone in memory (`example.com`; any other is a `NotFoundError`) that records every read
 * and write. Its `write` replaces whole sets, so a set written through it keeps only what the kit sends.
 */
export function fakeSource(records: DnsSourceRecord[], extra: Partial<DnsSource> = {}) {
  let zone = records.map((r) => ({ ...r }));
  const log = { reads: 0, writes: [] as DnsSetChanges[], current: [] as unknown[] };
  const source: DnsSource = {
    provider: 'fake',
    async read(domain) {
      if (domain !== 'example.com') throw new NotFoundError(`no zone ${domain}`, { provider: 'fake' });
      log.reads++;
      return zone.map((r) => ({ ...r }));
    },
    async write(_domain, changes, options) {
      log.writes.push(structuredClone(changes));
      log.current.push(options?.current);
      const gone = new Set([...changes.replace, ...changes.delete].map((s) => `${s.name} ${s.type}`));
      zone = [
        ...zone.filter((r) => !gone.has(`${r.name} ${r.type}`)),
        ...changes.replace.flatMap((s) => s.records.map((r) => ({ ...r, name: s.name, type: s.type, ttl: s.ttl }))),
      ];
    },
    ...extra,
  };
  return { dns: createDnsCapability(source), log, zone: () => zone };
}
