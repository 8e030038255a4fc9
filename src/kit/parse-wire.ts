/**
 * Answer parsing shared by every adapter, free of any schema library: {@link parseWire} runs a Standard
 * Schema (zod/mini or hand-written), lists may come as a bare array or as a page `{data, meta}`, and a
 * shape error names the field. The zod/mini helpers for capability files live in `wire.ts`.
 *
 * @internal
 * @module
 */
import { ProviderAPIError } from '../core/errors.js';
import { isObject, wireSchema, type WireIssue, type WireOutput, type WireSchema } from './wire-schema.js';

/** Who answered: the `provider` of the error and the name in its message. */
export interface WireSource {
  name: string;
  displayName: string;
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

/**
 * Marks `schema` (of `{data, meta?}`) as a list: {@link parseWire} first turns a bare array into
 * `{data: array}` and any other non-page value into `{data: value}`, so errors name `data.…`.
 */
export function listInput<S extends WireSchema>(schema: S): S {
  listSchemas.add(schema);
  return schema;
}

/** `{message}`: the answer of fire-and-forget mutations (`"Request accepted"`). Tolerates an empty body. */
export type MessageWire = { message?: string | null | undefined; [key: string]: unknown } | null | undefined;

/** The schema of {@link MessageWire}: nothing, null, or an object whose `message` is a string if present. */
export const MessageWire: WireSchema<MessageWire> = /* @__PURE__ */ wireSchema<MessageWire>((value) => {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) return [];
  const message = value.message;
  return message === undefined || message === null || typeof message === 'string' ? undefined : ['message'];
});

function fieldPath(path: WireIssue['path']): string {
  return !path || path.length === 0
    ? '(root)'
    : path.map((p) => String(typeof p === 'object' && p !== null ? p.key : p)).join('.');
}

/**
 * Parses a decoded JSON body with `schema`.
 * @throws {ProviderAPIError} naming the first field that does not fit (`data.0.records.0.content`).
 */
export function parseWire<S extends WireSchema>(
  source: WireSource,
  schema: S,
  value: unknown,
  operation: string,
  status = 200,
): WireOutput<S> {
  const input = listSchemas.has(schema) ? asPage(value) : value;
  const result = schema['~standard'].validate(input);
  if (result instanceof Promise) {
    result.catch(() => undefined);
    // Answers are checked synchronously; an asynchronous schema is a mistake in the adapter.
    throw new ProviderAPIError(`The answer schema of ${operation} is asynchronous, which is not supported`, {
      provider: source.name,
      status: 500,
    });
  }
  if (result.issues === undefined) return result.value as WireOutput<S>;
  const issue = result.issues[0];
  const where = issue ? `field "${fieldPath(issue.path)}": ${issue.message}` : 'unexpected shape';
  throw new ProviderAPIError(`Unexpected response from ${source.displayName} on ${operation}: ${where}`, {
    provider: source.name,
    status: 502,
    upstreamStatus: status,
  });
}
