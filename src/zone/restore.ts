/**
 * Putting a zone back as a snapshot recorded it: {@link restoreSnapshot}, and the plan the CLI's
 * `dns restore` shows before it applies.
 * @module
 */
import type { CallOptions } from '../core/call-options.js';
import type { DnsRecord } from '../core/dns.js';
import { ValidationError } from '../core/errors.js';
import { requireCapability, type Provider } from '../core/provider.js';
import { FieldErrors } from '../core/validation/fail.js';
import { normalizeDomain } from '../core/validation/index.js';
import { applyPlan } from './apply.js';
import { checkLimits } from './limits.js';
import { validateDesired } from './desired.js';
import { diffZone, makePlan } from './plan.js';
import type { ZonePlan, ZoneSnapshot } from './types.js';

/** Options of {@link restoreSnapshot}. */
export interface RestoreSnapshotOptions extends CallOptions {
  /**
   * Restore a snapshot taken on another provider (`snapshot.provider` is not `provider.name`). Without it
   * such a snapshot is a `ValidationError`. With it, the target's apex NS (its name servers) are left as
   * they are and the snapshot's are not planned; the SOA never is.
   * @default false
   */
  fromOtherProvider?: boolean;
}

/** {@link planRestore}'s options: the zone the caller names, and how to say "allow another provider". @internal */
export interface PlanRestoreOptions extends RestoreSnapshotOptions {
  /** The zone the caller means to restore: a snapshot of any other zone is refused. */
  domain?: string;
  /** How the caller allows another provider, for the refusal's message. */
  allowOtherProvider?: string;
}

/**
 * Checks that `snapshot` is a zone snapshot (of `domain`, when given) and returns its normalized zone.
 * Nothing is read or sent. @internal
 */
export function checkSnapshot(snapshot: ZoneSnapshot, domain?: string): string {
  const errors = new FieldErrors();
  if (typeof snapshot !== 'object' || snapshot === null) errors.add('snapshot', 'must be a zone snapshot');
  else {
    if (!Array.isArray(snapshot.records)) errors.add('snapshot.records', 'must be an array');
    if (typeof snapshot.provider !== 'string' || snapshot.provider === '')
      errors.add('snapshot.provider', 'must name the provider the snapshot was taken on');
  }
  errors.throwIfAny('This is not a zone snapshot');
  const zone = normalizeDomain(snapshot.domain, 'snapshot.domain');
  if (domain !== undefined && normalizeDomain(domain, 'domain') !== zone) {
    const wanted = normalizeDomain(domain, 'domain');
    throw new ValidationError(`This snapshot is of ${zone}, not ${wanted}; nothing was read or written`, {
      fields: { 'snapshot.domain': [`must be ${wanted}`] },
    });
  }
  return zone;
}

/**
 * The plan that puts the zone back as `snapshot` recorded it, after the checks of
 * {@link restoreSnapshot}. @internal
 */
export async function planRestore(
  provider: Provider,
  snapshot: ZoneSnapshot,
  options: PlanRestoreOptions = {},
): Promise<ZonePlan> {
  const zone = checkSnapshot(snapshot, options.domain);
  const other = options.fromOtherProvider ?? false;
  if (typeof other !== 'boolean')
    throw new ValidationError('fromOtherProvider must be true or false', {
      fields: { fromOtherProvider: [`must be a boolean, not ${JSON.stringify(other)}`] },
    });
  const dns = requireCapability(provider, 'dns');
  const crossing = snapshot.provider !== provider.name;
  if (crossing && !other)
    throw new ValidationError(
      `This snapshot was taken on ${snapshot.provider}, not ${provider.name}; nothing was read or written. ` +
        `To restore it on ${provider.name} anyway (its own name servers stay), pass ${options.allowOtherProvider ?? 'fromOtherProvider: true'}`,
      { fields: { 'snapshot.provider': [`must be ${provider.name}`] } },
    );
  const perRecord = dns.limits?.ttl === 'per-record';
  const apexNs = (name: string, type: DnsRecord['type']) => crossing && name === '@' && type === 'NS';
  const valid = validateDesired(snapshot.records, zone, perRecord).records;
  if (crossing) checkLimits(provider.name, dns.limits, valid);
  const wanted = valid.filter((r) => !apexNs(r.name, r.type));
  options.signal?.throwIfAborted();
  const listed = await dns.list(zone, { signal: options.signal });
  return makePlan({
    provider: provider.name,
    domain: zone,
    ...diffZone(listed, wanted, apexNs, true, perRecord),
    snapshot: { provider: provider.name, domain: zone, taken_at: new Date().toISOString(), records: listed },
  });
}

/**
 * Puts a zone back as a snapshot recorded it (`plan.snapshot`, or one kept in a file): plans from the
 * zone to the snapshot's records (the apex NS set included when the snapshot has it) and applies that
 * plan with `force`. Returns the plan it applied. The zone is the snapshot's `domain`. A snapshot taken on
 * another provider is refused unless `fromOtherProvider: true`; it then never touches the target's apex
 * NS (name servers), as a copy between providers does.
 *
 * @throws {ValidationError} for a malformed snapshot, or one from another provider without
 *   `fromOtherProvider` (nothing read or sent).
 * @throws {ConflictError} when the zone changes between the plan and its application.
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { restoreSnapshot } from 'setec-hosting/zone';
 *
 * const snapshot = JSON.parse(await readFile('zone-before.json', 'utf8'));
 * const undone = await restoreSnapshot(provider, snapshot);
 * console.log(String(undone));
 * ```
 */
export async function restoreSnapshot(
  provider: Provider,
  snapshot: ZoneSnapshot,
  options: RestoreSnapshotOptions = {},
): Promise<ZonePlan> {
  const plan = await planRestore(provider, snapshot, {
    signal: options.signal,
    fromOtherProvider: options.fromOtherProvider,
  });
  await applyPlan(provider, plan, { force: true, signal: options.signal });
  return plan;
}
