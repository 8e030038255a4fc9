/**
 * What the adapter kit needs to know about DigitalOcean: its names, its origin, how its error bodies
 * read (`{id, message, request_id}`) and which headers say how long to wait after a 429; plus the one
 * listing loop every paginated endpoint uses.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import { ProviderAPIError } from '../core/errors.js';
import { createAdapterClient } from '../kit/adapter.js';
import {
  type AdapterSpec,
  ApiClient,
  type ApiClientOptions,
  type ErrorBody,
  firstLine,
  parseWire,
  readResetEpoch,
  readRetryAfter,
} from '../kit/index.js';

/** DigitalOcean's API origin. */
export const DEFAULT_BASE_URL = 'https://api.digitalocean.com';

/** The client every DigitalOcean capability sends its requests through. */
export type DigitalOceanClient = ApiClient;

/** Reads a DigitalOcean error body `{id, message, request_id?}` leniently; plain text gives its first line. */
export function readDigitalOceanErrorBody(text: string): ErrorBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const line = firstLine(text);
    return line ? { message: line } : {};
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const v = value as Record<string, unknown>;
  const body: ErrorBody = {};
  if (typeof v.message === 'string') body.message = typeof v.id === 'string' ? `${v.message} (${v.id})` : v.message;
  if (typeof v.request_id === 'string') body.correlationId = v.request_id;
  return body;
}

/**
 * The wait a 429 asks for: `retry-after` seconds when present (the burst limit), else the time until
 * `ratelimit-reset` (epoch seconds) when `ratelimit-remaining` is 0 (the hourly limit). Every answer
 * carries `ratelimit-reset`, so it is read only when the limit is spent: a 5xx gets the usual back-off.
 */
export function digitalOceanRetryAfterMs(headers: Headers, now: number): number | undefined {
  const after = readRetryAfter(headers.get('retry-after'), now);
  if (after !== undefined) return after;
  if (headers.get('ratelimit-remaining')?.trim() !== '0') return undefined;
  return readResetEpoch(headers.get('ratelimit-reset'), now);
}

/** DigitalOcean as the adapter kit sees it. */
export const DIGITALOCEAN_SPEC: AdapterSpec = {
  name: 'digitalocean',
  displayName: 'DigitalOcean',
  defaultBaseUrl: DEFAULT_BASE_URL,
  readErrorBody: readDigitalOceanErrorBody,
  retryAfterMs: digitalOceanRetryAfterMs,
};

/**
 * Creates the client of one DigitalOcean account.
 * @throws {ValidationError} when `apiKey` is empty or not visible ASCII.
 */
export function createDigitalOceanClient(options: ApiClientOptions): DigitalOceanClient {
  return createAdapterClient(DIGITALOCEAN_SPEC, options);
}

/** The most a listing may ask for (the API's own cap). */
export const PER_PAGE = 200;
/** A guard against a server that keeps saying "more pages". */
const MAX_PAGES = 500;

const PageLinksWire = z.optional(
  z.nullable(
    z.looseObject({ pages: z.optional(z.nullable(z.looseObject({ next: z.optional(z.nullable(z.string())) }))) }),
  ),
);

/**
 * Every item of a paginated listing: asks for `per_page=200` and follows `links.pages.next` as given
 * until it is absent. A `next` link to another origin is refused (the token never leaves the API).
 * @throws {ProviderAPIError} when a page does not have the expected shape or `next` leaves the API.
 */
export async function listAll<T extends z.ZodMiniType>(
  client: DigitalOceanClient,
  path: string,
  key: string,
  item: T,
  options: { signal?: AbortSignal | undefined; searchParams?: Record<string, string> } = {},
): Promise<z.output<T>[]> {
  const pageSchema = z.looseObject({ [key]: z.array(item), links: PageLinksWire });
  const base = new URL(`${client.baseUrl}/`);
  const items: z.output<T>[] = [];
  let request: { path: string; searchParams: Record<string, string> } = {
    path,
    searchParams: { ...options.searchParams, per_page: String(PER_PAGE) },
  };
  for (let page = 0; page < MAX_PAGES; page++) {
    const raw = await client.request({ method: 'GET', ...request, signal: options.signal });
    const data = parseWire(client.spec, pageSchema, raw, `GET /${request.path}`) as Record<string, unknown> & {
      links?: { pages?: { next?: string | null } | null } | null;
    };
    items.push(...(data[key] as z.output<T>[]));
    const next = data.links?.pages?.next;
    if (!next) return items;
    const url = new URL(next, base);
    if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) {
      throw new ProviderAPIError(`DigitalOcean's next-page link leaves the API (${url.origin}); not followed`, {
        provider: client.spec.name,
      });
    }
    request = { path: url.pathname.slice(base.pathname.length), searchParams: Object.fromEntries(url.searchParams) };
  }
  throw new ProviderAPIError(`GET /${path} did not end after ${MAX_PAGES} pages`, { provider: client.spec.name });
}
