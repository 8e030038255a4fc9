/**
 * Plumbing both simulators share: loading the optional msw peer, reading a logged body, a network error.
 * @internal
 * @module
 */
import { createRequire } from 'node:module';

type MswModule = typeof import('msw');
declare const __filename: string | undefined;

/**
 * Loads msw, an optional peer, only when `handlers()` is called: synchronously, in the ESM and CJS builds alike
 * (ESM resolves from import.meta.url; the CJS build has an empty import.meta and a real __filename).
 * @throws Error saying how to install msw when it is missing
 */
export function loadMsw(): MswModule {
  const from = (import.meta as { url?: string }).url ?? (typeof __filename === 'string' ? __filename : '');
  try {
    return createRequire(from)('msw') as MswModule;
  } catch (error) {
    throw new Error('sim.handlers() needs msw (an optional peer dependency): npm install --save-dev msw', {
      cause: error,
    });
  }
}

/** The body as JSON, the raw text when it is not JSON, or `undefined` when empty. */
export async function readBody(request: Request): Promise<unknown> {
  if (request.body === null) return undefined;
  const text = await request.clone().text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** What `fetch` rejects with when the connection drops. */
export function networkError(): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
}
