import { afterEach, describe, expect, it } from 'vitest';
import { cleanupDns01, createDns01Solver, presentDns01, waitForTxt } from '../../src/acme/index.js';
import { ConflictError, NotFoundError, TimeoutError, ValidationError } from '../../src/core/errors.js';
import type { Provider } from '../../src/core/provider.js';
import { createMemoryProvider } from '../../src/testing/index.js';
import { startZoneDnsServer, type ZoneDnsServer } from '../support/zone-dns-server.js';

const servers: ZoneDnsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function setup(
  zones: Record<
    string,
    Parameters<typeof createMemoryProvider>[0] extends infer O
      ? O extends { zones?: infer Z }
        ? Z extends Record<string, infer R>
          ? R
          : never
        : never
      : never
  > = {},
) {
  const provider = createMemoryProvider({
    zones: { 'example.com': [{ type: 'A', name: '@', content: '192.0.2.1' }], 'example.net': [], ...zones },
  });
  const server = await startZoneDnsServer(provider, ['example.com', 'example.net']);
  servers.push(server);
  return { provider, server, options: { nameservers: [server.address], intervalMs: 20, timeoutMs: 2_000 } };
}

async function txt(provider: Provider, zone: string, name: string): Promise<Array<{ content: string; ttl: number }>> {
  return (await provider.dns!.list(zone))
    .filter((r) => r.type === 'TXT' && r.name === name)
    .map((r) => ({ content: r.content, ttl: r.ttl }))
    .sort((a, b) => a.content.localeCompare(b.content));
}

