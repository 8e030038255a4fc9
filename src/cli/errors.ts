/**
 * How the CLI reports failures: one line `ErrorName: message` (exit 1), or a usage error (exit 2).
 * `--debug` adds the cause chain; every line goes through the SDK's secret redaction.
 * @module
 */
import { redactSecrets } from '../core/errors.js';

/** A mistake in the command line itself (unknown command or flag, missing argument): exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The command whose `--help` the user should read, e.g. `dns list`. */
  readonly helpFor: string;
  constructor(message: string, helpFor = '') {
    super(message);
    this.helpFor = helpFor;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return `Error: ${String(error)}`;
  let line = `${error.name}: ${error.message}`;
  const fields = (error as { fields?: unknown }).fields;
  if (error.name === 'ValidationError' && fields && typeof fields === 'object') {
    // Fields whose words the message already says are not repeated.
    const parts = Object.entries(fields as Record<string, unknown>)
      .map(([field, messages]) => [field, (Array.isArray(messages) ? messages : [messages]).map(String)] as const)
      .filter(([, messages]) => !messages.every((m) => error.message.includes(m)))
      .map(([field, messages]) => `${field} ${messages.join(', ')}`);
    if (parts.length > 0 && !parts.every((p) => error.message.includes(p))) line += ` (${parts.join('; ')})`;
  }
  return line.replace(/\s*\n\s*/g, ' ');
}

/**
 * The lines printed on stderr for a failed command: `ErrorName: message` with a `ValidationError`'s
 * fields, then, with `debug`, one `  caused by: ...` line per cause. `secrets` (the API key in use) are
 * replaced wherever they appear.
 */
export function formatError(error: unknown, debug: boolean, secrets: readonly string[] = []): string {
  const lines = [describe(error)];
  if (debug) {
    const seen = new Set<unknown>([error]);
    for (let cause = (error as { cause?: unknown })?.cause; cause !== undefined;) {
      if (seen.has(cause)) break;
      seen.add(cause);
      lines.push(`  caused by: ${describe(cause)}`);
      cause = (cause as { cause?: unknown } | null)?.cause;
    }
    const status = (error as { status?: unknown }).status;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string')
      lines.push(`  code: ${code}${typeof status === 'number' ? `, status: ${status}` : ''}`);
  }
  return lines.map((line) => hideSecrets(line, secrets)).join('\n');
}

/** Redacts bearer tokens and credential-looking values, and every occurrence of the given secrets. */
export function hideSecrets(text: string, secrets: readonly string[]): string {
  let out = redactSecrets(text);
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[REDACTED]');
  return out;
}
