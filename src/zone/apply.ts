import type { DnsCapability, DnsRecord, DnsRecordSetChanges } from '../core/dns.js';
import { ConflictError, ValidationError } from '../core/errors.js';
import { requireCapability, type Provider } from '../core/provider.js';
import { FieldErrors } from '../core/validation/fail.js';
import { normalizeDomain, recordIdentity, validateSetChanges } from '../core/validation/index.js';
import { wroteNothing } from '../core/write-outcome.js';
import { markPartialWrite, UnsafePlanError } from './errors.js';
import { groupSets, setKey } from './sets.js';
import type { ApplyPlanOptions, ZonePlan, ZonePlanJson } from './types.js';

const ACTIONS = ['create', 'update', 'delete'];

/** A record as `set key + identity + ttl`: two listings of an unchanged zone give equal sets of these. */
const fingerprint = (r: DnsRecord) => `${setKey(r.name, r.type)}\u0000${recordIdentity(r)}\u0000${r.ttl}`;

/** The sets (`name TYPE`) whose records differ between the snapshot and a fresh listing. */
function staleSets(snapshot: readonly DnsRecord[], now: readonly DnsRecord[]): string[] {
  const before = new Set(snapshot.map(fingerprint));
  const after = new Set(now.map(fingerprint));
  const names = new Set<string>();
  for (const r of snapshot) if (!after.has(fingerprint(r))) names.add(`${r.name} ${r.type}`);
  for (const r of now) if (!before.has(fingerprint(r))) names.add(`${r.name} ${r.type}`);
  return [...names];
}

/** Checks a plan (which may come from a JSON file) and turns its changes into one batch of set writes. */
function planToBatch(
  plan: ZonePlanJson,
  ttlPerRecord: boolean,
): { zone: string; batch: Required<DnsRecordSetChanges> } {
  const errors = new FieldErrors();
  if (typeof plan !== 'object' || plan === null) errors.add('plan', 'must be a plan from planZone');
  else {
    if (!Array.isArray(plan.changes)) errors.add('plan.changes', 'must be an array');
    if (!Array.isArray(plan.snapshot?.records)) errors.add('plan.snapshot.records', 'must be an array');
  }
  errors.throwIfAny('Invalid plan');
  const zone = normalizeDomain(plan.domain, 'plan.domain');
  const batch: Required<DnsRecordSetChanges> = { replace: [], delete: [] };
  plan.changes.forEach((change, i) => {
    if (!ACTIONS.includes(change?.action))
      errors.add(`plan.changes.${i}.action`, `must be one of ${ACTIONS.join(', ')}`);
    else if (change.action === 'delete') batch.delete.push({ name: change.name, type: change.type });
    else if (!Array.isArray(change.after) || change.after.length === 0)
      errors.add(`plan.changes.${i}.after`, `must hold the set's records (a set that goes away is a delete)`);
    else batch.replace.push(...change.after.map((r) => ({ ...r, name: change.name, type: change.type })));
  });
  errors.throwIfAny('Invalid plan');
  validateSetChanges(batch, zone, { ttlPerRecord });
  return { zone, batch };
}

async function writeOneByOne(
  dns: DnsCapability,
  zone: string,
  plan: ZonePlanJson,
  options: ApplyPlanOptions,
): Promise<void> {
  const total = plan.changes.length;
  let done = 0;
  try {
    for (const change of plan.changes) {
      options.signal?.throwIfAborted();
      if (change.action === 'delete') await dns.delete(zone, change.name, change.type, { signal: options.signal });
      else await dns.update(zone, change.after, { overwrite: true, signal: options.signal });
      options.onProgress?.(++done, total);
    }
  } catch (error) {
    if (done > 0 || !wroteNothing(error)) markPartialWrite(error, { written: done, total });
    throw error;
  }
}

async function writeBatch(
  dns: DnsCapability & { writeSets: NonNullable<DnsCapability['writeSets']> },
  zone: string,
  batch: Required<DnsRecordSetChanges>,
  options: ApplyPlanOptions,
): Promise<void> {
  let progress: { done: number; total: number } | undefined;
  try {
    await dns.writeSets(zone, batch, {
      signal: options.signal,
      onProgress: (done, total) => {
        progress = { done, total };
        options.onProgress?.(done, total);
      },
    });
  } catch (error) {
    // A refusal that wrote nothing (a check before sending, an all-or-nothing write refused) is no partial write.
    if (progress === undefined && wroteNothing(error)) throw error;
    markPartialWrite(error, {
      written: progress?.done,
      total: progress?.total ?? batch.replace.length + batch.delete.length,
    });
    throw error;
  }
}