describe('acme: presentDns01 and cleanupDns01', () => {
  it('writes the value at _acme-challenge.<name> and resolves once the nameserver answers it', async () => {
    const { provider, server, options } = await setup();
    await presentDns01(provider, 'www.example.com', 'digest-1', options);
    expect(await txt(provider, 'example.com', '_acme-challenge.www')).toEqual([{ content: 'digest-1', ttl: 60 }]);
    expect(server.queries).toContain('_acme-challenge.www.example.com TXT');
  });

  it('keeps other values at the name: an apex and a wildcard certificate present two values side by side', async () => {
    const { provider, options } = await setup({
      'example.com': [{ type: 'TXT', name: '_acme-challenge', content: 'someone-else', ttl: 300 }],
    });
    await presentDns01(provider, 'example.com', 'apex', options);
    await presentDns01(provider, '*.example.com', 'wildcard', options);
    await presentDns01(provider, '_acme-challenge.example.com.', 'wildcard', options);
    expect(await txt(provider, 'example.com', '_acme-challenge')).toEqual([
      { content: 'apex', ttl: 300 },
      { content: 'someone-else', ttl: 300 },
      { content: 'wildcard', ttl: 300 },
    ]);
  });

  it('cleanup removes only its own value and can be repeated', async () => {
    const { provider, options } = await setup({
      'example.com': [{ type: 'TXT', name: '_acme-challenge', content: 'someone-else', ttl: 300 }],
    });
    await presentDns01(provider, 'example.com', 'mine', options);
    await cleanupDns01(provider, 'example.com', 'mine', options);
    await cleanupDns01(provider, 'example.com', 'mine', options);
    await cleanupDns01(provider, 'example.com', 'never-presented', options);
    expect(await txt(provider, 'example.com', '_acme-challenge')).toEqual([{ content: 'someone-else', ttl: 300 }]);
  });

  it('follows a CNAME at the challenge name and writes the TXT at its target (delegated validation)', async () => {
    const { provider, options } = await setup({
      'example.com': [{ type: 'CNAME', name: '_acme-challenge.shop', content: 'shop.validation.example.net' }],
    });
    await presentDns01(provider, 'shop.example.com', 'delegated', options);
    expect(await txt(provider, 'example.net', 'shop.validation')).toEqual([{ content: 'delegated', ttl: 60 }]);
    expect(await txt(provider, 'example.com', '_acme-challenge.shop')).toEqual([]);
    await cleanupDns01(provider, 'shop.example.com', 'delegated', options);
    expect(await txt(provider, 'example.net', 'shop.validation')).toEqual([]);
  });

  it('finds the zone through the provider’s listings when no nameserver answers an SOA', async () => {
    const provider = createMemoryProvider({ zones: { 'example.com': [] } });
    const server = await startZoneDnsServer(provider, ['example.com'], { soa: false });
    servers.push(server);
    await presentDns01(provider, 'a.b.example.com', 'v1', { nameservers: [server.address], intervalMs: 20 });
    expect(await txt(provider, 'example.com', '_acme-challenge.a.b')).toEqual([{ content: 'v1', ttl: 60 }]);
    expect(server.queries).toContain('example.com SOA');
  });

  it('writes in the zone the option names', async () => {
    const { provider, server, options } = await setup({ 'sub.example.com': [] });
    await presentDns01(provider, 'x.sub.example.com', 'v2', { ...options, zone: 'example.com' });
    expect(await txt(provider, 'example.com', '_acme-challenge.x.sub')).toEqual([{ content: 'v2', ttl: 60 }]);
    expect(await txt(provider, 'sub.example.com', '_acme-challenge.x')).toEqual([]);
    expect(server.queries.filter((q) => q.endsWith(' SOA'))).toEqual([]);
  });

  it('a name outside every zone of the provider is a NotFoundError and nothing is written', async () => {
    const { provider, options } = await setup();
    const before = JSON.stringify([await provider.dns!.list('example.com'), await provider.dns!.list('example.net')]);
    await expect(presentDns01(provider, 'www.example.org', 'x', options)).rejects.toBeInstanceOf(NotFoundError);
    expect(JSON.stringify([await provider.dns!.list('example.com'), await provider.dns!.list('example.net')])).toBe(
      before,
    );
  });

  it('a bad value or option is a ValidationError before any query or write', async () => {
    const { provider, server, options } = await setup();
    await expect(presentDns01(provider, 'example.com', 'has"quote', options)).rejects.toBeInstanceOf(ValidationError);
    await expect(presentDns01(provider, 'example.com', 'v', { ...options, timeoutMs: -1 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(presentDns01(provider, 'not a name', 'v', options)).rejects.toBeInstanceOf(ValidationError);
    expect(server.queries).toEqual([]);
    expect(await txt(provider, 'example.com', '_acme-challenge')).toEqual([]);
  });

  it('a nameserver that never answers the value is a TimeoutError naming it', async () => {
    const { provider, server } = await setup();
    const silent = await startZoneDnsServer(provider, ['example.com'], { silent: true });
    servers.push(silent);
    const error = await presentDns01(provider, 'example.com', 'slow', {
      zone: 'example.com',
      nameservers: [server.address, silent.address],
      timeoutMs: 300,
      intervalMs: 50,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain(silent.address);
    expect((error as Error).message).not.toContain(`${server.address} (`);
  });

  it('stops waiting when the caller aborts', async () => {
    const { provider } = await setup();
    const silent = await startZoneDnsServer(provider, ['example.com'], { silent: true });
    servers.push(silent);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stopped by the caller')), 100);
    await expect(
      waitForTxt('example.com', 'v', {
        nameservers: [silent.address],
        timeoutMs: 60_000,
        intervalMs: 50,
        signal: controller.signal,
      }),
    ).rejects.toThrow('stopped by the caller');
  });
});

describe('acme: createDns01Solver', () => {
  it('answers acme-client’s hooks for a wildcard authorization at the base name, and cleans up', async () => {
    const { provider, options } = await setup();
    const solver = createDns01Solver(provider, options);
    const authz = { identifier: { type: 'dns', value: 'example.com' }, wildcard: true };
    await solver.challengeCreateFn(authz, { type: 'dns-01' }, 'key-auth-digest');
    expect(await txt(provider, 'example.com', '_acme-challenge')).toEqual([{ content: 'key-auth-digest', ttl: 60 }]);
    await solver.challengeRemoveFn(authz, { type: 'dns-01' }, 'key-auth-digest');
    expect(await txt(provider, 'example.com', '_acme-challenge')).toEqual([]);
    expect(solver.challengePriority).toEqual(['dns-01']);
  });

  it('refuses a challenge type it cannot answer', async () => {
    const { provider, options } = await setup();
    const solver = createDns01Solver(provider, options);
    await expect(
      solver.challengeCreateFn({ identifier: { type: 'dns', value: 'example.com' } }, { type: 'http-01' }, 'x'),
    ).rejects.toThrow(/dns-01/);
    expect(await txt(provider, 'example.com', '_acme-challenge')).toEqual([]);
  });
});

describe('acme: concurrent challenges', () => {
  it('presents and cleanups of one name running at once keep every value (acme-client runs them in parallel)', async () => {
    const { provider, options } = await setup();
    const values = ['one', 'two', 'three', 'four'];
    await Promise.all(values.map((v) => presentDns01(provider, 'example.com', v, options)));
    expect((await txt(provider, 'example.com', '_acme-challenge')).map((r) => r.content)).toEqual([...values].sort());
    await Promise.all(values.slice(0, 3).map((v) => cleanupDns01(provider, 'example.com', v, options)));
    expect((await txt(provider, 'example.com', '_acme-challenge')).map((r) => r.content)).toEqual(['four']);
  });

  it('writes its value again when another client removed it after the nameservers answered it', async () => {
    const { provider, server, options } = await setup();
    const dns = provider.dns!;
    let removed = 0;
    // Another client's cleanup, made from an older read, drops the value once the nameserver has served it.
    const racing: Provider = {
      ...provider,
      dns: {
        ...dns,
        list: async (zone, o) => {
          if (removed === 0 && server.queries.includes('_acme-challenge.example.com TXT')) {
            removed++;
            await dns.delete('example.com', '_acme-challenge', 'TXT', { content: 'mine' });
          }
          return dns.list(zone, o);
        },
      },
    };
    await presentDns01(racing, 'example.com', 'mine', options);
    expect(removed).toBe(1);
    expect(await txt(provider, 'example.com', '_acme-challenge')).toEqual([{ content: 'mine', ttl: 60 }]);
  });

  it('is a ConflictError when its value is gone again after each of 3 writes', async () => {
    const { provider, server, options } = await setup();
    const dns = provider.dns!;
    let writes = 0;
    const hostile: Provider = {
      ...provider,
      dns: {
        ...dns,
        update: async (...args) => {
          writes++;
          return dns.update(...args);
        },
        list: async (zone, o) => {
          if (server.queries.includes('_acme-challenge.example.com TXT'))
            await dns.delete('example.com', '_acme-challenge', 'TXT');
          return dns.list(zone, o);
        },
      },
    };
    await expect(presentDns01(hostile, 'example.com', 'mine', options)).rejects.toBeInstanceOf(ConflictError);
    expect(writes).toBe(3);
  });
});
