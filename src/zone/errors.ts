import { HostingError, type HostingErrorOptions } from '../core/errors.js';

/** Options of {@link UnsafePlanError}. */
export interface UnsafePlanErrorOptions extends HostingErrorOptions {
  /**
   * Record sets the plan would update or delete.
   * @default 0
   */
  changes?: number;
  /**
   * Record sets the zone held when the plan was made.
   * @default 0
   */
  existing?: number;
  /**
   * The largest share of `existing` that may be updated or deleted without `force`.
   * @default 0.3
   */
  maxChangeRatio?: number;
}

/**
 * `applyPlan` refused a plan that would update or delete too much of a zone (HTTP 409). Nothing was
 * written. Review the plan, then apply it with `force: true` or a higher `maxChangeRatio`.
 *
 * @example
 * ```ts
 * try { await applyPlan(provider, plan); }
 * catch (e) { if (isUnsafePlanError(e)) console.error(`${e.changes} of ${e.existing} record sets would change`); }
 * ```
 */
export class UnsafePlanError extends HostingError {
  static override readonly code: string = 'unsafe_plan';
  static override readonly status: number = 409;
  override readonly name: string = 'UnsafePlanError';
  /** Record sets the plan would update or delete. */
  readonly changes: number;
  /** Record sets the zone held when the plan was made. */
  readonly existing: number;
  /** The limit that was exceeded, as a share of `existing` (0.3 = 30 %). */
  readonly maxChangeRatio: number;
  constructor(message: string, options: UnsafePlanErrorOptions = {}) {
    super(message, options);
    this.changes = options.changes ?? 0;
    this.existing = options.existing ?? 0;
    this.maxChangeRatio = options.maxChangeRatio ?? 0.3;
  }
}

/** True for an {@link UnsafePlanError} (from any copy of this package). */
export const isUnsafePlanError = (value: unknown): value is UnsafePlanError => value instanceof UnsafePlanError;

const PARTIAL = Symbol.for('setec-hosting.zone.partial-write');

/** What {@link partialWriteOf} tells about an error from `applyPlan` raised once writing had begun. */
export interface PartialWrite {
  /** Writes that had completed before the error (`undefined` when the provider does not report them). */
  written: number | undefined;
  /** Writes the plan needed, in the same unit as `written`. */
  total: number;
}

/** Marks an error raised while `applyPlan` was writing, and says so in its message. @internal */
export function markPartialWrite(error: unknown, info: PartialWrite): void {
  if (!(error instanceof Error)) return;
  Object.defineProperty(error, PARTIAL, { value: info, enumerable: false, configurable: true });
  const done = info.written === undefined ? 'an unknown number' : String(info.written);
  error.message += ` (the zone may be partly written: ${done} of ${info.total} writes had completed; restoreSnapshot(provider, plan.snapshot) puts it back)`;
}

/**
 * For an error thrown by `applyPlan`: `undefined` when nothing was written (bad input, a stale or unsafe
 * plan), else how far the writes got. Whenever it is defined, keep `plan.snapshot` to put the zone back.
 *
 * @example
 * ```ts
 * try { await applyPlan(provider, plan); }
 * catch (e) {
 *   if (partialWriteOf(e)) await writeFile('before.json', JSON.stringify(plan.snapshot));
 *   throw e;
 * }
 * ```
 */
export function partialWriteOf(error: unknown): PartialWrite | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  return (error as { [PARTIAL]?: PartialWrite })[PARTIAL];
}
