/**
 * What the adapter kit needs to know about Hetzner Cloud: its names, its origin, how its error bodies
 * read (`{error: {code, message, details}}`) and how long a 429 asks to wait; plus the listing loop every
 * paginated endpoint uses and the retries of answers that say "nothing was applied, try again".
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { AdapterOptions } from '../core/adapter-options.js';
import { ConflictError, ProviderAPIError } from '../core/errors.js';
import type { ApiRequest } from '../kit/client.js';
import type { WireOutput, WireSchema } from '../kit/wire-schema.js';
import { type AdapterSpec, type ApiClient, createAdapterClient, type ErrorBody, firstLine, parseWire } from './kit.js';
import { readResetEpoch, readRetryAfter } from './kit.js';
import type { HetznerActionOptions } from './options.js';
import { sleep } from './sleep.js';

/** Hetzner Cloud's API origin and version path. */
export const DEFAULT_BASE_URL = 'https://api.hetzner.cloud/v1';
const PROVIDER = 'hetzner';

/** The Hetzner error codes that mean the request was refused before anything changed. */
const CONFLICT_CODES = new Set(['uniqueness_error', 'conflict', 'locked', 'protected', 'resource_limit_exceeded']);

/** Reads `{error: {code, message, details}}` leniently; plain text gives its first line. */
export function readHetznerErrorBody(text: string): ErrorBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const line = firstLine(text);
    return line ? { message: line } : {};
  }
  const error = (value as { error?: unknown } | null)?.error;
  if (error === null || typeof error !== 'object') return {};
  const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown };
  const body: ErrorBody = {};
  const name = typeof code === 'string' ? code : undefined;
  const text2 = typeof message === 'string' ? message : undefined;
  if (text2 !== undefined || name !== undefined) body.message = `${text2 ?? 'error'}${name ? ` [${name}]` : ''}`;
  if (name && CONFLICT_CODES.has(name)) body.conflict = true;
  if (name === 'protected') body.message = `${body.message}; protected in Hetzner, remove the protection first`;
  const fields = (details as { fields?: unknown } | null)?.fields;
  if (Array.isArray(fields)) {
    const out: Record<string, string[]> = {};
    for (const f of fields as Array<{ name?: unknown; messages?: unknown }>) {
      if (typeof f?.name !== 'string') continue;
      const messages = Array.isArray(f.messages) ? f.messages.filter((m): m is string => typeof m === 'string') : [];
      out[f.name] = messages.length > 0 ? messages : [text2 ?? 'is invalid'];
    }
    if (Object.keys(out).length > 0) body.fields = out;
  }
  if (name === 'incorrect_zone_mode')
    body.fields = { domain: ['the zone is a secondary zone: its records come from its primary name servers'] };
  if (name === 'token_readonly') body.authHint = ' (a read-only token cannot write)';
  return body;
}

/** The Hetzner error code an SDK error carries in its message (`[locked]`), if any. */
export function hetznerCode(error: unknown): string | undefined {
  return error instanceof Error ? /\[([a-z_]+)\]/.exec(error.message)?.[1] : undefined;
}

/**
 * The wait a 429 asks for: `Retry-After` when present; else, once `RateLimit-Remaining` is 0, until
 * `RateLimit-Reset` (epoch seconds, when the whole budget is back) but no longer than one request's share
 * of the hour (`3600 / RateLimit-Limit` s), since the budget refills one request at a time.
 */
export function hetznerRetryAfterMs(headers: Headers, now: number): number | undefined {
  const after = readRetryAfter(headers.get('retry-after'), now);
  if (after !== undefined) return after;
  if (headers.get('ratelimit-remaining')?.trim() !== '0') return undefined;
  const reset = readResetEpoch(headers.get('ratelimit-reset'), now);
  const limit = Number(headers.get('ratelimit-limit'));
  const share = Number.isFinite(limit) && limit > 0 ? Math.ceil(3600 / limit) * 1000 : undefined;
  if (reset === undefined) return share;
  return share === undefined ? reset : Math.min(reset, share);
}

/** Hetzner Cloud as the adapter kit sees it. */
export const HETZNER_SPEC: AdapterSpec = {
  name: PROVIDER,
  displayName: 'Hetzner',
  defaultBaseUrl: DEFAULT_BASE_URL,
  readErrorBody: readHetznerErrorBody,
  retryAfterMs: hetznerRetryAfterMs,
};

/** The client every Hetzner capability sends its requests through. */
export class HetznerClient {
  readonly api: ApiClient;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly #retries: number;

  constructor(options: AdapterOptions & { actions?: HetznerActionOptions }) {
    this.api = createAdapterClient(HETZNER_SPEC, options);
    this.intervalMs = Math.max(0, options.actions?.intervalMs ?? 500);
    this.timeoutMs = Math.max(0, options.actions?.timeoutMs ?? 600_000);
    this.#retries = options.retry?.limit ?? 3;
  }

  get baseUrl(): string {
    return this.api.baseUrl;
  }

  /**
   * Sends a request; a `409 conflict` ("changed during the request") or a `423 locked` (another action
   * runs on the resource), which Hetzner answers before applying anything, is sent again after a pause
   * and `beforeRetry` (e.g. waiting for the caller's own running actions).
   */
  async request<S extends WireSchema>(
    request: ApiRequest<S>,
    options: { beforeRetry?: () => Promise<void> } = {},
  ): Promise<WireOutput<S>> {
    for (let retry = 0; ; retry++) {
      try {
        return await this.api.request(request);
      } catch (error) {
        const code = hetznerCode(error);
        const again = error instanceof ConflictError && (code === 'conflict' || code === 'locked');
        if (!again || retry >= this.#retries) throw error;
        await sleep(Math.min(this.intervalMs * 2 ** retry, 10_000), request.signal);
        await options.beforeRetry?.();
      }
    }
  }

  /**
   * Every item of a paginated listing: `per_page` as given (50, Hetzner's cap; 100 for record sets) and
   * `page = meta.pagination.next_page` until it is null.
   * @throws {ProviderAPIError} when a page does not have the expected shape.
   */
  async listAll<T extends z.ZodMiniType>(
    path: string,
    key: string,
    item: T,
    options: { signal?: AbortSignal | undefined; perPage?: number; searchParams?: Record<string, string> } = {},
  ): Promise<z.output<T>[]> {
    const schema = z.looseObject({ [key]: z.array(item), meta: z.optional(z.nullable(PageMeta)) });
    const items: z.output<T>[] = [];
    let page = 1;
    for (let n = 0; n < MAX_PAGES; n++) {
      const searchParams = { ...options.searchParams, page: String(page), per_page: String(options.perPage ?? 50) };
      const raw = await this.request({
        method: 'GET',
        path,
        searchParams,
        schema: z.unknown(),
        signal: options.signal,
      });
      const data = parseWire(HETZNER_SPEC, schema, raw, `GET /${path}`) as Record<string, unknown> & {
        meta?: z.infer<typeof PageMeta> | null;
      };
      items.push(...(data[key] as z.output<T>[]));
      const next = data.meta?.pagination?.next_page;
      if (typeof next !== 'number' || next <= page) return items;
      page = next;
    }
    throw new ProviderAPIError(`GET /${path} did not end after ${MAX_PAGES} pages`, { provider: PROVIDER });
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `HetznerClient { baseUrl: '${this.baseUrl}' }`;
  }

  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl };
  }
}

/** A guard against a server that keeps saying "more pages". */
const MAX_PAGES = 1000;
const PageMeta = z.looseObject({
  pagination: z.optional(z.nullable(z.looseObject({ next_page: z.optional(z.nullable(z.number())) }))),
});
