import { ErrNotSupported, isErrNotSupported } from '../../core/errors.js';
import { CAPABILITY_NAMES, requireCapability } from '../../core/provider.js';
import type { CapabilityName, Provider } from '../../core/provider.js';
import { isProviderName } from '../../core/provider-config.js';
import { ensure, ensureError, rejection, show } from './assert.js';
import type { ConformanceCheck } from './types.js';

/** The methods each capability group must have (the capability interfaces of `setec-hosting`). */
export const CAPABILITY_METHODS: Record<CapabilityName, readonly string[]> = {
  dns: ['list', 'create', 'update', 'delete', 'reset'],
  domains: [
    'list',
    'get',
    'checkAvailability',
    'purchase',
    'setNameservers',
    'enableLock',
    'disableLock',
    'enablePrivacy',
    'disablePrivacy',
  ],
  vps: ['list', 'get', 'create', 'listDataCenters', 'start', 'stop', 'restart'],
  sshKeys: ['list', 'add', 'delete'],
  billing: ['listSubscriptions', 'getCatalog'],
};

/** The groups the provider object has. */
export const presentGroups = (provider: Provider): CapabilityName[] =>
  CAPABILITY_NAMES.filter((c) => provider[c] != null);

/** One read-only call per group, used by the abort check. */
const READS: Record<CapabilityName, (p: Provider, signal: AbortSignal, domain: string) => Promise<unknown>> = {
  dns: (p, signal, domain) => requireCapability(p, 'dns').list(domain, { signal }),
  domains: (p, signal) => requireCapability(p, 'domains').list({ signal }),
  vps: (p, signal) => requireCapability(p, 'vps').list({ signal }),
  sshKeys: (p, signal) => requireCapability(p, 'sshKeys').list({ signal }),
  billing: (p, signal) => requireCapability(p, 'billing').listSubscriptions({ signal }),
};

/** An aborted call must reject with the signal's reason or an `AbortError` (or `ErrNotSupported`: nothing to abort). */
async function ensureAborts(call: (signal: AbortSignal) => Promise<unknown>, what: string): Promise<void> {
  const controller = new AbortController();
  const reason = new Error('aborted by the conformance suite');
  controller.abort(reason);
  const error = await rejection(call(controller.signal), `${what} with an aborted signal`);
  const name = (error as { name?: unknown } | null)?.name;
  if (isErrNotSupported(error)) return;
  ensure(
    error === reason || name === 'AbortError' || (error as { cause?: unknown }).cause === reason,
    `${what} with an aborted signal should reject with the signal's reason or an AbortError, got ${show(String(error))}`,
  );
}

/** Checks of the provider object itself, capability errors and cancellation. */
export const providerChecks: ConformanceCheck[] = [
  {
    name: 'provider: name is a lowercase registry key and displayName a non-empty string',
    async run(provider, ctx) {
      ensure(
        isProviderName(provider.name),
        `name ${show(provider.name)} is not a registry key (^[a-z0-9][a-z0-9_-]{0,63}$)`,
      );
      ensure(
        typeof provider.displayName === 'string' && provider.displayName.trim() !== '',
        `displayName ${show(provider.displayName)} should be a non-empty string`,
      );
      if (ctx.options.name !== undefined)
        ensure(
          provider.name === ctx.options.name,
          `name is ${show(provider.name)}; expected ${show(ctx.options.name)}`,
        );
    },
  },
  {
    name: 'provider: testConnection resolves',
    async run(provider) {
      ensure(typeof provider.testConnection === 'function', 'testConnection is not a function');
      await provider.testConnection();
    },
  },
  {
    name: 'provider: every group present has every method of its interface',
    async run(provider, ctx) {
      const present = presentGroups(provider);
      if (ctx.options.capabilities) {
        const expected = CAPABILITY_NAMES.filter((c) => ctx.options.capabilities!.includes(c));
        ensure(
          show(present) === show(expected),
          `the provider has groups ${show(present)}; expected ${show(expected)}`,
        );
      }
      for (const group of present) {
        const object = provider[group] as unknown as Record<string, unknown>;
        const missing = CAPABILITY_METHODS[group].filter((m) => typeof object[m] !== 'function');
        ensure(missing.length === 0, `${group} lacks ${missing.map((m) => `${group}.${m}`).join(', ')}`);
      }
    },
  },
  {
    name: 'errors: requireCapability throws ErrNotSupported for every absent group',
    async run(provider) {
      for (const group of CAPABILITY_NAMES) {
        if (provider[group] != null) {
          ensure(
            requireCapability(provider, group) === provider[group],
            `requireCapability(provider, '${group}') did not return the group`,
          );
          continue;
        }
        let thrown: unknown;
        try {
          requireCapability(provider, group);
        } catch (error) {
          thrown = error;
        }
        ensureError(thrown, ErrNotSupported, `requireCapability(provider, '${group}')`);
        const e = thrown as ErrNotSupported;
        ensure(
          e.provider === provider.name && e.operation === group && e.status === 501,
          `the ErrNotSupported for ${group} should carry provider ${show(provider.name)}, operation ${show(group)} and status 501; got ${show(e.toJSON())}`,
        );
      }
    },
  },
  {
    name: 'abort: an already-aborted signal rejects testConnection and the list call of every group',
    async run(provider, ctx) {
      await ensureAborts((signal) => provider.testConnection({ signal }), 'testConnection');
      for (const group of presentGroups(provider))
        await ensureAborts((signal) => READS[group](provider, signal, ctx.domain), `${group} list`);
    },
  },
  {
    name: 'abort: an aborted dns.create rejects and adds nothing',
    requires: 'dns',
    async run(provider, ctx) {
      const dns = requireCapability(provider, 'dns');
      const n = ctx.uniqueName();
      ctx.defer(() => dns.delete(ctx.domain, n, 'A'));
      await ensureAborts(
        (signal) => dns.create(ctx.domain, { type: 'A', name: n, content: '192.0.2.1' }, { signal }),
        'dns.create',
      );
      const left = (await dns.list(ctx.domain)).filter((r) => r.name === n);
      ensure(left.length === 0, `an aborted create still added ${show(left)}`);
    },
  },
];
