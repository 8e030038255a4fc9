import type { CapabilityName, Provider } from '../../core/provider.js';

/** Options of {@link runConformance} and `testProvider`. */
export interface ConformanceOptions {
  /** A DNS zone the provider can write to. Checks add records named `conf-<random>` and remove them afterwards. */
  domain: string;
  /** The provider's expected `name`; when set, a check asserts it. @default the provider's own name */
  name?: string;
  /**
   * The capability groups the provider declares; when set, a check asserts it has exactly these.
   * @default the groups the provider object has
   */
  capabilities?: readonly CapabilityName[];
  /** Names of checks to leave out (reported as skipped), e.g. `['dns: a TXT value over 255 bytes round-trips']`. @default [] */
  skip?: readonly string[];
  /** Milliseconds each check may take (vitest's per-test timeout). @default vitest's testTimeout */
  timeout?: number;
}

/** What a check gets besides the provider. */
export interface ConformanceContext {
  /** The options, as passed. */
  readonly options: ConformanceOptions;
  /** The zone to write to (`options.domain`). */
  readonly domain: string;
  /** A fresh record name, `conf-<random>`, unique to this run. */
  uniqueName(): string;
  /** Registers clean-up to run after the check, pass or fail (last registered runs first). */
  defer(cleanup: () => unknown): void;
}

/** One named rule every provider follows. `run` throws when the provider breaks it. */
export interface ConformanceCheck {
  /** `group: behaviour`, e.g. `dns: create of an exact duplicate is a ConflictError`. */
  readonly name: string;
  /** The capability group the check needs; without it the check is skipped. */
  readonly requires?: CapabilityName;
  /** An optional method the check needs, e.g. `'dns.writeSets'`; without it the check is skipped. */
  readonly requiresMethod?: `${CapabilityName}.${string}`;
  readonly run: (provider: Provider, ctx: ConformanceContext) => Promise<void>;
}

/** The outcome of one check. */
export interface ConformanceResult {
  name: string;
  /** `true` when the check passed or was skipped. */
  ok: boolean;
  /** Why the check did not run: in `options.skip`, or the provider lacks the group it needs. */
  skipped?: string;
  /** What the check threw. */
  error?: unknown;
}