/**
 * Applies a plan from {@link planZone}. It first reads the zone again: when the zone no longer matches the
 * plan's snapshot, the plan is stale and nothing is written. A plan that updates or deletes more than
 * `maxChangeRatio` of a zone of at least 10 record sets is refused unless `force`: the limit holds per plan
 * (successive plans can still empty a zone step by step) and a zone of fewer than 10 sets has none. A
 * plan without changes sends nothing. Providers that implement `dns.writeSets` get every change in one call (on Hostinger: the
 * re-read, one validation, one PUT and one DELETE, four requests at most, or seven for a plan that swaps a CNAME
 * for another type at one name); others get one
 * `update(..., { overwrite: true })` or `delete` per record set. If a write fails midway the error
 * propagates, its message says how many writes had completed, {@link partialWriteOf} tells it apart from
 * a refusal that wrote nothing, and `restoreSnapshot(provider, plan.snapshot)` puts the zone back.
 *
 * @throws {ValidationError} for a malformed plan, a plan for another provider, or a bad option such as a
 *   `force` that is not a boolean (nothing sent).
 * @throws {UnsafePlanError} when the plan changes too much of the zone (nothing written).
 * @throws {ConflictError} when the zone changed since the plan was made (nothing written).
 * @example
 * ```ts
 * import { applyPlan, planZone } from 'setec-hosting/zone';
 *
 * const plan = await planZone(provider, 'example.com', desired);
 * console.log(String(plan));
 * await applyPlan(provider, plan, { onProgress: (done, total) => console.log(`${done}/${total}`) });
 * ```
 */
export async function applyPlan(
  provider: Provider,
  plan: ZonePlan | ZonePlanJson,
  options: ApplyPlanOptions = {},
): Promise<void> {
  const dns = requireCapability(provider, 'dns');
  const ratio = options.maxChangeRatio ?? 0.3;
  if (typeof ratio !== 'number' || !Number.isFinite(ratio) || ratio < 0)
    throw new ValidationError('maxChangeRatio must be a number of 0 or more', {
      fields: { maxChangeRatio: ['must be a number of 0 or more (0.3 = 30 %)'] },
    });
  if (options.force !== undefined && typeof options.force !== 'boolean')
    throw new ValidationError('force must be true or false', {
      fields: { force: [`must be a boolean, not ${JSON.stringify(options.force)}`] },
    });
  const { zone, batch } = planToBatch(plan, dns.limits?.ttl === 'per-record');
  if (plan.provider !== provider.name)
    throw new ValidationError(`This plan was made for ${plan.provider}, not ${provider.name}`, {
      fields: { 'plan.provider': [`must be ${provider.name}`] },
    });
  if (plan.changes.length === 0) return;
  const existing = groupSets(plan.snapshot.records).size;
  const risky = plan.changes.filter((c) => c.action !== 'create').length;
  if (options.force !== true && existing >= 10 && risky > ratio * existing) {
    throw new UnsafePlanError(
      `The plan updates or deletes ${risky} of the ${existing} record sets of ${zone} (${Math.round((100 * risky) / existing)} %), more than the limit of ${Math.round(100 * ratio)} %; review it and pass force: true to apply it`,
      { changes: risky, existing, maxChangeRatio: ratio, provider: provider.name },
    );
  }
  options.signal?.throwIfAborted();
  const now = await dns.list(zone, { signal: options.signal });
  const stale = staleSets(plan.snapshot.records, now);
  if (stale.length > 0) {
    const shown = stale.slice(0, 5).join(', ') + (stale.length > 5 ? ` and ${stale.length - 5} more` : '');
    throw new ConflictError(`The zone ${zone} changed since the plan was made (${shown}); make a new plan`, {
      provider: provider.name,
    });
  }
  options.signal?.throwIfAborted();
  if (typeof dns.writeSets === 'function') {
    let reported = false;
    await writeBatch({ ...dns, writeSets: dns.writeSets.bind(dns) }, zone, batch, {
      ...options,
      onProgress: (done, total) => {
        reported = true;
        options.onProgress?.(done, total);
      },
    });
    if (!reported) options.onProgress?.(plan.changes.length, plan.changes.length);
  } else {
    await writeOneByOne(dns, zone, plan, options);
  }
}
