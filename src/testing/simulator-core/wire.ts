/**
 * Small wire helpers both simulators' routes use.
 * @module
 */
import type { Context } from 'hono';

/**
 * ISO-8601 without milliseconds, as Hostinger and DigitalOcean print timestamps.
 * @internal
 */
export const isoNow = (now = new Date()): string => now.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Reads the request body as JSON; an absent or blank body is `{}`.
 * @param invalid the provider's error for a body that is not JSON
 * @throws what `invalid` returns when the body is not JSON
 * @internal
 */
export async function readJsonBody(c: Context, invalid: () => Error): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid();
  }
}
