import type { Context } from 'hono';
import { readJsonBody, SimulatorHttpError } from '../core/app.js';

/** The short error ids DigitalOcean pairs with each status. */
const ERROR_IDS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'unprocessable_entity',
  429: 'too_many_requests',
  500: 'server_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

/** `{id, message, request_id}`, DigitalOcean's error body. */
export function errorBody(status: number, message: string): { id: string; message: string; request_id: string } {
  return { id: ERROR_IDS[status] ?? 'error', message, request_id: globalThis.crypto.randomUUID() };
}

/** Answers `error` as DigitalOcean does. */
export const errorResponse = (c: Context, error: SimulatorHttpError): Response =>
  c.json(errorBody(error.status, error.message), error.status);

/** DigitalOcean's wording of a 404, for a missing resource and an unknown route alike. */
export const notFoundMessage = 'The resource you were accessing could not be found.';

/** 404 `not_found` with DigitalOcean's wording. */
export const notFound = (): SimulatorHttpError => new SimulatorHttpError(404, notFoundMessage);

/** 422 `unprocessable_entity`. */
export const unprocessable = (message: string): SimulatorHttpError => new SimulatorHttpError(422, message);

/** Reads the JSON body (an absent body is `{}`); anything but a JSON object is a 400. */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const data = await readJsonBody(c, () => new SimulatorHttpError(400, 'unable to parse request body as JSON'));
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new SimulatorHttpError(400, 'request body must be a JSON object');
  return data as Record<string, unknown>;
}

const MAX_PER_PAGE = 200;

function pageParam(c: Context, name: string, fallback: number): number {
  const raw = c.req.query(name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new SimulatorHttpError(400, `${name} must be a positive integer`);
  return Number(raw);
}

/**
 * A list answer: `{<key>: page, links: {pages: {first?, prev?, next?, last?}}, meta: {total}}`. Reads
 * `page` and `per_page` (default 20; more than 200 is a 400, as the parameter's range says). Links are
 * absolute URLs that keep every other query parameter; `links` is `{}` when everything fits on one page.
 */
export function listResponse<T>(c: Context, key: string, items: readonly T[]): Response {
  const page = pageParam(c, 'page', 1);
  const perPage = pageParam(c, 'per_page', 20);
  if (perPage > MAX_PER_PAGE) throw new SimulatorHttpError(400, `per_page must be at most ${MAX_PER_PAGE}`);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number): string => {
    const url = new URL(c.req.url);
    url.searchParams.set('page', String(n));
    url.searchParams.set('per_page', String(perPage));
    return url.toString();
  };
  const pages: Record<string, string> = {};
  if (page > 1) Object.assign(pages, { first: link(1), prev: link(Math.min(page - 1, last)) });
  if (page < last) Object.assign(pages, { next: link(page + 1), last: link(last) });
  const links = Object.keys(pages).length > 0 ? { pages } : {};
  const slice = items.slice((page - 1) * perPage, page * perPage);
  return c.json({ [key]: slice, links, meta: { total: items.length } });
}
