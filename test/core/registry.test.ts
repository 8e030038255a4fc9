import { afterEach, describe, expect, it } from 'vitest';
import {
  createProvider,
  defaultRegistry,
  ErrNotSupported,
  getProvider,
  isProviderNotFoundError,
  listProviders,
  ProviderRegistry,
  registerProvider,
  requireCapability,
  unregisterProvider,
  ValidationError,
  type DnsCapability,
  type Provider,
  type ProviderConfig,
  type ProviderDefinition,
} from '../../src/index.js';

const config = (provider: string): ProviderConfig => ({
  provider,
  api_key: 'k',
  api_secret: '',
  extra: {},
  connected: false,
});

function definition(name: string, dns?: DnsCapability): ProviderDefinition {
  return {
    name,
    displayName: name.toUpperCase(),
    create: (c) =>
      ({
        name,
        displayName: name.toUpperCase(),
        testConnection: async () => {},
        ...(dns ? { dns } : {}),
        apiKey: c.api_key,
      }) as Provider,
  };
}

describe('core: registry', () => {
  afterEach(() => {
    for (const d of listProviders()) if (d.name.startsWith('t-')) unregisterProvider(d.name);
  });

  it('registers, lists sorted by name, gets and creates', () => {
    registerProvider(definition('t-zeta'));
    registerProvider(definition('t-alpha'));
    const names = listProviders()
      .map((d) => d.name)
      .filter((n) => n.startsWith('t-'));
    expect(names).toEqual(['t-alpha', 't-zeta']);
    expect(getProvider('t-alpha').displayName).toBe('T-ALPHA');
    const provider = createProvider('t-zeta', config('t-zeta'));
    expect(provider.name).toBe('t-zeta');
  });

  it('refuses the same name twice unless replace is set', () => {
    registerProvider(definition('t-dup'));
    expect(() => registerProvider(definition('t-dup'))).toThrow(ValidationError);
    const replacement = { ...definition('t-dup'), displayName: 'Replaced' };
    registerProvider(replacement, { replace: true });
    expect(getProvider('t-dup').displayName).toBe('Replaced');
  });

  it('refuses a name that is not lowercase', () => {
    expect(() => registerProvider(definition('Hostinger'))).toThrow(ValidationError);
    expect(listProviders().some((d) => d.name === 'Hostinger')).toBe(false);
  });

  it('an unknown name is a ProviderNotFoundError with status 404', () => {
    let caught: unknown;
    try {
      getProvider('t-missing');
    } catch (e) {
      caught = e;
    }
    expect(isProviderNotFoundError(caught)).toBe(true);
    expect((caught as { status: number }).status).toBe(404);
    expect(() => createProvider('t-missing', config('t-missing'))).toThrow(/not registered/);
  });

  it('unregister reports whether something was removed', () => {
    registerProvider(definition('t-gone'));
    expect(unregisterProvider('t-gone')).toBe(true);
    expect(unregisterProvider('t-gone')).toBe(false);
  });

  it('a private registry is independent of the default one', () => {
    const own = new ProviderRegistry();
    own.registerProvider(definition('t-private'));
    expect(own.listProviders().map((d) => d.name)).toEqual(['t-private']);
    expect(listProviders().some((d) => d.name === 't-private')).toBe(false);
    expect(defaultRegistry()).toBe(defaultRegistry());
  });

  it('the default registry lives on a global symbol so every package copy finds it', () => {
    const slot = (globalThis as Record<symbol, unknown>)[Symbol.for('setec-hosting.default-registry')];
    expect(slot).toBe(defaultRegistry());
  });
});

describe('core: requireCapability', () => {
  it('returns a group the provider has', () => {
    const dns = { list: async () => [] } as unknown as DnsCapability;
    const provider = definition('t-dns', dns).create(config('t-dns'));
    expect(requireCapability(provider, 'dns')).toBe(dns);
  });

  it('throws ErrNotSupported naming the provider and the group it lacks', () => {
    const provider = definition('t-bare').create(config('t-bare'));
    expect(() => requireCapability(provider, 'vps')).toThrow(ErrNotSupported);
    expect(() => requireCapability(provider, 'vps')).toThrow('t-bare does not support vps');
  });
});
