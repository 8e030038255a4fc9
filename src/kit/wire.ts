/**
 * zod/mini helpers for the answers of capability files: optional fields, page metadata and lists
 * (bare array or `{data, meta}`). Parsing itself ({@link parseWire}) needs no zod and lives in
 * `parse-wire.ts`; it is re-exported here for capability files that use these helpers.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import { listInput } from './parse-wire.js';

export { MessageWire, parseWire, listInput } from './parse-wire.js';
export type { WireSource } from './parse-wire.js';

/** `meta` of a paginated answer. */
export const PageMetaWire = z.looseObject({
  current_page: z.optional(z.number()),
  per_page: z.optional(z.number()),
  total: z.optional(z.number()),
});
export type PageMetaWire = z.infer<typeof PageMetaWire>;

/**
 * A list that a provider may send as a bare array or as a page `{data, meta}`; both decode to
 * `{data, meta?}`. A shape error names the field under `data.` (`data.0.records.0.content`).
 */
export function listWire<T extends z.ZodMiniType>(item: T) {
  return listInput(z.looseObject({ data: z.array(item), meta: z.optional(z.nullable(PageMetaWire)) }));
}

/** Optional, nullable string, as most fields of provider answers are. */
export const maybeString = z.optional(z.nullable(z.string()));
/** Optional, nullable number. */
export const maybeNumber = z.optional(z.nullable(z.number()));
/** Optional, nullable boolean. */
export const maybeBoolean = z.optional(z.nullable(z.boolean()));
