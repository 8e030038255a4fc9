import { describe, it } from 'vitest';
import { runCheck, conformanceChecks, skipReason } from './run.js';
import type { ProviderFactory } from './run.js';
import type { ConformanceOptions } from './types.js';

/**
 * Declares the conformance suite as vitest tests: one `describe` per provider, one per group
 * (`provider`, `errors`, `abort`, `dns`, `models`...) and one `it` per check. Call it at the top level
 * of a test file; a check whose capability group the provider lacks is reported as skipped.
 * This is the only module that imports `vitest`.
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
  const groups = new Map<string, typeof conformanceChecks[number][]>();
  for (const check of conformanceChecks) {
    const group = check.name.slice(0, Math.max(0, check.name.indexOf(':'))) || 'provider';
    groups.set(group, [...(groups.get(group) ?? []), check]);
  }
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
              await runCheck(check, provider, options);
            },
            options.timeout,
          );
        }
      });
    }
  });
}
