import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ProviderAPIError, ValidationError } from '../../src/core/errors.js';
import { createDigitalOceanProvider } from '../../src/digitalocean/index.js';
import { createHostingerProvider } from '../../src/hostinger/index.js';

/** A port on 127.0.0.1 that nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('kit: what a network failure says', () => {
  it('names why the connection failed (here: refused), not only "fetch failed"', async () => {
    const port = await closedPort();
    const provider = createHostingerProvider({
      apiKey: 'tok-123456',
      baseUrl: `http://127.0.0.1:${port}`,
      retry: { limit: 0 },
    });
    const error = await provider.dns.list('example.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderAPIError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Network failure on GET /api/dns/v1/zones/example\\.com \\(1 attempt\\(s\\)\\): .*ECONNREFUSED 127\\.0\\.0\\.1:${port}`,
      ),
    );
  });

  it('refuses a base URL that is not an http(s) URL when the provider is created, naming baseUrl', () => {
    for (const create of [createHostingerProvider, createDigitalOceanProvider]) {
      for (const baseUrl of ['not-a-url', 'ftp://api.example.com', 'https://', 'api.example.com']) {
        let error: unknown;
        try {
          create({ apiKey: 'tok-123456', baseUrl });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).fields).toEqual({ baseUrl: [expect.stringContaining('https://')] });
      }
    }
  });
});
