import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DnsRecordInput } from '../../src/core/dns.js';
import { ConflictError } from '../../src/core/errors.js';
import { wroteNothing } from '../../src/core/write-outcome.js';
import { createDnsCapability } from '../../src/provider-kit/dns-capability.js';
import type { DnsSetChanges, DnsSource, DnsSourceRecord } from '../../src/provider-kit/dns-source.js';
import { fakeSource as fakeSetsSource } from './fake-source.js';

/**
 * The in-memory source with `read` marking switched-off records `disabled: true`, as a provider that keeps
 * records it does not serve does. Its `write` replaces whole sets, so a set written through it loses its
 * disabled records: exactly what the kit must prevent.
 */
const fakeSource = (records: DnsSourceRecord[], extra: Partial<DnsSource> = {}) =>
  fakeSetsSource(records, { disabledHint: 'in the panel', ...extra });

const off: DnsSourceRecord = { type: 'A', name: 'www', content: '192.0.2.9', ttl: 300, disabled: true };
const served: DnsRecordInput[] = [
  { type: 'NS', name: '@', content: 'ns1.example.net', ttl: 86400 },
  { type: 'A', name: 'www', content: '192.0.2.1', ttl: 300 },
  { type: 'A', name: 'www', content: '192.0.2.2', ttl: 300 },
  { type: 'TXT', name: '@', content: 'hello', ttl: 300 },
];
/** The zone: `www A` holds a disabled value between its two served ones. */
const seed: DnsSourceRecord[] = [served[0]!, served[1]!, off, served[2]!, served[3]!];
const named = /www A \("192\.0\.2\.9"\)/;

