import type { DnsCapability, DnsRecord, DnsRecordInput, DnsRecordType } from '../../core/dns.js';
import { requireCapability } from '../../core/provider.js';
import type { Provider } from '../../core/provider.js';
import type { ConformanceContext } from './types.js';

/** The DNS group plus helpers bound to the check's zone. */
export interface ZoneHelpers {
  dns: DnsCapability;
  list(): Promise<DnsRecord[]>;
  /** Records of one name (and type), in listing order. */
  at(records: readonly DnsRecord[], name: string, type?: DnsRecordType): DnsRecord[];
  /** Creates records one by one and registers their removal. */
  seed(...records: DnsRecordInput[]): Promise<void>;
}

/** Binds the DNS group to `ctx.domain`; every record made through `seed` is deleted after the check. */
export function zone(provider: Provider, ctx: ConformanceContext): ZoneHelpers {
  const dns = requireCapability(provider, 'dns');
  const cleaned = new Set<string>();
  const cleanUp = (name: string, type: DnsRecordType) => {
    const key = `${name}/${type}`;
    if (cleaned.has(key)) return;
    cleaned.add(key);
    ctx.defer(() => dns.delete(ctx.domain, name, type));
  };
  return {
    dns,
    list: () => dns.list(ctx.domain),
    at: (records, name, type) => records.filter((r) => r.name === name && (type === undefined || r.type === type)),
    async seed(...records) {
      for (const record of records) {
        cleanUp(record.name, record.type);
        await dns.create(ctx.domain, record);
      }
    },
  };
}

/** Registers clean-up of a name + type the check writes through `update`. */
export function cleanUpSet(provider: Provider, ctx: ConformanceContext, name: string, type: DnsRecordType): void {
  const dns = requireCapability(provider, 'dns');
  ctx.defer(() => dns.delete(ctx.domain, name, type));
}

/** The listing without the records of `name` (optionally only of `type`): "everything else". */
export function without(records: readonly DnsRecord[], name: string, type?: DnsRecordType): DnsRecord[] {
  return records.filter((r) => !(r.name === name && (type === undefined || r.type === type)));
}
