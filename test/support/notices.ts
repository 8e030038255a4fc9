/**
 * Optional inputs of the test run. Without one, the checks that need it are skipped, and the run says
 * so once (from vitest's global setup), not once per test file that uses it.
 */
export const OPTIONAL_INPUTS: readonly { env: string; skips: string }[] = [
  { env: 'HOSTINGER_OPENAPI', skips: 'OpenAPI spec checks' },
  { env: 'DIGITALOCEAN_OPENAPI', skips: 'OpenAPI spec checks' },
  { env: 'HETZNER_OPENAPI', skips: 'OpenAPI spec checks' },
];

/** One line per optional input missing from `env`. */
export function missingInputNotices(env: NodeJS.ProcessEnv = process.env): string[] {
  return OPTIONAL_INPUTS.filter((input) => !env[input.env]).map(
    (input) => `${input.env} is not set: ${input.skips} are skipped.`,
  );
}

/** vitest global setup: prints each notice once per run. */
export default function printNotices(): void {
  for (const line of missingInputNotices()) console.warn(line);
}
