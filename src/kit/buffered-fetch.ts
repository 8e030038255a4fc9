/**
 * A `fetch` that resolves only once the answer's body has arrived. ky's per-attempt `timeout` covers
 * the `fetch` call, so reading the body inside it puts the whole attempt under the timeout: an answer
 * that stalls after its headers times out (and is retried like any timeout) instead of hanging.
 *
 * The body is read once, as text, and kept beside the answer: {@link bodyText} hands it back without a
 * second copy or decode (a large zone listing is read and decoded exactly once). The answer ky sees
 * carries status and headers only, so every reader of the body must use {@link bodyText}.
 *
 * @internal
 * @module
 */

/** Statuses whose answer can have no body (the `Response` constructor refuses one). */
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

const texts = new WeakMap<Response, string>();
// Decodes as `Response.text()` does: UTF-8, a leading byte order mark dropped, bad bytes replaced.
const decoder = new TextDecoder();

/**
 * The body as text, read straight from its stream: the same text as `Response.text()`, without its
 * extra copy of the bytes when the body arrives in one chunk (an in-memory or small answer).
 */
async function readText(body: ReadableStream<Uint8Array> | null): Promise<string> {
  if (body === null) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
  }
  if (chunks.length < 2) return chunks.length === 0 ? '' : decoder.decode(chunks[0]);
  const all = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return decoder.decode(all);
}

/** Wraps `fetchImpl` so that its answers come back with their body already read into memory. */
export function bufferedFetch(fetchImpl: typeof globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    // The body stream follows the request's signal: a timeout or an abort stops this read too.
    const text = NULL_BODY_STATUS.has(response.status) ? '' : await readText(response.body);
    // The answer handed on has no body of its own (encoding the text again would cost as much as reading
    // it): the client reads it through `bodyText` only.
    const copy = new Response(null, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    texts.set(copy, text);
    return copy;
  };
}

/** The body of an answer: the text {@link bufferedFetch} read, or (for any other answer) read now. */
export function bodyText(response: Response): Promise<string> {
  const text = texts.get(response);
  return text === undefined ? response.text() : Promise.resolve(text);
}
