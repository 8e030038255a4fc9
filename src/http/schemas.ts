import type { Context } from 'hono';
import * as z from 'zod/mini';
import { DNS_RECORD_TYPES } from '../core/dns.js';
import { ValidationError } from '../core/errors.js';

// Request bodies of the REST API. Objects are strict: a misspelt key (`"overwite": true`) is a 400
// naming it, never a silent merge. Deep checks (IP syntax, TTL range...) are the provider's job.

const nonEmpty = z.string().check(z.minLength(1), z.maxLength(4096));
const recordType = z.enum(DNS_RECORD_TYPES);
// Ids are strings in the model, but a dashboard that read Hostinger's integer ids may send numbers.
const id = z.pipe(
  z.union([nonEmpty, z.int().check(z.minimum(0))]),
  z.transform((v) => String(v)),
);

const dnsRecord = z.strictObject({
  // Records read from GET carry an `id`; accepting (and ignoring) it lets a client PUT them back.
  id: z.optional(z.string()),
  type: recordType,
  name: nonEmpty,
  content: z.string().check(z.maxLength(65535)),
  // The bounds every provider's validation holds records to, stated here so the OpenAPI document shows them.
  ttl: z.optional(z.int().check(z.minimum(60), z.maximum(2147483647))),
  priority: z.optional(z.int().check(z.minimum(0), z.maximum(65535))),
});

// Names every plain object already has: as an `extra` key they would be dropped or shadow a method.
const RESERVED_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));
const extraKey = z.string().check(
  z.regex(/^[A-Za-z0-9_.-]{1,128}$/),
  z.refine((key) => !RESERVED_KEYS.has(key), { message: 'is a reserved name' }),
);

/** `POST /providers/{provider}/configure`. */
export const configureBody = z.strictObject({
  api_key: nonEmpty,
  api_secret: z.optional(z.string().check(z.maxLength(4096))),
  extra: z.optional(z.record(extraKey, z.string().check(z.maxLength(4096)))),
});

/** `POST /providers/{provider}/test` with a body: credentials to test without storing them. */
export const testBody = configureBody;

/** `POST /providers/{provider}/dns/{domain}`. */
export const createRecordBody = dnsRecord;

/** `PUT /providers/{provider}/dns/{domain}`. */
export const updateRecordsBody = z.strictObject({
  records: z.array(dnsRecord).check(z.minLength(1), z.maxLength(1000)),
  overwrite: z.optional(z.boolean()),
});

/** Query of `DELETE /providers/{provider}/dns/{domain}` (`type=mx` is read as `MX`). */
export const deleteRecordQuery = z.strictObject({
  name: nonEmpty,
  type: z.pipe(
    z.pipe(
      z.string(),
      z.transform((t) => t.toUpperCase()),
    ),
    recordType,
  ),
  content: z.optional(z.string()),
});

/** `POST /providers/{provider}/domains/check`. */
export const checkDomainsBody = z.strictObject({
  domains: z.array(nonEmpty).check(z.minLength(1), z.maxLength(100)),
});

/** `POST /providers/{provider}/domains/purchase`. */
export const purchaseDomainBody = z.strictObject({
  domain: nonEmpty,
  period: z.int().check(z.minimum(1), z.maximum(10)),
  auto_renew: z._default(z.boolean(), false),
  privacy_protection: z._default(z.boolean(), false),
  payment_method_id: z.optional(id),
  max_price: z.optional(z.number().check(z.minimum(0))),
});

/** `PUT /providers/{provider}/domains/{domain}/nameservers`. */
export const nameserversBody = z.strictObject({
  nameservers: z.array(nonEmpty).check(z.minLength(1), z.maxLength(13)),
});

const millis = z.int().check(z.minimum(1), z.maximum(86_400_000));
/** How long and how often the server polls the provider before it answers. */
const waitTiming = z.strictObject({ timeout_ms: z.optional(millis), interval_ms: z.optional(millis) });
/** `true` (the defaults: 10 minutes, 2 s growing) or `{timeout_ms?, interval_ms?}`. */
export const waitOption = z.union([z.boolean(), waitTiming]);

