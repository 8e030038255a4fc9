/**
 * The HTTP client every adapter uses: one ky instance with auth, `User-Agent`, per-attempt timeout
 * and the retry policy of `retry.ts`; every answer is mapped to an SDK error in `http-errors.ts` or
 * parsed with its Standard Schema (zod/mini or hand-written) in `parse-wire.ts`. The provider's
 * specifics come in an {@link AdapterSpec}.
 *
 * @module
 */
import ky, { isHTTPError, type KyInstance } from 'ky';
import type { AdapterOptions } from '../core/adapter-options.js';
import { isHostingError, ProviderAPIError, TimeoutError } from '../core/errors.js';
import { VERSION } from '../version.js';
import { bodyText, bufferedFetch } from './buffered-fetch.js';
import { type SharedCooldown, sharedCooldown } from './cooldown.js';
import { tokenScrubber } from './scrub-token.js';
import { errorFromResponse } from './http-errors.js';
import { failureKind, planRetry } from './retry.js';
import { type AdapterSpec, requestedWait } from './spec.js';
import { parseWire } from './parse-wire.js';
import { wireSchema, type WireOutput, type WireSchema } from './wire-schema.js';

/** Settings of the client: the adapter's options, plus a test-only random source. */
export interface ApiClientOptions extends AdapterOptions {
  /** Test-only: the random source of the back-off jitter. */
  random?: () => number;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** One call to the API. */
export interface ApiRequest<S extends WireSchema = WireSchema<unknown>> {
  method: HttpMethod;
  /** Built with `apiPath`/`domainPath`, no leading slash. */
  path: string;
  json?: unknown;
  searchParams?: Record<string, string | number>;
  /**
   * The shape of the answer: a zod schema or any Standard Schema; an answer that does not fit is a
   * `ProviderAPIError` naming the field. Without it the decoded JSON is returned unchecked
   * (`undefined` for an empty body).
   */
  schema?: S;
  /**
   * Whether sending it twice has the effect of sending it once: then 5xx, timeouts and network
   * failures are retried. Defaults to true for GET and DELETE, false otherwise.
   */
  idempotent?: boolean;
  signal?: AbortSignal | undefined;
}

/** A parsed answer with its status (a 202 means "accepted, not done yet" for purchases). */
export interface ApiResponse<T> {
  status: number;
  data: T;
}

/** The schema of a request that names none: any answer, as decoded. */
const ANY: WireSchema<unknown> = /* @__PURE__ */ wireSchema<unknown>(() => undefined);
const ALL_METHODS = ['get', 'post', 'put', 'delete', 'patch', 'head', 'options'];
const RETRY_STATUS = [429, 500, 502, 503, 504];

/** Sends authenticated requests to one provider's API. The token lives in a private field only. */
export class ApiClient {
  readonly baseUrl: string;
  readonly spec: AdapterSpec;
  readonly #ky: KyInstance;
  readonly #limit: number;
  readonly #maxRetryAfter: number;
  readonly #timeout: number;
  readonly #random: () => number;
  readonly #scrub: (text: string) => string;
  readonly #cooldown: SharedCooldown | undefined;

  constructor(spec: AdapterSpec, options: ApiClientOptions) {
    const token = options.apiKey;
    this.#scrub = tokenScrubber(token);
    this.spec = spec;
    this.baseUrl = (options.baseUrl ?? spec.defaultBaseUrl).replace(/\/+$/, '');
    this.#limit = options.retry?.limit ?? 3;
    this.#maxRetryAfter = options.retry?.maxRetryAfter ?? 60;
    this.#timeout = options.timeout ?? 30_000;
    this.#random = options.random ?? (() => Math.random());
    this.#cooldown = options.sharedCooldown
      ? sharedCooldown(options.sharedCooldown, spec.name, token, this.#maxRetryAfter, this.#timeout)
      : undefined;
    const agent = options.userAgent ? `${options.userAgent} setec-hosting/${VERSION}` : `setec-hosting/${VERSION}`;
    this.#ky = ky.create({
      prefixUrl: this.baseUrl,
      timeout: this.#timeout,
      redirect: 'error',
      throwHttpErrors: true,
      headers: { Accept: 'application/json', 'User-Agent': agent },
      // The token is added per request from this closure, so ky's stored options never hold it.
      hooks: {
        beforeRequest: [
          spec.authHeader
            ? (request) => request.headers.set(spec.authHeader as string, token)
            : (request) => request.headers.set('Authorization', `Bearer ${token}`),
        ],
      },
      // Read per call, so a `fetch` patched after creation (msw, test spies) is still the one used.
      fetch: bufferedFetch(options.fetch ?? ((input, init) => globalThis.fetch(input, init))),
    });
  }

  /** Sends a request and returns its parsed body. */
  async request<S extends WireSchema = WireSchema<unknown>>(request: ApiRequest<S>): Promise<WireOutput<S>> {
    return (await this.send(request)).data;
  }

