/**
 * The adapter kit: everything an HTTP adapter shares with the others, so that an adapter is only its
 * options and factory, how its error bodies read, and one file per capability.
 *
 * How an adapter uses it:
 * 1. Describe the provider in an {@link AdapterSpec}: `name` (the registry key and every error's
 *    `provider`), `displayName` (used in messages), `defaultBaseUrl`, `readErrorBody(text, status)`
 *    (turn an error body into `{message, fields, correlationId, conflict, authHint}`; never throw) and,
 *    when the API names its waits in other headers than `Retry-After`, `retryAfterMs(headers, now)`
 *    (e.g. `readResetEpoch(headers.get('ratelimit-reset'), now) ?? readRetryAfter(headers.get('retry-after'), now)`).
 * 2. Create one {@link ApiClient} per provider instance: `new ApiClient(spec, options)`, where `options`
 *    are the adapter's `AdapterOptions` (token, origin, fetch, timeout, retry, userAgent). The client
 *    adds the Bearer token, retries (429 always; 5xx, timeouts and network failures only when the
 *    request is idempotent; `Retry-After` up to `retry.maxRetryAfter`), maps every failure to the SDK's
 *    errors and never lets the token reach an error.
 * 3. In each capability file, declare the answers with zod/mini schemas (`listWire`, `maybeString`...)
 *    or, for large answers or code that must stay small, a hand-written {@link wireSchema} (any Standard
 *    Schema works: the client only calls `schema['~standard'].validate`),
 *    build paths with `apiPath`/`domainPath`/`numericIdPath` (every parameter percent-encoded), and call
 *    `client.request({ method, path, json?, searchParams?, schema, idempotent?, signal })`.
 *
 * @internal
 * @module
 */
export type { AdapterSpec, ErrorBody } from './spec.js';
export { requestedWait } from './spec.js';
export { ApiClient } from './client.js';
export type { ApiClientOptions, ApiRequest, ApiResponse, HttpMethod } from './client.js';
export { errorFromResponse, firstLine } from './http-errors.js';
export type { FailedResponse } from './http-errors.js';
export { apiPath, domainPath, numericIdPath } from './paths.js';
export { readRetryAfter, readResetEpoch } from './retry-after.js';
export { backoffDelay, failureKind, planRetry } from './retry.js';
export type { FailureKind, RetryContext } from './retry.js';
export { listInput, MessageWire, parseWire } from './parse-wire.js';
export type { WireSource } from './parse-wire.js';
export { listWire, maybeString, maybeNumber, maybeBoolean, PageMetaWire } from './wire.js';
export { isObject, wireSchema } from './wire-schema.js';
export type { WireIssue, WireOutput, WireResult, WireSchema } from './wire-schema.js';
export { sha512Crypt } from './sha512-crypt.js';
export type { Sha512CryptOptions } from './sha512-crypt.js';
export { assertUserDataFits, mergeUserData, passwordCloudConfig, userDataType } from './user-data.js';
