/** A tiny authenticated JSON client for driving the Hostinger simulator in tests. */

/** A decoded answer: status, headers and the JSON body (or the text when it is not JSON). */
export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Returns `call(method, path, body?)` that sends JSON with `Authorization: Bearer <token>` to `baseUrl`.
 * @example const call = hostingerCall('https://developers.hostinger.com'); await call('GET', '/api/vps/v1/templates');
 */
export function hostingerCall(baseUrl: string, options: { token?: string | null; fetch?: Fetch } = {}) {
  const token = options.token === undefined ? 'test-token' : options.token;
  const doFetch: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  return async function call<T = any>(method: string, path: string, body?: unknown): Promise<CallResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await doFetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // plain-text bodies (Cloudflare) stay strings
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  };
}
