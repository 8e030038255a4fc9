import { inspect } from 'node:util';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import { tokenScrubber } from '../../src/kit/scrub-token.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const ZONE = 'https://developers.hostinger.com/api/dns/v1/zones/example.com';

/** The error `dns.list` rejects with when the provider answers `status` with `message`, as everything shows it. */
async function shownError(apiKey: string, status: number, message: string): Promise<string> {
  server.use(http.get(ZONE, () => HttpResponse.json({ message }, { status })));
  const error = await createHostingerProvider({ apiKey, retry: { limit: 0 } })
    .dns.list('example.com')
    .catch((e: unknown) => e as Error);
  return [(error as Error).message, JSON.stringify(error), inspect(error, { depth: 5 })].join('\n');
}

describe('kit: the token scrubbed from upstream text', () => {
  const TOKEN = 'MixedCase-Token-4F2A9b';

  it.each([
    ['lower-cased', TOKEN.toLowerCase()],
    ['upper-cased', TOKEN.toUpperCase()],
    ['as sent', TOKEN],
  ])('an echo of the token %s is hidden', async (_how, echo) => {
    const shown = await shownError(TOKEN, 400, `token ${echo} is not allowed here`);
    expect(shown.toLowerCase()).not.toContain(TOKEN.toLowerCase());
    expect(shown).toContain('token [REDACTED] is not allowed here');
  });

  it('a one-character token leaves the words of a message whole, and is hidden where it stands alone', async () => {
    const shown = await shownError('e', 422, 'The selected name is invalid: e');
    expect(shown).toContain('The selected name is invalid: [REDACTED]');
    expect(shown).toContain('Hostinger');
  });

  it('a short token inside a longer word is left alone; a long one is hidden anywhere', () => {
    expect(tokenScrubber('abc1')('xabc1y and ABC1.')).toBe('xabc1y and [REDACTED].');
    expect(tokenScrubber('a.b+c(d)e')('see A.B+C(D)E')).toBe('see [REDACTED]');
    expect(tokenScrubber('k3y-s3cr3t-99')('prefixK3Y-S3CR3T-99suffix')).toBe('prefix[REDACTED]suffix');
    expect(tokenScrubber('')('nothing changes')).toBe('nothing changes');
  });
});
