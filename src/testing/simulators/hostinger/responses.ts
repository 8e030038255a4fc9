import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod/mini';
import { readJsonBody, SimulatorHttpError } from '../core/app.js';

/** Field errors keyed by Laravel-style dot paths (`zone.0.records.0.content`). */
export type FieldErrors = Record<string, string[]>;

/** Thrown by route code to answer a Hostinger-shaped error, with Laravel's field errors for a 422. */
export class SimHttpError extends SimulatorHttpError {
  constructor(
    status: ContentfulStatusCode,
    message: string,
    readonly errors?: FieldErrors,
  ) {
    super(status, message);
  }
}

const correlationId = (): string => globalThis.crypto.randomUUID();

/** `{message, correlation_id}`, Hostinger's error body (also what a fault without a body answers). */
export const errorBody = (_status: number, message: string): { message: string; correlation_id: string } => ({
  message,
  correlation_id: correlationId(),
});

/** `{message, correlation_id}` (or `{message, errors, correlation_id}` for 422), as Hostinger answers errors. */
export function errorResponse(c: Context, error: SimulatorHttpError): Response {
  const errors = error instanceof SimHttpError ? error.errors : undefined;
  const body = errors
    ? { message: error.message, errors, correlation_id: correlationId() }
    : errorBody(error.status, error.message);
  return c.json(body, error.status);
}

/** A 422 whose message is the first error plus "(and N more errors)", as Laravel summarises. */
export function unprocessable(errors: FieldErrors): SimHttpError {
  const messages = Object.values(errors).flat();
  const extra = messages.length - 1;
  const summary =
    extra > 0
      ? `${messages[0]} (and ${extra} more error${extra === 1 ? '' : 's'})`
      : (messages[0] ?? 'The given data was invalid.');
  return new SimHttpError(422, summary, errors);
}

/** A 422 for one field. */
export const fieldError = (field: string, message: string): SimHttpError => unprocessable({ [field]: [message] });

/** 404 `{message, correlation_id}`. */
export const notFound = (message: string): SimHttpError => new SimHttpError(404, message);

/** `{message: 'Request accepted'}`, the body of fire-and-forget mutations. */
export const accepted = (c: Context): Response => c.json({ message: 'Request accepted' }, 200);

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const TYPE_WORDS: Record<string, string> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
};

/** Turns zod issues into Laravel-style field errors ("The zone.0.name field is required."). */
export function laravelErrors(issues: readonly z.core.$ZodIssue[], data: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || 'body';
    const value = valueAt(data, issue.path);
    let message: string;
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
      message = `The ${field} field is required.`;
    else if (issue.code === 'invalid_type')
      message = `The ${field} field must be ${TYPE_WORDS[issue.expected] ?? `a ${issue.expected}`}.`;
    else if (issue.code === 'invalid_value') message = `The selected ${field} is invalid.`;
    else if (issue.code === 'too_small')
      message = `The ${field} field must be at least ${String(issue.minimum)} characters.`;
    else message = `The ${field} field is invalid.`;
    (errors[field] ??= []).push(message);
  }
  return errors;
}

/** Reads the JSON body (an absent body is `{}`) and parses it with `schema`, or throws a Hostinger 422. */
export async function parseBody<T>(c: Context, schema: z.ZodMiniType<T>): Promise<T> {
  const data = await readJsonBody(c, () => fieldError('body', 'The request body must be valid JSON.'));
  const result = schema.safeParse(data);
  if (!result.success) throw unprocessable(laravelErrors(result.error.issues, data));
  return result.data;
}
