/**
 * Hostinger's many-sets write ({@link DnsCapability.writeSets}): its zone PUT with `overwrite: true`
 * replaces every record set named in the body in one request (after one `/validate`), and its zone DELETE
 * takes many `{name, type}` filters. Any batch is at most three requests.
 *
 * @internal
 * @module
 */
import type { CallOptions } from '../core/call-options.js';
import type { DnsCapability, DnsRecordSetChanges } from '../core/dns.js';
import { normalizeDomain, validateSetChanges, type ValidatedSetChanges } from '../core/validation/index.js';
import type { HostingerClient } from './client.js';
import { createDns, zoneFromRecords } from './dns.js';
import { domainPath } from './paths.js';
import { MessageWire } from '../kit/parse-wire.js';
import { DisabledRecordsMemo, refuseDisabled } from './disabled-records.js';

const ZONES = 'api/dns/v1/zones';

/**
 * Hostinger checks a write against the zone as it stands, so a CNAME that replaces another record at the
 * same name (or the other way round) only validates once the old set is gone: then the DELETE goes first.
 */
function deleteFirst(batch: ValidatedSetChanges): boolean {
  return batch.replace.some((set) =>
    batch.delete.some((gone) => gone.name === set.name && (gone.type === 'CNAME' || set.type === 'CNAME')),
  );
}

/**
 * The Hostinger `writeSets`: validate, then DELETE the doomed sets, then PUT the replaced ones. A set
 * holding a disabled record is refused before anything is sent (`dns` reads the zone when `memo` has no
 * recent listing of it; after `applyPlan`'s re-read it has one).
 */
export function createWriteSets(
  client: HostingerClient,
  memo = new DisabledRecordsMemo(),
  dns: DnsCapability = createDns(client, memo),
): NonNullable<DnsCapability['writeSets']> {
  return async (domain: string, changes: DnsRecordSetChanges, options?: CallOptions) => {
    const zone = normalizeDomain(domain);
    const batch = validateSetChanges(changes, zone);
    const signal = options?.signal;
    if (batch.replace.length + batch.delete.length === 0) return;
    if (!memo.recent(zone)) await dns.list(zone, { signal });
    const disabled = memo.recent(zone) ?? new Map<string, string[]>();
    refuseDisabled(zone, disabled, batch.replace, 'replace');
    refuseDisabled(zone, disabled, batch.delete, 'delete');
    const body = zoneFromRecords(
      batch.replace.flatMap((set) => set.records),
      true,
    );
    const validate = () =>
      client.request({
        method: 'POST',
        path: domainPath(ZONES, zone, 'domain', 'validate'),
        json: body,
        schema: MessageWire,
        idempotent: true,
        signal,
      });
    const early = deleteFirst(batch);
    if (batch.replace.length > 0 && !early) await validate();
    if (batch.delete.length > 0) {
      await client.request({
        method: 'DELETE',
        path: domainPath(ZONES, zone),
        json: { filters: batch.delete.map(({ name, type }) => ({ name, type })) },
        schema: MessageWire,
        signal,
      });
    }
    memo.written(zone, batch.delete);
    if (batch.replace.length === 0) return;
    if (early) await validate();
    // overwrite:true replaces the named sets: repeating it gives the same zone, so it may be retried.
    await client.request({
      method: 'PUT',
      path: domainPath(ZONES, zone),
      json: body,
      schema: MessageWire,
      idempotent: true,
      signal,
    });
    memo.written(zone, batch.replace);
  };
}

/** The Hostinger DNS group with {@link DnsCapability.writeSets}. */
export function createDnsWithBatch(client: HostingerClient): DnsCapability {
  const memo = new DisabledRecordsMemo();
  const dns = createDns(client, memo);
  // Hostinger keeps one TTL per record set.
  return { ...dns, limits: { ttl: 'per-set' }, writeSets: createWriteSets(client, memo, dns) };
}
