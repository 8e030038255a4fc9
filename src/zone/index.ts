/**
 * `setec-hosting/zone`: DNS zones as data. Declare the records a zone should hold, see the difference
 * ({@link planZone}), apply it safely ({@link applyPlan}), put it back ({@link restoreSnapshot}), and keep
 * the zone in git as an RFC 1035 master file ({@link parseZoneFile}, {@link formatZoneFile}). Works with
 * every provider that has a DNS group; no side effects on import.
 *
 * @example
 * ```ts
 * import { createHostingerProvider } from 'setec-hosting/hostinger';
 * import { applyPlan, parseZoneFile, planZone } from 'setec-hosting/zone';
 *
 * const provider = createHostingerProvider({ apiKey: process.env.HOSTINGER_API_TOKEN! });
 * const { records } = parseZoneFile(zoneFileText, { origin: 'example.com' });
 * const plan = await planZone(provider, 'example.com', records);
 * console.log(String(plan));
 * await applyPlan(provider, plan);
 * ```
 *
 * @module
 */
export { planZone } from './plan.js';
export { applyPlan } from './apply.js';
export { restoreSnapshot, type RestoreSnapshotOptions } from './restore.js';
export { parseZoneFile, type ParseZoneFileOptions, type ParsedZoneFile } from './zone-file/parse.js';
export { formatZoneFile } from './zone-file/format.js';
export {
  UnsafePlanError,
  isUnsafePlanError,
  partialWriteOf,
  type PartialWrite,
  type UnsafePlanErrorOptions,
} from './errors.js';
export type { ApplyPlanOptions, ZoneChange, ZonePlan, ZonePlanJson, ZonePlanOptions, ZoneSnapshot } from './types.js';
export { ZONE_PLAN_SCHEMA } from './plan-schema.js';
export { readPlan } from './read-plan.js';
