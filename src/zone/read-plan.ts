import { ValidationError } from '../core/errors.js';
import { makePlan } from './plan.js';
import type { ZonePlan, ZoneSnapshot } from './types.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * A plan read back from its JSON (a file written from `plan.toJSON()`), with `toString()` and `toJSON()`
 * again, ready for review and for `applyPlan`, which applies exactly its changes or refuses them when the
 * zone no longer matches its snapshot.
 *
 * @throws {ValidationError} when `value` is not a plan (`plan.<field>` in `fields`).
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { applyPlan, readPlan } from 'setec-hosting/zone';
 *
 * const plan = readPlan(JSON.parse(await readFile('plan.json', 'utf8')));
 * console.log(String(plan));
 * await applyPlan(provider, plan);
 * ```
 */
export function readPlan(value: unknown): ZonePlan {
  const fields: Record<string, string[]> = {};
  if (!isObject(value)) fields.plan = ['must be a plan object, as plan.toJSON() writes it'];
  else {
    if (typeof value.provider !== 'string') fields['plan.provider'] = ['must be a string'];
    if (typeof value.domain !== 'string') fields['plan.domain'] = ['must be a string'];
    if (!Array.isArray(value.changes)) fields['plan.changes'] = ['must be an array'];
    if (typeof value.unchanged !== 'number') fields['plan.unchanged'] = ['must be a number'];
    if (!isObject(value.snapshot) || !Array.isArray(value.snapshot.records))
      fields['plan.snapshot.records'] = ['must be an array'];
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('This is not a zone plan', { fields });
  const plan = value as Record<string, unknown>;
  return makePlan({
    provider: plan.provider as string,
    domain: plan.domain as string,
    changes: plan.changes as ZonePlan['changes'],
    unchanged: plan.unchanged as number,
    snapshot: plan.snapshot as ZoneSnapshot,
  });
}
