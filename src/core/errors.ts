/**
 * Every error the SDK throws is a {@link HostingError}. Each subclass has one meaning and one HTTP
 * status, so a caller (or the REST handler) can branch on the class, the `code` or the `status`.
 *
 * Errors are branded with a global symbol: `instanceof` and the `isXxx()` guards agree even when two
 * copies of the package (ESM + CJS, or a duplicate install) live in one process.
 *
 * @module
 */

const KINDS = /* @__PURE__ */ Symbol.for('setec-hosting.error.kinds');

/** Options every error constructor accepts. */
export interface HostingErrorOptions {
  /** The underlying error. Request objects and headers are never kept (they carry the token). */
  cause?: unknown;
  /** The provider the error came from, e.g. `'hostinger'`. */
  provider?: string;
}

// `Bearer <token>` and `api_key` values must never reach a message; this is the last line of defence.
const SECRET_PATTERNS: readonly RegExp[] = [
  /(bearer\s+)[\w.~+/=-]+/gi,
  /("?(?:api_key|api_secret|authorization|token|password)"?\s*[:=]\s*"?)[^"\s,}]+/gi,
];

/** Replaces bearer tokens and credential-looking values in a string with `[REDACTED]`. */
export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((out, pattern) => out.replace(pattern, '$1[REDACTED]'), text);
}

function safeCause(cause: unknown): unknown {
  if (cause === undefined || cause === null) return undefined;
  if (cause instanceof Error) {
    // ky's HTTPError carries `request` and `options` (with the Authorization header): keep only what is safe.
    const risky = ['request', 'options', 'response', 'config', 'headers'].some((key) => key in cause);
    if (!risky && !(cause as { cause?: unknown }).cause) {
      const message = redactSecrets(cause.message);
      if (message === cause.message) return cause;
    }
    const copy = new Error(redactSecrets(cause.message));
    copy.name = cause.name;
    return copy;
  }
  return typeof cause === 'string' ? redactSecrets(cause) : undefined;
}

/**
 * The base class of every SDK error.
 *
 * @example
 * ```ts
 * try { await provider.dns?.list('example.com'); }
 * catch (e) { if (isHostingError(e)) console.error(e.code, e.status, e.message); }
 * ```
 */
export class HostingError extends Error {
  /** Stable machine-readable code. */
  static readonly code: string = 'hosting_error';
  /** The HTTP status this error maps to. */
  static readonly status: number = 500;

  override readonly name: string = 'HostingError';
  /** Stable machine-readable code, e.g. `'rate_limited'`. */
  readonly code: string;
  /** The HTTP status the REST handler answers with. */
  readonly status: number;
  /** The provider the error came from, when known. */
  declare readonly provider?: string;
  declare readonly [KINDS]: readonly string[];

  constructor(message: string, options: HostingErrorOptions = {}) {
    super(redactSecrets(message));
    const cause = safeCause(options.cause);
    if (cause !== undefined) Object.defineProperty(this, 'cause', { value: cause, writable: true, configurable: true });
    else delete (this as { cause?: unknown }).cause;
    const ctor = new.target as unknown as typeof HostingError;
    this.code = ctor.code;
    this.status = ctor.status;
    if (options.provider !== undefined) this.provider = options.provider;
    Object.defineProperty(this, KINDS, { value: kindsOf(ctor), enumerable: false });
  }

  /** Matches errors from any copy of this package whose class is this one or a subclass. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    const kinds = (value as { [KINDS]?: unknown } | null | undefined)?.[KINDS];
    return Array.isArray(kinds) && kinds.includes(this.code);
  }

  /**
   * A plain, secret-free object for logs and HTTP bodies: `name`, `code`, `status`, `message`,
   * `provider` and the class's own fields (`fields`, `retryAfter`, `correlationId`, ...). Never the cause.
   */
  toJSON(): Record<string, unknown> {
    const { name, code, status, ...own } = this as unknown as Record<string, unknown>;
    return { name, code, status, message: this.message, ...own };
  }
}

function kindsOf(ctor: typeof HostingError): string[] {
  const kinds: string[] = [];
  for (let c: unknown = ctor; typeof c === 'function' && 'code' in c; c = Object.getPrototypeOf(c)) {
    kinds.push((c as typeof HostingError).code);
    if (c === HostingError) break;
  }
  return kinds;
}

