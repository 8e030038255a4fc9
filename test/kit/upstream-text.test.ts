import { inspect } from 'node:util';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isRateLimitError } from '../../src/core/errors.js';
import { createHostingerProvider } from '../../src/hostinger/index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const ZONE = 'https://developers.hostinger.com/api/dns/v1/zones/example.com';
// Contains a character that JSON may escape (`/` → `\/`), so both spellings reach the parser.
const TOKEN = 'echo/TOKEN-5f1d2c3b4a';

describe('kit: upstream text that echoes the token', () => {
  const answers: [string, () => Response][] = [
    ['a JSON message', () => HttpResponse.json({ message: `token ${TOKEN} is not allowed` }, { status: 400 })],
    [
      'a field name and a field message',
      () => HttpResponse.json({ message: 'bad', errors: { [TOKEN]: [`got ${TOKEN}`] } }, { status: 422 }),
    ],
    [
      'an escaped JSON string',
      () =>
        new HttpResponse(`{"message":"token ${TOKEN.replace('/', '\\/')} refused"}`, {
          status: 500,
          headers: { 'Content-Type': 'application/json' },
        }),
    ],
    ['a plain-text page', () => new HttpResponse(`upstream rejected ${TOKEN}\n`, { status: 502 })],
    ['a correlation id', () => HttpResponse.json({ message: 'x', correlation_id: TOKEN }, { status: 503 })],
  ];

  it.each(answers)('keeps the token out of the error when the answer holds it in %s', async (_name, answer) => {
    server.use(http.get(ZONE, answer));
    const provider = createHostingerProvider({ apiKey: TOKEN, retry: { limit: 0 } });
    const error = await provider.dns.list('example.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const shown = [(error as Error).message, JSON.stringify(error), inspect(error, { depth: 5 })].join('\n');
    expect(shown).not.toContain(TOKEN);
    expect(shown).not.toContain('TOKEN-5f1d2c3b4a');
    expect((error as Error).message).toContain('[REDACTED]');
  });
});

describe('kit: Retry-After values beyond any sensible wait', () => {
  it.each(['1e400', '9'.repeat(400)])('Retry-After: %s becomes a finite whole number of seconds', async (value) => {
    let sent = 0;
    server.use(
      http.get(ZONE, () => {
        sent += 1;
        return new HttpResponse(null, { status: 429, headers: { 'Retry-After': value } });
      }),
    );
    const error = await createHostingerProvider({ apiKey: 'k-123456' })
      .dns.list('example.com')
      .catch((e: unknown) => e);
    expect(isRateLimitError(error)).toBe(true);
    const retryAfter = (error as { retryAfter?: number }).retryAfter;
    expect(Number.isSafeInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(60);
    expect(JSON.stringify(error)).not.toContain('null');
    expect(sent).toBe(1); // a wait over the 60 s cap is never slept
  });
});
