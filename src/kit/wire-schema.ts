/**
 * The schema interface the kit parses answers with: Standard Schema v1 (`schema['~standard'].validate`),
 * which zod/mini schemas implement and a hand-written check can implement in a few lines. Typing the
 * kit against it keeps zod out of the bundles of code that only uses hand-written checks (DNS-only).
 *
 * @module
 */

/** One problem found in an answer: what is wrong and where (`['data', 0, 'name']`). */
export interface WireIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** What a check returns: the value to use, or the issues found. */
export type WireResult<Output> =
  { readonly value: Output; readonly issues?: undefined } | { readonly issues: ReadonlyArray<WireIssue> };

/** A Standard Schema v1 (zod/mini schemas are ones); the kit only ever calls `validate`. */
export interface WireSchema<Output = unknown> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    /** Must answer synchronously: the kit treats a Promise as a programming error. */
    readonly validate: (value: unknown) => WireResult<Output> | Promise<WireResult<Output>>;
    readonly types?: { readonly input: unknown; readonly output: Output } | undefined;
  };
}

/** The type a schema produces. */
export type WireOutput<S extends WireSchema> = NonNullable<S['~standard']['types']>['output'];

/**
 * A hand-written schema: `issueAt` returns the path of the first field that does not fit (in the order a
 * zod schema of the same shape reports them), or `undefined` when the value fits and is returned as is.
 */
export function wireSchema<Output>(issueAt: (value: unknown) => PropertyKey[] | undefined): WireSchema<Output> {
  return {
    '~standard': {
      version: 1,
      vendor: 'setec-hosting',
      validate(value) {
        const path = issueAt(value);
        // "Invalid input" is the message zod/mini gives for a wrong type, so both kinds of schema read alike.
        return path === undefined ? { value: value as Output } : { issues: [{ message: 'Invalid input', path }] };
      },
    },
  };
}

/** A decoded JSON object (not an array, not null). */
export type Loose = Record<string, unknown>;

/** True for a JSON object (arrays and null excluded), as zod's object schemas decide. */
export const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
