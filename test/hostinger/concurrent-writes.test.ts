import { describe, expect, it } from 'vitest';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import { useSimulatorServer } from '../support/msw.js';

const { sim, baseUrl } = useSimulatorServer();
const provider = (fetch?: typeof globalThis.fetch) =>
  createHostingerProvider({ apiKey: sim.token, baseUrl, ...(fetch ? { fetch } : {}) });
const values = async (name: string) =>
  (await provider().dns.list('example.com'))
    .filter((r) => r.name === name && r.type === 'A')
    .map((r) => r.content)
    .sort();

/** What another process does: one PUT that appends `content` to `name` A. */
const otherClientAppends = (name: string, content: string) =>
  fetch(`${baseUrl}/api/dns/v1/zones/example.com`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ overwrite: false, zone: [{ name, type: 'A', ttl: 300, records: [{ content }] }] }),
  });

describe('hostinger: records written at the same time by several clients', () => {
  it('create appends with overwrite:false, so a set another client created after the read keeps its value', async () => {
    let other: Promise<unknown> | undefined;
    const bodies: unknown[] = [];
    const hooked: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'PUT') {
        bodies.push(await request.clone().json());
        other ??= otherClientAppends('multi', '192.0.2.99');
        await other;
      }
      return fetch(request);
    };
    await provider(hooked).dns.create('example.com', { type: 'A', name: 'multi', content: '192.0.2.1', ttl: 300 });
    expect(bodies).toEqual([
      { overwrite: false, zone: [{ name: 'multi', type: 'A', ttl: 300, records: [{ content: '192.0.2.1' }] }] },
    ]);
    expect(await values('multi')).toEqual(['192.0.2.1', '192.0.2.99']);
  });

  it('parallel creates of one set through separate provider instances all land', async () => {
    const contents = Array.from({ length: 6 }, (_, i) => `192.0.2.${10 + i}`);
    await Promise.all(
      contents.map((content) => provider().dns.create('example.com', { type: 'A', name: 'multi', content, ttl: 300 })),
    );
    expect(await values('multi')).toEqual(contents);
  });
});
