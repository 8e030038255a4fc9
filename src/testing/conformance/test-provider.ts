import { runCheck, conformanceChecks, skipReason, unsupportedReason } from './run.js';
import type { ProviderFactory } from './run.js';
import type { ConformanceOptions } from './types.js';
import { loadVitest } from './vitest-api.js';

/**
 * Declares the conformance suite as vitest tests: one `describe` per provider, one per group
 * (`provider`, `errors`, `abort`, `dns`, `models`...) and one `it` per check. Call it at the top level
 * of a test file; a check whose capability group the provider lacks, or that calls a method throwing
 * `ErrNotSupported`, is reported as skipped with the reason.
 * vitest is looked up when this is called (see `loadVitest`), so importing the entry never needs it.
 *
 * @throws {Error} when called outside vitest.
 *
 * @example
 * ```ts
 * // test/my-dns.conformance.test.ts
 * import { testProvider } from 'setec-hosting/testing';
 * import { createMyDns } from '../src/index.js';
 *
 * testProvider(() => createMyDns({ token: 'test' }), { domain: 'example.com', name: 'my-dns' });
 * ```
 */
export function testProvider(factory: ProviderFactory, options: ConformanceOptions): void {
  const { describe, it } = loadVitest();
  const groups = new Map<string, (typeof conformanceChecks)[number][]>();
  for (const check of conformanceChecks) {
    const group = check.name.slice(0, Math.max(0, check.name.indexOf(':'))) || 'provider';
    groups.set(group, [...(groups.get(group) ?? []), check]);
  }
  const declare = () =>
    describe(`${options.name ?? 'provider'} conformance`, () => {
      for (const [group, checks] of groups) {
        describe(group, () => {
          for (const check of checks) {
            const title = check.name.slice(check.name.indexOf(':') + 1).trim();
            const skipped = options.skip?.includes(check.name) ?? false;
            it.skipIf(skipped)(
              title,
              async (test) => {
                const provider = await factory();
                const reason = skipReason(check, provider, options);
                if (reason !== undefined) test.skip(reason);
                try {
                  await runCheck(check, provider, options);
                } catch (error) {
                  const unsupported = unsupportedReason(error);
                  if (unsupported === undefined) throw error;
                  test.skip(unsupported);
                }
              },
              options.timeout,
            );
          }
        });
      }
    });
  try {
    declare();
  } catch (cause) {
    throw new Error('testProvider() declares vitest tests: call it at the top level of a vitest test file', { cause });
  }
}