/** `POST /providers/{provider}/vms`. */
export const createVmBody = z.strictObject({
  plan: nonEmpty,
  data_center_id: id,
  template: id,
  password: nonEmpty,
  hostname: nonEmpty,
  ssh_key_id: z.optional(id),
  payment_method_id: z.optional(id),
  max_price: z.optional(z.number().check(z.minimum(0))),
  /** cloud-init user data; the provider's size limit is checked by the provider before any request. */
  user_data: z.optional(z.string()),
  wait: z.optional(waitOption),
});

/** `POST .../vms/{id}/start|stop|restart` and `.../snapshots/{snapshotId}/restore` (all optional). */
export const vmActionBody = z.strictObject({ wait: z.optional(waitOption) });

/** `POST /providers/{provider}/vms/{id}/wait`. */
export const vmWaitBody = z.strictObject({
  status: nonEmpty,
  timeout_ms: z.optional(millis),
  interval_ms: z.optional(millis),
});

/** `POST /providers/{provider}/vms/{id}/snapshots`. */
export const createSnapshotBody = z.strictObject({
  name: z.optional(nonEmpty.check(z.maxLength(255))),
  wait: z.optional(waitOption),
});

/** `POST /providers/{provider}/ssh-keys`. */
export const addSshKeyBody = z.strictObject({
  name: nonEmpty,
  public_key: nonEmpty,
});

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function problem(issue: z.core.$ZodIssue, input: unknown): string {
  if (
    (issue.code === 'invalid_type' || issue.code === 'invalid_value') &&
    issue.path.length > 0 &&
    at(input, issue.path) === undefined
  ) {
    return 'is required';
  }
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? 'must not be empty'
        : `must be at least ${issue.minimum}`;
    case 'too_big':
      return `must be at most ${issue.maximum}`;
    default:
      return 'is invalid';
  }
}

/** Turns zod issues into `ValidationError.fields`, keyed by dotted path (`records.0.ttl`). */
export function issuesToFields(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  root = 'body',
): Record<string, string[]> {
  // No prototype: a key named `__proto__`, `constructor` or `toString` is an ordinary entry here.
  const fields: Record<string, string[]> = Object.create(null);
  const add = (key: string, message: string) => (fields[key] ??= []).push(message);
  for (const issue of issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(base ? `${base}.${key}` : key, 'is not allowed');
    } else {
      add(base || root, problem(issue, input));
    }
  }
  return fields;
}

/**
 * Parses `value` with `schema`.
 * @throws {ValidationError} naming every bad field.
 */
export function parseWith<T>(schema: z.ZodMiniType<T>, value: unknown, what: string, root?: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = issuesToFields(result.error.issues, value, root);
  throw new ValidationError(`Invalid ${what}`, { fields });
}

/**
 * Reads and validates a JSON body.
 * @throws {ValidationError} for a body that is not JSON or does not match the schema.
 */
export async function readJson<T>(c: Context, schema: z.ZodMiniType<T>): Promise<T> {
  return parseJsonText(await c.req.text(), schema);
}

/**
 * Parses and validates a JSON body already read as text.
 * @throws {ValidationError} for text that is not JSON or does not match the schema.
 */
export function parseJsonText<T>(text: string, schema: z.ZodMiniType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ValidationError('Invalid JSON body', { fields: { body: ['is not valid JSON'] } });
  }
  const proto = protoKeyPath(value);
  if (proto !== undefined) {
    throw new ValidationError('Invalid request body', { fields: { [proto]: ['is not allowed'] } });
  }
  return parseWith(schema, value, 'request body');
}

/**
 * The dotted path of the first `__proto__` key in parsed JSON (`extra.__proto__`), if any. zod leaves such
 * a key out of a record's output instead of reporting it, so it is looked for here, in every body.
 */
function protoKeyPath(value: unknown, path = '', depth = 0): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  // No body of this API nests deeper than a few levels; a deeper one is refused without walking it all.
  if (depth > 16) throw new ValidationError('Invalid request body', { fields: { body: ['is nested too deeply'] } });
  for (const [key, child] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (key === '__proto__') return here;
    const found = protoKeyPath(child, here, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
