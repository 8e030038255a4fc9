import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { readJsonBody, SimulatorHttpError } from '../core/app.js';

/** The error code Hetzner pairs with each status when a route names none. */
const CODES: Record<number, string> = {
  400: 'json_error',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  412: 'resource_unavailable',
  422: 'invalid_input',
  423: 'locked',
  429: 'rate_limit_exceeded',
  500: 'server_error',
  502: 'bad_gateway',
  503: 'unavailable',
  504: 'timeout',
};

/** A refusal in Hetzner's shape: a status, an error code and its details. */
export class HzHttpError extends SimulatorHttpError {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> | null = null,
  ) {
    super(status, message);
  }
}

/** `{error: {code, message, details}}`, Hetzner's error body. */
export function errorBody(status: number, message: string, code?: string, details: unknown = null) {
  return { error: { code: code ?? CODES[status] ?? 'server_error', message, details } };
}

/** Answers `error` as Hetzner does. */
export const errorResponse = (c: Context, error: SimulatorHttpError): Response => {
  const hz = error instanceof HzHttpError ? error : undefined;
  return c.json(errorBody(error.status, error.message, hz?.code, hz?.details ?? null), error.status);
};

/** 404 `not_found`. */
export const notFound = (what = 'resource'): HzHttpError => new HzHttpError(404, 'not_found', `${what} not found`);

/** 422 `invalid_input` naming one field, with Hetzner's `details.fields`. */
export const invalidInput = (field: string, message: string): HzHttpError =>
  new HzHttpError(422, 'invalid_input', `invalid input in field '${field}'`, {
    fields: [{ name: field, messages: [message] }],
  });

/** 409 `uniqueness_error` naming the field that must be unique. */
export const notUnique = (field: string, message: string): HzHttpError =>
  new HzHttpError(409, 'uniqueness_error', message, { fields: [{ name: field }] });

/** Reads the JSON body (an absent body is `{}`); anything but a JSON object is a 400 `json_error`. */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const data = await readJsonBody(c, () => new HzHttpError(400, 'json_error', 'invalid JSON in request body'));
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new HzHttpError(400, 'json_error', 'request body must be a JSON object');
  return data as Record<string, unknown>;
}

function pageParam(c: Context, name: string, fallback: number): number {
  const raw = c.req.query(name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw invalidInput(name, 'must be a positive integer');
  return Number(raw);
}

/**
 * A list answer `{<key>: page, meta: {pagination}}`: `page` and `per_page` (default 25, at most `max`,
 * 50 for most lists and 100 for record sets; more is a 422).
 */
export function listResponse<T>(c: Context, key: string, items: readonly T[], max = 50): Response {
  const page = pageParam(c, 'page', 1);
  const perPage = pageParam(c, 'per_page', 25);
  if (perPage > max) throw invalidInput('per_page', `must be at most ${max}`);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const pagination = {
    page,
    per_page: perPage,
    previous_page: page > 1 ? Math.min(page - 1, last) : null,
    next_page: page < last ? page + 1 : null,
    last_page: last,
    total_entries: items.length,
  };
  return c.json({ [key]: items.slice((page - 1) * perPage, page * perPage), meta: { pagination } });
}

/** An integer path parameter, or 404 (Hetzner answers a non-numeric id as not found). */
export function idParam(c: Context, name: string): number {
  const raw = c.req.param(name) ?? '';
  if (!/^\d{1,16}$/.test(raw)) throw notFound();
  return Number(raw);
}
