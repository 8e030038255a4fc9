import { ValidationError } from '../errors.js';

/** Collects field messages so one {@link ValidationError} can name every bad field at once. */
export class FieldErrors {
  readonly fields: Record<string, string[]> = {};

  add(field: string, message: string): void {
    (this.fields[field] ??= []).push(message);
  }

  /** Runs `fn`; a ValidationError it throws is merged in and `undefined` returned. */
  catch<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const [field, messages] of Object.entries(error.fields)) for (const m of messages) this.add(field, m);
      return undefined;
    }
  }

  /** Throws when any message was added; `provider`, when given, is the error's. */
  throwIfAny(message: string, provider?: string): void {
    const entries = Object.entries(this.fields);
    if (entries.length === 0) return;
    const detail = entries.map(([field, messages]) => `${field} ${messages.join(', ')}`).join('; ');
    throw new ValidationError(`${message}: ${detail}`, { fields: this.fields, provider });
  }
}

/** Throws a {@link ValidationError} for one field. */
export function fail(field: string, message: string): never {
  throw new ValidationError(`${field} ${message}`, { fields: { [field]: [message] } });
}

/** A short, safe rendering of user input for messages. */
export function quote(value: unknown): string {
  const s = JSON.stringify(String(value));
  return s.length > 70 ? `${s.slice(0, 66)}..."` : s;
}
