import { describe, expect, it } from 'vitest';
import type { DnsCapability, Provider } from '../../src/index.js';
import { createMemoryProvider, runConformance } from '../../src/testing/index.js';

const BATCH = 'dns-batch: writeSets replaces the named sets, deletes others and leaves the rest alone';
const BATCH_BAD = 'dns-batch: writeSets with a bad record is a ValidationError and changes nothing';
const ROUND_TRIP = 'zone: plan → apply → restore leaves the zone as it was';

const withDns = (patch: (inner: DnsCapability) => DnsCapability) => (): Provider => {
  const provider = createMemoryProvider();
  return { ...provider, dns: patch(provider.dns!) };
};
const results = async (factory: () => Provider) =>
  new Map((await runConformance(factory, { domain: 'example.com' })).map((r) => [r.name, r]));

describe('testing: conformance kit, zones and the optional writeSets group', () => {
  it('runs the writeSets checks and the zone round trip on a provider that has writeSets', async () => {
    const found = await results(() => createMemoryProvider());
    for (const name of [BATCH, BATCH_BAD, ROUND_TRIP]) expect(found.get(name), name).toEqual({ name, ok: true });
  });

  it('skips the writeSets checks, and still runs the round trip, when the method is absent', async () => {
    const found = await results(withDns(({ writeSets: _omitted, ...rest }) => rest));
    expect(found.get(BATCH)?.skipped).toBe('the provider has no dns.writeSets method (optional)');
    expect(found.get(BATCH_BAD)?.skipped).toBeDefined();
    expect(found.get(ROUND_TRIP)).toEqual({ name: ROUND_TRIP, ok: true });
  });

  it('fails a writeSets that ignores deletes, and one that writes before validating everything', async () => {
    const ignoresDeletes = await results(
      withDns((inner) => ({ ...inner, writeSets: (d, c, o) => inner.writeSets!(d, { replace: c.replace }, o) })),
    );
    expect(ignoresDeletes.get(BATCH)?.ok).toBe(false);
    expect(String(ignoresDeletes.get(BATCH)?.error)).toContain('the deleted set still lists');
    const eager = await results(
      withDns((inner) => ({
        ...inner,
        writeSets: async (d, c, o) => {
          for (const gone of c.delete ?? []) await inner.delete(d, gone.name, gone.type, o);
          await inner.writeSets!(d, { replace: c.replace }, o);
        },
      })),
    );
    expect(eager.get(BATCH_BAD)?.ok).toBe(false);
    expect(String(eager.get(BATCH_BAD)?.error)).toContain('after a rejected writeSets');
  });
});
