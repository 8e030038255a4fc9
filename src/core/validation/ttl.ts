/**
 * The TTL bounds of a record, apart from the validation code so that a module needing only the default
 * (a listing) bundles nothing else.
 *
 * @internal
 * @module
 */

/** TTL used when a record gives none (seconds). */
export const DEFAULT_TTL = 14400;
/** The smallest TTL a record may have (seconds). */
export const MIN_TTL = 60;
/** The largest TTL a record may have (seconds): 2^31 - 1. */
export const MAX_TTL = 2147483647;