/** Options of {@link ValidationError}. */
export interface ValidationErrorOptions extends HostingErrorOptions {
  /** Messages per field, e.g. `{ content: ['is not an IPv4 address'] }`. */
  fields?: Record<string, string[]>;
  /** The provider's request id when the provider rejected the input (Hostinger's `correlation_id`). */
  correlationId?: string;
}

/** Bad input, found before anything was sent, or reported by the provider (HTTP 400). */
export class ValidationError extends HostingError {
  static override readonly code: string = 'validation_error';
  static override readonly status: number = 400;
  override readonly name: string = 'ValidationError';
  /** Messages per field. */
  readonly fields: Record<string, string[]>;
  /** The provider's request id, when the provider rejected the input. */
  declare readonly correlationId?: string;
  constructor(message: string, options: ValidationErrorOptions = {}) {
    super(message, options);
    this.fields = options.fields ?? {};
    if (options.correlationId !== undefined) (this as { correlationId?: string }).correlationId = options.correlationId;
  }
}

/** The provider rejected the credentials (HTTP 401). */
export class AuthenticationError extends HostingError {
  static override readonly code: string = 'authentication_error';
  static override readonly status: number = 401;
  override readonly name: string = 'AuthenticationError';
}

/** The resource (domain, zone, VM, key...) does not exist (HTTP 404). */
export class NotFoundError extends HostingError {
  static override readonly code: string = 'not_found';
  static override readonly status: number = 404;
  override readonly name: string = 'NotFoundError';
}

/** No provider is registered under that name (HTTP 404). */
export class ProviderNotFoundError extends NotFoundError {
  static override readonly code: string = 'provider_not_found';
  override readonly name: string = 'ProviderNotFoundError';
}

/** The change conflicts with existing state, e.g. an exact duplicate DNS record (HTTP 409). */
export class ConflictError extends HostingError {
  static override readonly code: string = 'conflict';
  static override readonly status: number = 409;
  override readonly name: string = 'ConflictError';
}

/** Options of {@link RateLimitError}. */
export interface RateLimitErrorOptions extends HostingErrorOptions {
  /** Seconds the provider asked to wait, when it said. */
  retryAfter?: number;
  /** How many requests were sent before giving up. */
  attempts?: number;
}

/** The provider is rate limiting and the SDK stopped retrying (HTTP 429). */
export class RateLimitError extends HostingError {
  static override readonly code: string = 'rate_limited';
  static override readonly status: number = 429;
  override readonly name: string = 'RateLimitError';
  /** Seconds the provider asked to wait, when known. */
  readonly retryAfter?: number;
  /** Requests sent, retries included. */
  readonly attempts?: number;
  constructor(message: string, options: RateLimitErrorOptions = {}) {
    super(message, options);
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
    if (options.attempts !== undefined) this.attempts = options.attempts;
  }
}

/** Options of {@link ProviderAPIError}. */
export interface ProviderAPIErrorOptions extends HostingErrorOptions {
  /** 500 or 502 (the default; any other value is ignored); the upstream's own status is in `upstreamStatus`. */
  status?: number;
  /** The status the provider answered with, when there was an answer. */
  upstreamStatus?: number;
  /** The provider's request id, for its support desk. */
  correlationId?: string;
}

/** The provider failed or answered something unusable (HTTP 500/502). */
export class ProviderAPIError extends HostingError {
  static override readonly code: string = 'provider_api_error';
  static override readonly status: number = 502;
  override readonly name: string = 'ProviderAPIError';
  /** The status the provider answered with, when there was an answer. */
  readonly upstreamStatus?: number;
  /** The provider's request id (Hostinger's `correlation_id`). */
  readonly correlationId?: string;
  constructor(message: string, options: ProviderAPIErrorOptions = {}) {
    super(message, options);
    // Only the two statuses of an upstream failure: a REST layer answers with `status`.
    if (options.status === 500) (this as { status: number }).status = 500;
    if (options.upstreamStatus !== undefined) this.upstreamStatus = options.upstreamStatus;
    if (options.correlationId !== undefined) this.correlationId = options.correlationId;
  }
}

/** The call ran out of time; whether a write was applied is unknown (HTTP 502). */
export class TimeoutError extends ProviderAPIError {
  static override readonly code: string = 'timeout';
  override readonly name: string = 'TimeoutError';
}

/**
 * The provider cannot do this operation (HTTP 501).
 *
 * @example
 * ```ts
 * throw new ErrNotSupported('my-dns', 'vps.create'); // "my-dns does not support vps.create"
 * ```
 */