/** The rejection of `attempt`, which must be a refusal that wrote nothing and names the disabled record. */
async function refusal(attempt: Promise<unknown>): Promise<ConflictError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConflictError);
  const conflict = error as ConflictError;
  expect(conflict.provider).toBe('fake');
  expect(conflict.message).toMatch(named);
  expect(conflict.message).toMatch(/Enable or delete it in the panel first\. Nothing was written$/);
  return conflict;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('provider kit: records a provider keeps but does not serve (disabled)', () => {
  it('are listed by nobody, and the other records keep the ids they would have without them', async () => {
    const { dns } = fakeSource(seed);
    const without = fakeSource(served).dns;
    const list = await dns.list('example.com');
    expect(list).toEqual(await without.list('example.com'));
    expect(list.map((r) => r.content)).not.toContain('192.0.2.9');
  });

  it('a record created in another set is written, the disabled one left where it is', async () => {
    const { dns, log, zone } = fakeSource(seed);
    await dns.create('example.com', { type: 'A', name: 'api', content: '192.0.2.7' });
    expect(log.writes).toEqual([
      {
        replace: [{ name: 'api', type: 'A', ttl: 14400, records: [{ content: '192.0.2.7', priority: 0 }] }],
        delete: [],
      },
    ]);
    // `write` sees the zone as read, the disabled record included.
    expect(log.current[0]).toContainEqual(off);
    expect(zone()).toContainEqual(off);
  });

  it('update with overwrite of its set is refused before write is called', async () => {
    const { dns, log, zone } = fakeSource(seed);
    const attempt = dns.update('example.com', [{ type: 'A', name: 'www', content: '192.0.2.3', ttl: 300 }], {
      overwrite: true,
    });
    await refusal(attempt);
    expect(log.writes).toEqual([]);
    expect(zone()).toContainEqual(off);
  });

  it('deleting one value of its set (the rest written back) is refused; so is deleting the set', async () => {
    const { dns, log } = fakeSource(seed);
    await refusal(dns.delete('example.com', 'www', 'A', { content: '192.0.2.1' }));
    await refusal(dns.delete('example.com', 'www', 'A'));
    expect(log.writes).toEqual([]);
  });

  it('merging a value into its set is refused when the source can only replace the set', async () => {
    const { dns, log } = fakeSource(seed);
    await refusal(dns.create('example.com', { type: 'A', name: 'www', content: '192.0.2.3', ttl: 300 }));
    expect(log.writes).toEqual([]);
  });

  it('merging through addRecords, which keeps what the set holds, is not refused', async () => {
    const added: unknown[] = [];
    const { dns, log } = fakeSource(seed, {
      addRecords: async (_domain, sets) => void added.push(sets),
    });
    await dns.create('example.com', { type: 'A', name: 'www', content: '192.0.2.3' });
    expect(added).toEqual([[{ name: 'www', type: 'A', ttl: 300, records: [{ content: '192.0.2.3', priority: 0 }] }]]);
    expect(log.writes).toEqual([]);
  });

  it('a set holding only disabled records looks absent, and creating it is refused', async () => {
    const hidden: DnsSourceRecord = { type: 'A', name: 'hidden', content: '192.0.2.77', disabled: true };
    const { dns, log } = fakeSource([...served, hidden]);
    expect((await dns.list('example.com')).map((r) => r.name)).not.toContain('hidden');
    const error = await dns
      .create('example.com', { type: 'A', name: 'hidden', content: '192.0.2.78' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/hidden A \("192\.0\.2\.77"\)/);
    expect(log.writes).toEqual([]);
  });

  it('writeSets replacing or deleting its set is refused, as having written nothing', async () => {
    const { dns, log } = fakeSource(seed);
    const replaced = await refusal(
      dns.writeSets('example.com', {
        replace: [
          { type: 'TXT', name: '@', content: 'bye' },
          { type: 'A', name: 'www', content: '192.0.2.3' },
        ],
      }),
    );
    expect(wroteNothing(replaced)).toBe(true);
    await refusal(dns.writeSets('example.com', { delete: [{ type: 'A', name: 'www' }] }));
    expect(log.writes).toEqual([]);
  });

  it('reset (the kit’s own) is refused too when a listed set holds one, and deletes nothing', async () => {
    const { dns, log } = fakeSource(seed);
    await refusal(dns.reset('example.com'));
    expect(log.writes).toEqual([]);
  });

  it('reset leaves a set holding only disabled records (nothing listed is lost) and deletes the rest', async () => {
    const hidden: DnsSourceRecord = { type: 'A', name: 'hidden', content: '192.0.2.77', disabled: true };
    const { dns, zone } = fakeSource([...served, hidden]);
    await dns.reset('example.com');
    expect(zone()).toEqual([served[0], hidden]);
  });

  it('a source’s own reset is called as it is: it decides what happens to disabled records', async () => {
    const reset = vi.fn(async () => undefined);
    const { dns, log } = fakeSource(seed, { reset });
    await dns.reset('example.com');
    expect(reset).toHaveBeenCalledTimes(1);
    expect(log.writes).toEqual([]);
  });

  it('a set read with its name and type as the provider stores them (other letter case) is guarded too', async () => {
    // An API that keeps names as typed in its panel, and matches them case-insensitively when writing (as DNS does).
    let zone: DnsSourceRecord[] = [
      { type: 'A', name: 'WWW', content: '192.0.2.1', ttl: 300 },
      { type: 'A', name: 'WWW', content: '192.0.2.9', ttl: 300, disabled: true },
    ];
    const writes: DnsSetChanges[] = [];
    const dns = createDnsCapability({
      provider: 'fake',
      disabledHint: 'in the panel',
      read: async () => zone.map((r) => ({ ...r })),
      async write(_domain, changes) {
        writes.push(changes);
        const gone = new Set([...changes.replace, ...changes.delete].map((s) => `${s.name} ${s.type}`.toLowerCase()));
        zone = zone.filter((r) => !gone.has(`${r.name} ${r.type}`.toLowerCase()));
      },
    });
    const error = await dns
      .update('example.com', [{ type: 'A', name: 'www', content: '192.0.2.3', ttl: 300 }], { overwrite: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/www A \("192\.0\.2\.9"\)/);
    expect(writes).toEqual([]);
    expect(zone.filter((r) => r.disabled)).toHaveLength(1);
  });

  it('without a hint, the refusal says to enable or delete the record where it is kept', async () => {
    const { dns } = fakeSource(seed, { disabledHint: undefined });
    const error = await dns.delete('example.com', 'www', 'A').catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/Enable or delete it where it is kept first\. Nothing was written$/);
  });
});

describe('provider kit: disabled records and writes that do not read the zone (blindSetWrites)', () => {
  const blind = (extra: Partial<DnsSource> = {}) => fakeSource(seed, { blindSetWrites: true, ...extra });

  it('writeSets with no recent read reads the zone once and refuses a set holding one', async () => {
    const { dns, log } = blind();
    await refusal(dns.writeSets('example.com', { replace: [{ type: 'A', name: 'www', content: '192.0.2.3' }] }));
    expect(log.reads).toBe(1);
    expect(log.writes).toEqual([]);
  });

  it('a deletion alone with no recent read reads the zone once and is refused, as a replacement is', async () => {
    const { dns, log, zone } = blind();
    await refusal(dns.delete('example.com', 'www', 'A'));
    expect(log.reads).toBe(1);
    const other = blind();
    await refusal(other.dns.writeSets('example.com', { delete: [{ type: 'A', name: 'www' }] }));
    expect(other.log.reads).toBe(1);
    expect([...log.writes, ...other.log.writes]).toEqual([]);
    expect(zone()).toContainEqual(off);
  });

  it('right after a listing, writeSets goes by it: no second read, refused or written', async () => {
    const { dns, log } = blind();
    await dns.list('example.com');
    await refusal(dns.writeSets('example.com', { replace: [{ type: 'A', name: 'www', content: '192.0.2.3' }] }));
    await refusal(dns.writeSets('example.com', { delete: [{ type: 'A', name: 'www' }] }));
    await refusal(dns.delete('example.com', 'www', 'A'));
    await dns.writeSets('example.com', { replace: [{ type: 'A', name: 'api', content: '192.0.2.7' }] });
    expect(log.reads).toBe(1);
    expect(log.writes.map((w) => w.replace.map((s) => s.name))).toEqual([['api']]);
  });

  it('a listing older than 30 s is not trusted: the zone is read again', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const { dns, log } = blind();
    await dns.list('example.com');
    vi.setSystemTime(new Date('2026-01-01T00:00:31Z'));
    await refusal(dns.writeSets('example.com', { replace: [{ type: 'A', name: 'www', content: '192.0.2.3' }] }));
    expect(log.reads).toBe(2);
  });

  it('the listing is kept per capability: another one reads for itself', async () => {
    const first = blind();
    await first.dns.list('example.com');
    const { dns, log } = blind();
    await refusal(dns.writeSets('example.com', { replace: [{ type: 'A', name: 'www', content: '192.0.2.3' }] }));
    expect(log.reads).toBe(1);
  });

  it('a source that marks no records (no hint) is not read before a blind write', async () => {
    const { dns, log } = fakeSource(served, { blindSetWrites: true, disabledHint: undefined });
    await dns.writeSets('example.com', { replace: [{ type: 'A', name: 'www', content: '192.0.2.3' }] });
    await dns.delete('example.com', 'www', 'A');
    expect(log.reads).toBe(0);
    expect(log.writes).toHaveLength(2);
  });

  it('after the source’s own reset, the last listing is forgotten', async () => {
    const { dns, log } = blind({ reset: async () => undefined });
    await dns.list('example.com');
    await dns.reset('example.com');
    await refusal(dns.writeSets('example.com', { replace: [{ type: 'A', name: 'www', content: '192.0.2.3' }] }));
    expect(log.reads).toBe(2);
  });
});
