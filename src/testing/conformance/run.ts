import { randomBytes } from 'node:crypto';
import { isErrNotSupported } from '../../core/errors.js';
import type { Provider } from '../../core/provider.js';
import { dnsReadChecks } from './dns-read-checks.js';
import { dnsWriteChecks } from './dns-write-checks.js';
import { modelChecks } from './model-checks.js';
import { providerChecks } from './provider-checks.js';
import { spendingChecks } from './spending-checks.js';
import { txtChecks } from './txt-checks.js';
import { vpsChecks } from './vps-checks.js';
import { dnsBatchChecks, zoneChecks } from './zone-checks.js';
import type { ConformanceCheck, ConformanceContext, ConformanceOptions, ConformanceResult } from './types.js';

/** A function that builds the provider under test; called once per check so checks do not share state. */
export type ProviderFactory = () => Provider | Promise<Provider>;

/**
 * Every rule of the SDK's provider model and DNS semantics, as named checks. Run them with
 * {@link runConformance} or `testProvider`; pick or extend them for a custom harness.
 */
export const conformanceChecks: readonly ConformanceCheck[] = Object.freeze([
  ...providerChecks,
  ...dnsReadChecks,
  ...dnsWriteChecks,
  ...txtChecks,
  ...modelChecks,
  ...vpsChecks,
  ...dnsBatchChecks,
  ...zoneChecks,
  ...spendingChecks,
]);

/** Why a check will not run for this provider, or `undefined` when it runs. */
export function skipReason(
  check: ConformanceCheck,
  provider: Provider | undefined,
  options: ConformanceOptions,
): string | undefined {
  if (options.skip?.includes(check.name)) return 'listed in options.skip';
  if (check.requires && provider && provider[check.requires] == null)
    return `the provider has no ${check.requires} group`;
  if (check.requiresMethod && provider) {
    const [group, method] = check.requiresMethod.split('.') as [keyof Provider, string];
    const found = (provider[group] as Record<string, unknown> | undefined)?.[method];
    if (typeof found !== 'function') return `the provider has no ${check.requiresMethod} method (optional)`;
  }
  return undefined;
}

/**
 * Why a check that threw `error` counts as skipped: a method that throws `ErrNotSupported` inside a group
 * the provider has is "not supported", not a failure. `undefined` for any other error.
 */
export function unsupportedReason(error: unknown): string | undefined {
  return isErrNotSupported(error) ? `not supported: ${error.message}` : undefined;
}

/**
 * Runs one check against a provider: builds the context, runs the check, then its clean-ups
 * (their failures are ignored: the check's own result is what matters).
 *
 * @throws whatever the check throws when the provider breaks its rule.
 */
export async function runCheck(
  check: ConformanceCheck,
  provider: Provider,
  options: ConformanceOptions,
): Promise<void> {
  const cleanups: (() => unknown)[] = [];
  const ctx: ConformanceContext = {
    options,
    domain: options.domain,
    uniqueName: () => `conf-${randomBytes(5).toString('hex')}`,
    defer: (cleanup) => void cleanups.push(cleanup),
  };
  try {
    await check.run(provider, ctx);
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch {
        // Best effort: a record already gone, or a provider whose delete is itself under test.
      }
    }
  }
}

/**
 * Runs every conformance check against fresh providers from `factory`, one after another, and
 * reports each one. Never throws for a failing check: inspect the results.
 *
 * @example
 * ```ts
 * const results = await runConformance(() => createMemoryProvider(), { domain: 'example.com' });
 * console.table(results.map(({ name, ok, skipped }) => ({ name, ok, skipped })));
 * ```
 */
export async function runConformance(
  factory: ProviderFactory,
  options: ConformanceOptions,
): Promise<ConformanceResult[]> {
  const results: ConformanceResult[] = [];
  for (const check of conformanceChecks) {
    let provider: Provider | undefined;
    try {
      provider = options.skip?.includes(check.name) ? undefined : await factory();
      const skipped = skipReason(check, provider, options);
      if (skipped !== undefined || !provider) {
        results.push({ name: check.name, ok: true, skipped: skipped ?? 'listed in options.skip' });
        continue;
      }
      await runCheck(check, provider, options);
      results.push({ name: check.name, ok: true });
    } catch (error) {
      const unsupported = unsupportedReason(error);
      results.push(
        unsupported === undefined
          ? { name: check.name, ok: false, error }
          : { name: check.name, ok: true, skipped: unsupported },
      );
    }
  }
  return results;
}
