import type { LookupAddress } from 'node:dns';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { hostinger } from '../../src/hostinger/index.js';
import { isPublicAddress, publicOnlyFetch, publicOnlyLookup } from '../../src/http/public-address.js';
import { configure, harness } from './helpers.js';

// `rebind.example.com` stands for a public-looking name whose DNS answer now points inside.
vi.mock('node:dns', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:dns')>();
  const lookup = (host: string, options: object, callback: (e: Error | null, a: LookupAddress[]) => void) =>
    host === 'rebind.example.com'
      ? callback(null, [{ address: '127.0.0.1', family: 4 }])
      : real.lookup(host, options as never, callback as never);
  return { ...real, default: { ...real, lookup }, lookup };
});

describe('http: which addresses count as public', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a00:1',
    '2002:0a00:0001::1',
    'not-an-ip',
  ])('%s is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:93.184.216.34'])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('http: the address is checked when connecting', () => {
  it('the lookup refuses a name that resolves to loopback', async () => {
    const error = await new Promise<Error | null>((resolve) => publicOnlyLookup('localhost', {}, (e) => resolve(e)));
    expect(error?.message).toBe('localhost resolves to an address that is not public');
  });

  it('the fetch given to providers never reaches a server on loopback', async () => {
    let requests = 0;
    const server = createServer((_req, res) => void (requests++, res.end('inside')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    let refused = 0;
    try {
      await expect(publicOnlyFetch(() => refused++)(`http://localhost:${port}/`)).rejects.toThrow();
      expect(requests).toBe(0);
      expect(refused).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a stored base_url whose name now resolves inside is a 400 with a fixed message (DNS rebinding)', async () => {
    const h = await harness({ providers: [() => hostinger] });
    await configure(h, 'hostinger', { base_url: 'https://rebind.example.com' });
    const response = await h.send('POST', '/providers/hostinger/test');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'Invalid extra.base_url: resolves to an address that is not public',
      fields: { 'extra.base_url': ['resolves to an address that is not public'] },
    });
  });
});
