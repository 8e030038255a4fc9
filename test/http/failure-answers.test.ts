import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import type { ConfigStore } from '../../src/config/config-store.js';
import { MemoryConfigStore } from '../../src/config/memory-store.js';
import { ConfigStoreError } from '../../src/core/errors.js';
import { ProviderRegistry } from '../../src/core/registry.js';
import { createHostingHandler } from '../../src/http/index.js';
import { SECRET, token } from './helpers.js';

/** A store whose reads fail the way a store that lost its backend does, naming where it lives. */
function brokenStore(): ConfigStore {
  const fail = () => Promise.reject(new ConfigStoreError('redis://admin:hunter2@10.0.0.7:6379 refused the connection'));
  return { get: fail, save: fail, delete: fail, list: fail } as unknown as ConfigStore;
}

describe('http: answers to failures', () => {
  it('an error while the settings page is built goes to onError, and the page names nothing of the store', async () => {
    const reported: Array<[unknown, string]> = [];
    const handler = createHostingHandler({
      store: brokenStore(),
      registry: new ProviderRegistry(),
      auth: { jwtSecret: SECRET },
      dashboard: true,
      onError: (error, request) => void reported.push([error, new URL(request.url).pathname]),
    });
    const response = await handler(
      new Request('http://localhost/hosting', { headers: { Authorization: `Bearer ${await token()}` } }),
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toContain('The settings page is unavailable');
    expect(text).not.toMatch(/redis|hunter2|10\.0\.0\.7|refused/);
    expect(reported).toHaveLength(1);
    expect(reported[0]![0]).toBeInstanceOf(ConfigStoreError);
    expect(reported[0]![1]).toBe('/hosting');
  });

  it('a 413 over real HTTP says Connection: close, and the server closes the connection', async () => {
    const handler = createHostingHandler({
      store: new MemoryConfigStore(),
      registry: new ProviderRegistry(),
      auth: { jwtSecret: SECRET },
      maxBodyBytes: 1024,
    });
    const server = serve({ fetch: handler, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const jwt = await token();
    try {
      const answer = await new Promise<{ status: number; connection: string | undefined; closed: boolean }>(
        (resolve, reject) => {
          const body = JSON.stringify({ api_key: 'k'.repeat(4096) });
          const req = httpRequest(
            {
              host: '127.0.0.1',
              port,
              method: 'POST',
              path: '/api/hosting/providers/tinydns/configure',
              headers: {
                Authorization: `Bearer ${jwt}`,
                'Content-Type': 'application/json',
                'Content-Length': Buffer.byteLength(body),
                Connection: 'keep-alive',
              },
            },
            (res) => {
              res.resume();
              res.on('end', () => {
                // The server ends the socket after the answer: the client sees it close.
                req.socket?.once('close', () =>
                  resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, closed: true }),
                );
                if (req.socket?.destroyed) {
                  resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, closed: true });
                }
              });
            },
          );
          req.on('error', reject);
          req.end(body);
        },
      );
      expect(answer).toEqual({ status: 413, connection: 'close', closed: true });
    } finally {
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
