/**
 * Response parsing shared by every adapter: zod/mini schemas for the common shapes, tolerant
 * list decoding (bare array or `{data, meta}`), and shape errors that name the field.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import { ProviderAPIError } from '../core/errors.js';

/** `{message}`: the answer of fire-and-forget mutations (`"Request accepted"`). Tolerates an empty body. */
export const MessageWire = z.optional(z.nullable(z.looseObject({ message: z.optional(z.nullable(z.string())) })));
export type MessageWire = z.infer<typeof MessageWire>;

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
  const schema = z.looseObject({ data: z.array(item), meta: z.optional(z.nullable(PageMetaWire)) });
  listSchemas.add(schema);
  return schema;
}

// Lists are normalised in plain code before parsing (rather than with z.pipe + z.transform): it keeps
// those zod schema kinds, and their weight, out of consumers' bundles.
const listSchemas = new WeakSet<object>();
const asPage = (value: unknown): unknown =>
  Array.isArray(value)
    ? { data: value }
    : value !== null && typeof value === 'object' && 'data' in value
      ? value
      : { data: value };

/** Optional, nullable string, as most fields of provider answers are. */
export const maybeString = z.optional(z.nullable(z.string()));
/** Optional, nullable number. */
export const maybeNumber = z.optional(z.nullable(z.number()));
/** Optional, nullable boolean. */
export const maybeBoolean = z.optional(z.nullable(z.boolean()));

function fieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map((p) => String(p)).join('.');
}

/** Who answered: the `provider` of the error and the name in its message. */
export interface WireSource {
  name: string;
  displayName: string;
}

// Hand-written shape checks for large answers: when one says a value fits, it is returned as is and the
// per-field zod walk (and its copies) is skipped. A check may only accept what its schema accepts unchanged;
// anything it refuses goes through zod, which then names the bad field exactly as before.
const fastChecks = new WeakMap<object, (value: unknown) => boolean>();

/**
 * Gives `schema` a fast, allocation-free shape check used by {@link parseWire} before zod. The check must
 * accept only values the schema accepts and returns unchanged (loose objects, no transforms).
 */
export function withFastCheck<S extends z.ZodMiniType>(schema: S, check: (value: unknown) => boolean): S {
  fastChecks.set(schema, check);
  return schema;
}

/**
 * Parses a decoded JSON body with `schema`.
 * @throws {ProviderAPIError} naming the first field that does not fit (`0.records.0.content`).
 */
export function parseWire<S extends z.ZodMiniType>(
  source: WireSource,
  schema: S,
  value: unknown,
  operation: string,
  status = 200,
): z.output<S> {
  const input = listSchemas.has(schema) ? asPage(value) : value;
  if (fastChecks.get(schema)?.(input) === true) return input as z.output<S>;
  const result = z.safeParse(schema, input);
  if (result.success) return result.data as z.output<S>;
  const issue = result.error.issues[0];
  const where = issue ? `field "${fieldPath(issue.path)}": ${issue.message}` : 'unexpected shape';
  throw new ProviderAPIError(`Unexpected response from ${source.displayName} on ${operation}: ${where}`, {
    provider: source.name,
    status: 502,
    upstreamStatus: status,
  });
}