  /**
   * Sends a request with the retry policy and parses the answer.
   * @throws {AuthenticationError | NotFoundError | ConflictError | ValidationError | RateLimitError | ProviderAPIError | TimeoutError}
   */
  async send<S extends WireSchema = WireSchema<unknown>>(request: ApiRequest<S>): Promise<ApiResponse<WireOutput<S>>> {
    const { method, path, signal } = request;
    const idempotent = request.idempotent ?? (method === 'GET' || method === 'DELETE');
    const operation = `${method} /${path}`;
    const cooldown = this.#cooldown;
    // Counted where ky asks whether to retry: `retryCount` is then the number of the attempt that failed.
    let attempts = 1;
    let wait = 0;
    let response: Response;
    try {
      response = await this.#ky(path, {
        method,
        ...(request.json === undefined ? {} : { json: request.json }),
        ...(request.searchParams ? { searchParams: request.searchParams } : {}),
        ...(signal ? { signal } : {}),
        retry: {
          limit: this.#limit,
          methods: ALL_METHODS,
          statusCodes: RETRY_STATUS,
          afterStatusCodes: [],
          backoffLimit: Number.POSITIVE_INFINITY,
          // `shouldRetry` decides and computes the wait; `delay` hands it to ky's abortable sleep.
          delay: () => wait,
          shouldRetry: ({ error, retryCount }) => {
            attempts = retryCount;
            if (signal?.aborted) return false;
            const planned = planRetry(error, retryCount, {
              idempotent,
              maxRetryAfterMs: this.#maxRetryAfter * 1000,
              requestedWait: (headers, now) => requestedWait(this.spec, headers, now),
              random: this.#random,
            });
            if (planned === undefined) return false;
            wait = planned;
            attempts = retryCount + 1;
            return true;
          },
        },
        ...(cooldown && {
          hooks: {
            // A pause another instance was asked for holds every request, retries included.
            beforeRequest: [() => cooldown.wait(operation, signal)],
            afterResponse: [(_r, _o, answer) => this.#recordCooldown(answer, signal)],
          },
        }),
      });
    } catch (error) {
      throw this.#scrubError(await this.#mapFailure(error, { operation, idempotent, attempts, signal }));
    }
    try {
      return { status: response.status, data: await this.#parse(response, request.schema ?? (ANY as S), operation) };
    } catch (error) {
      throw this.#scrubError(error);
    }
  }

  /** After a 429 that asks for a wait, tells every instance sharing the store. */
  async #recordCooldown(response: Response, signal: AbortSignal | undefined): Promise<void> {
    if (response.status !== 429) return;
    const ms = requestedWait(this.spec, response.headers);
    if (ms !== undefined) await this.#cooldown?.record(ms, signal);
  }

  /**
   * An upstream text may echo the token without a `Bearer` prefix (which the errors' own redaction
   * catches): every occurrence of the token is removed from the message and the stack.
   */
  #scrubError(error: unknown): unknown {
    if (!(error instanceof Error)) return error;
    for (const key of ['message', 'stack'] as const) {
      const text = error[key];
      if (typeof text === 'string') {
        const clean = this.#scrub(text);
        if (clean !== text) Object.defineProperty(error, key, { value: clean, writable: true, configurable: true });
      }
    }
    return error;
  }

  async #parse<S extends WireSchema>(response: Response, schema: S, operation: string): Promise<WireOutput<S>> {
    const text = await bodyText(response);
    let body: unknown;
    // A body starting with a visible ASCII character is not blank: a large body is not scanned to tell.
    const first = text.charCodeAt(0);
    if (text === '' || ((first <= 32 || first >= 127) && text.trim() === '')) {
      body = undefined; // only schemas that allow "no body" (MessageWire) accept this
    } else {
      try {
        body = JSON.parse(text);
      } catch {
        throw new ProviderAPIError(
          `${this.spec.displayName} answered ${operation} with malformed JSON (HTTP ${response.status})`,
          { provider: this.spec.name, status: 502, upstreamStatus: response.status },
        );
      }
    }
    return parseWire(this.spec, schema, body, operation, response.status);
  }

  async #mapFailure(
    error: unknown,
    call: { operation: string; idempotent: boolean; attempts: number; signal: AbortSignal | undefined },
  ): Promise<unknown> {
    const { operation, idempotent, attempts, signal } = call;
    const provider = this.spec.name;
    if (signal?.aborted) {
      const reason: unknown = signal.reason;
      if (reason instanceof Error && reason.name === 'TimeoutError') {
        const unknown = idempotent ? '' : '; whether the change was applied is unknown';
        return new TimeoutError(`${operation} did not finish before the caller's deadline${unknown}`, { provider });
      }
      return reason;
    }
    if (isHTTPError(error)) {
      const text = await bodyText(error.response).catch(() => '');
      return errorFromResponse(
        this.spec,
        {
          status: error.response.status,
          retryAfterMs: requestedWait(this.spec, error.response.headers),
          bodyText: text,
          attempts,
          maxRetryAfter: this.#maxRetryAfter,
          operation,
        },
        this.#scrub,
      );
    }
    const unknownOutcome = idempotent ? '' : ' The outcome is unknown: the change may or may not have been applied.';
    switch (failureKind(error)) {
      case 'timeout':
        return new TimeoutError(
          `${operation} timed out after ${this.#timeout} ms (${attempts} attempt(s)).${unknownOutcome}`,
          { provider },
        );
      case 'redirect':
        return new ProviderAPIError(
          `${this.spec.displayName} answered ${operation} with a redirect, which is never followed`,
          { provider },
        );
      case 'network': {
        // undici's `fetch failed` says nothing; its cause says why (refused, unknown host, certificate...).
        const why = (error as { cause?: unknown }).cause;
        const detail = why instanceof Error ? `: ${why.message}` : '';
        return new ProviderAPIError(
          `Network failure on ${operation} (${attempts} attempt(s))${detail}.${unknownOutcome}`,
          {
            provider,
            cause: error,
          },
        );
      }
      default:
        return isHostingError(error)
          ? error
          : new ProviderAPIError(
              `Request ${operation} failed: ${error instanceof Error ? error.message : String(error)}`,
              { provider },
            );
    }
  }

  /** Never shows the token, whatever the depth. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `${this.spec.displayName}Client { baseUrl: '${this.baseUrl}' }`;
  }

  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl };
  }
}
