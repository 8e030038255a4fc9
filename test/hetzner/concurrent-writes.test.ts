import { describe, expect, it } from 'vitest';
import { useHetznerServer } from '../support/msw.js';
import { providerFor, values, writes } from './helpers.js';

const { sim } = useHetznerServer();

/** A fetch that runs `other` (another client's write) once, just before the first write request it sends. */
function beforeFirstWrite(other: () => Promise<unknown>): typeof fetch {
  let pending: (() => Promise<unknown>) | undefined = other;
  return async (input, init) => {
    const request = new Request(input, init);
    if (request.method !== 'GET' && pending) {
      const run = pending;
      pending = undefined;
      await run();
    }
    return fetch(request);
  };
}

describe('hetzner: records written at the same time by several clients', () => {
  it('parallel creates of one new set through separate provider instances all land', async () => {
    const contents = Array.from({ length: 6 }, (_, i) => `192.0.2.${10 + i}`);
    await Promise.all(
      contents.map((content) =>
        providerFor(sim).dns.create('example.com', { type: 'A', name: 'multi', content, ttl: 300 }),
      ),
    );
    expect(values(sim, 'example.com', 'multi', 'A')).toEqual(contents);
    expect(sim.state.zones.get('example.com')!.rrsets.get('multi/A')!.ttl).toBe(300);
  });

  it('removing one value keeps a value another client added after the read (remove_records)', async () => {
    const other = providerFor(sim);
    const mine = providerFor(sim, {
      fetch: beforeFirstWrite(() =>
        other.dns.update('example.com', [{ type: 'A', name: 'app', content: '192.0.2.77' }]),
      ),
    });
    await mine.dns.delete('example.com', 'app', 'A', { content: '203.0.113.20' });
    expect(values(sim, 'example.com', 'app', 'A')).toEqual(['192.0.2.77', '203.0.113.21']);
  });

  it('a delete after an out-of-date listing still deletes the set another client created since', async () => {
    const mine = providerFor(sim);
    await mine.dns.list('example.com');
    await providerFor(sim).dns.create('example.com', { type: 'A', name: 'old', content: '192.0.2.66', ttl: 300 });
    await mine.dns.delete('example.com', 'old', 'A');
    expect(values(sim, 'example.com', 'old', 'A')).toBeUndefined();
    // A set already gone is not an error.
    await mine.dns.delete('example.com', 'old', 'A');
  });

  it('writeSets after an out-of-date listing writes every set it names, as named', async () => {
    const mine = providerFor(sim);
    await mine.dns.list('example.com');
    const other = providerFor(sim);
    await other.dns.update('example.com', [{ type: 'A', name: 'app', content: '192.0.2.5', ttl: 300 }], {
      overwrite: true,
    });
    await other.dns.create('example.com', { type: 'TXT', name: 'fresh', content: 'theirs', ttl: 300 });
    await mine.dns.writeSets!('example.com', {
      replace: [
        { type: 'A', name: 'app', content: '203.0.113.20', ttl: 300 },
        { type: 'A', name: 'app', content: '203.0.113.21', ttl: 300 },
        { type: 'TXT', name: 'fresh', content: 'mine', ttl: 300 },
      ],
    });
    expect(values(sim, 'example.com', 'app', 'A')).toEqual(['203.0.113.20', '203.0.113.21']);
    expect(values(sim, 'example.com', 'fresh', 'TXT')).toEqual(['"mine"']);
    expect(writes(sim)).toContain('POST /zones/example.com/rrsets/fresh/TXT/actions/set_records');
  });
});
