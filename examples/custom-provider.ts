/**
 * A DNS-only provider plugin: zones kept in memory, every rule taken from the SDK's helpers.
 * `npx tsx examples/custom-provider.ts` registers it, creates a record and prints the zone;
 * test/testing/conformance-custom.test.ts runs the conformance kit on it.
 */
import { pathToFileURL } from 'node:url';
import {
  ConflictError,
  NotFoundError,
  createProvider,
  registerProvider,
  type CallOptions,
  type DnsCapability,
  type DnsRecordInput,
  type Provider,
  type ProviderDefinition,
} from 'setec-hosting';
import {
  assertZoneConsistent,
  assignRecordIds,
  normalizeDomain,
  normalizeRecord,
  normalizeRecordName,
  sameRecord,
  validateRecords,
  type NormalizedDnsRecord,
} from 'setec-hosting/provider-kit';

/** Builds a Pocket DNS provider holding `zones` (domain → records). */
export function createPocketDns(zones: Record<string, DnsRecordInput[]> = { 'example.com': [] }): Provider {
  const store = new Map(
    Object.entries(zones).map(([domain, records]) => [normalizeDomain(domain), validateRecords(records)]),
  );
  const zone = (domain: string, options?: CallOptions) => {
    options?.signal?.throwIfAborted();
    const name = normalizeDomain(domain); // ValidationError naming `domain` for '../x', 'a..b'...
    const records = store.get(name);
    if (!records) throw new NotFoundError(`Zone ${name} does not exist`, { provider: 'pocket-dns' });
    const save = (next: NormalizedDnsRecord[]) => (assertZoneConsistent(next), store.set(name, next));
    return { records, save };
  };
  const dns: DnsCapability = {
    list: async (domain, options) => assignRecordIds(zone(domain, options).records),
    async create(domain, input, options) {
      const { records, save } = zone(domain, options);
      const record = normalizeRecord(input, '', normalizeDomain(domain)); // ValidationError naming the bad field
      if (records.some((r) => sameRecord(r, record)))
        throw new ConflictError('The record already exists', { provider: 'pocket-dns' });
      save([...records, record]);
    },
    async update(domain, input, options) {
      const { records, save } = zone(domain, options);
      const wanted = validateRecords(input, normalizeDomain(domain));
      const kept = records.filter(
        (r) => !(options?.overwrite && wanted.some((w) => w.name === r.name && w.type === r.type)),
      );
      save([
        ...kept,
        ...wanted.filter(
          (w, i) => !kept.some((k) => sameRecord(k, w)) && wanted.findIndex((x) => sameRecord(x, w)) === i,
        ),
      ]);
    },
    async delete(domain, name, type, options) {
      const { records, save } = zone(domain, options);
      const n = normalizeRecordName(name);
      const content =
        options?.content === undefined
          ? undefined
          : normalizeRecord({ type, name: 'x', content: options.content }).content;
      save(
        records.filter((r) => !(r.name === n && r.type === type && (content === undefined || r.content === content))),
      );
    },
    reset: async (domain, options) => void zone(domain, options).save([]),
  };
  return {
    name: 'pocket-dns',
    displayName: 'Pocket DNS',
    testConnection: async (o) => o?.signal?.throwIfAborted(),
    dns,
  };
}

/** The registry entry: `extra.zones` lists the account's zones, comma-separated. */
export const pocketDns: ProviderDefinition = {
  name: 'pocket-dns',
  displayName: 'Pocket DNS',
  create: (config) =>
    createPocketDns(Object.fromEntries((config.extra.zones ?? 'example.com').split(',').map((z) => [z, []]))),
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  registerProvider(pocketDns);
  const provider = createProvider('pocket-dns', { api_key: '', extra: { zones: 'example.com' } });
  await provider.dns?.create('example.com', { type: 'A', name: 'www', content: '192.0.2.10' });
  console.table(await provider.dns?.list('example.com'));
}