export class ErrNotSupported extends HostingError {
  static override readonly code: string = 'not_supported';
  static override readonly status: number = 501;
  override readonly name: string = 'ErrNotSupported';
  /** The operation, as `group.method`, e.g. `'vps.create'`. */
  readonly operation: string;
  declare readonly provider: string;
  constructor(provider: string, operation: string, options: Omit<HostingErrorOptions, 'provider'> = {}) {
    super(`${provider} does not support ${operation}`, { ...options, provider });
    this.operation = operation;
  }
}

/** Why a {@link ConfigStoreError} was thrown. */
export type ConfigStoreErrorReason =
  | 'corrupt'
  | 'symlink'
  | 'not_a_file'
  | 'not_a_directory'
  | 'foreign_owner'
  | 'locked'
  | 'decrypt'
  /** The store's backend did not answer (Redis down, a network error): nothing was read or written. */
  | 'unreachable';

/** Options of {@link ConfigStoreError}. */
export interface ConfigStoreErrorOptions extends HostingErrorOptions {
  /** @default 'corrupt' */
  reason?: ConfigStoreErrorReason;
  /** The file or directory concerned. */
  /** @default '' */
  path?: string;
  /** With `reason: 'decrypt'`: the id of the key the value names (never the key itself). */
  keyId?: string;
}

/**
 * The credentials directory or a file in it cannot be used safely: corrupt JSON, a symbolic link,
 * a directory owned by another user, a lock that cannot be taken, an encrypted value that cannot be
 * decrypted (`reason: 'decrypt'`). Nothing was read from or written to it.
 */
export class ConfigStoreError extends HostingError {
  static override readonly code: string = 'config_store_error';
  static override readonly status: number = 500;
  override readonly name: string = 'ConfigStoreError';
  /** Machine-readable reason, e.g. `'corrupt'`. */
  readonly reason: ConfigStoreErrorReason;
  /** The file or directory concerned. */
  readonly path: string;
  /** With `reason: 'decrypt'`: the id of the key the value names (never the key itself). */
  declare readonly keyId?: string;
  constructor(message: string, options: ConfigStoreErrorOptions = {}) {
    super(message, options);
    this.reason = options.reason ?? 'corrupt';
    this.path = options.path ?? '';
    if (options.keyId !== undefined) this.keyId = options.keyId;
  }
}

type ErrorClass<T> = abstract new (...args: never[]) => T;
const guard =
  <T>(cls: ErrorClass<T>) =>
  (value: unknown): value is T =>
    value instanceof cls;

/** True for any error thrown by this SDK (from any copy of the package). */
export const isHostingError: (value: unknown) => value is HostingError = /* @__PURE__ */ guard(HostingError);
/** True for a {@link ValidationError}. */
export const isValidationError: (value: unknown) => value is ValidationError = /* @__PURE__ */ guard(ValidationError);
/** True for an {@link AuthenticationError}. */
export const isAuthenticationError: (value: unknown) => value is AuthenticationError =
  /* @__PURE__ */ guard(AuthenticationError);
/** True for a {@link NotFoundError} (a {@link ProviderNotFoundError} included). */
export const isNotFoundError: (value: unknown) => value is NotFoundError = /* @__PURE__ */ guard(NotFoundError);
/** True for a {@link ProviderNotFoundError}. */
export const isProviderNotFoundError: (value: unknown) => value is ProviderNotFoundError =
  /* @__PURE__ */ guard(ProviderNotFoundError);
/** True for a {@link ConflictError}. */
export const isConflictError: (value: unknown) => value is ConflictError = /* @__PURE__ */ guard(ConflictError);
/** True for a {@link RateLimitError}. */
export const isRateLimitError: (value: unknown) => value is RateLimitError = /* @__PURE__ */ guard(RateLimitError);
/** True for a {@link ProviderAPIError} (a {@link TimeoutError} included). */
export const isProviderAPIError: (value: unknown) => value is ProviderAPIError =
  /* @__PURE__ */ guard(ProviderAPIError);
/** True for a {@link TimeoutError}. */
export const isTimeoutError: (value: unknown) => value is TimeoutError = /* @__PURE__ */ guard(TimeoutError);
/** True for a {@link ConfigStoreError}. */
export const isConfigStoreError: (value: unknown) => value is ConfigStoreError =
  /* @__PURE__ */ guard(ConfigStoreError);
/** True for an {@link ErrNotSupported}. */
export const isErrNotSupported: (value: unknown) => value is ErrNotSupported = /* @__PURE__ */ guard(ErrNotSupported);
