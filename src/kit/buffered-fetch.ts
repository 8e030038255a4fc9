/**
 * A `fetch` that resolves only once the answer's body has arrived. ky's per-attempt `timeout` covers
 * the `fetch` call, so reading the body inside it puts the whole attempt under the timeout: an answer
 * that stalls after its headers times out (and is retried like any timeout) instead of hanging.
 *
 * @internal
 * @module
 */

/** Statuses whose answer can have no body (the `Response` constructor refuses one). */
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

/** Wraps `fetchImpl` so that its answers come back with their body already read into memory. */
export function bufferedFetch(fetchImpl: typeof globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    // The body stream follows the request's signal: a timeout or an abort stops this read too.
    const body = NULL_BODY_STATUS.has(response.status) ? null : await response.arrayBuffer();
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
