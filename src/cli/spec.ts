/**
 * The command table's types. Definitions are plain data plus a `run` function; a command's `run` loads
 * the SDK code it needs itself, so listing and help never load an adapter.
 * @module
 */
import type { Provider } from '../core/provider.js';
import type { ConfigStore } from '../config/config-store.js';
import type { Output } from './output.js';

/** A flag of a command (or a global flag), in `node:util` `parseArgs` terms plus help text. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  /** One line for `--help`. */
  description: string;
  /** Placeholder shown after a string flag, e.g. `n` in `--ttl n`. */
  value?: string;
  /** May be given several times (`--extra a=1 --extra b=2`). */
  multiple?: boolean;
  short?: string;
}

/** A positional argument. */
export interface ArgSpec {
  name: string;
  description: string;
  /** Takes every remaining positional (at least one unless `optional`). */
  variadic?: boolean;
  optional?: boolean;
}

/** What a command's `run` receives. */
export interface CommandContext {
  /** Positional arguments by name; a variadic one is an array. */
  args: Record<string, string | string[]>;
  /** Flag values by long name. */
  flags: Record<string, string | boolean | string[] | undefined>;
  /** The configured provider chosen by `--provider`, `$SETEC_HOSTING_PROVIDER` or the only one stored. */
  provider(): Promise<Provider>;
  /** The credential store in the chosen config directory. */
  store(): Promise<ConfigStore>;
  /** Asks for confirmation on a terminal; without one, `--yes` is required (checked before anything is sent). */
  confirm(question: string): Promise<void>;
  /** Whether the command may go ahead without asking (`--yes` or a terminal to ask on). */
  assertCanConfirm(): void;
  out: Output;
  env: NodeJS.ProcessEnv;
  /** Reads all of stdin as text. */
  readStdin(): Promise<string>;
  /** A secret: on a terminal, one line typed after `prompt` without echo; else all of stdin. Trimmed. */
  readSecret(prompt: string): Promise<string>;
  /** Marks a value (a key, a password) to be replaced by `[REDACTED]` wherever an error message would show it. */
  hideSecret(value: string): void;
}

/** One `setec-hosting <group> <command>`. */
export interface CommandSpec {
  name: string;
  /** One line for the group's listing. */
  summary: string;
  args: ArgSpec[];
  flags?: Record<string, FlagSpec>;
  /** A full example line, starting with `setec-hosting`. */
  example: string;
  /** Longer notes for `--help` and the reference page. */
  notes?: string;
  /** Returns the exit status (0 when omitted). */
  run(ctx: CommandContext): Promise<number | void>;
}

/** A noun: `dns`, `domains`, ... */
export interface GroupSpec {
  name: string;
  summary: string;
  commands: CommandSpec[];
  /** Set when the word is itself a command with no sub-commands (`setec-hosting simulator`). */
  command?: CommandSpec;
}
