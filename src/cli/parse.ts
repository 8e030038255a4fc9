/**
 * Turns argv into a command and its values with `node:util` `parseArgs` (strict: an unknown flag or a
 * missing value is a usage error). Global flags may appear anywhere on the line.
 * @module
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import type { CommandSpec, FlagSpec, GroupSpec } from './spec.js';
import { suggest } from './suggest.js';

/** Flags every command takes. */
export const GLOBAL_FLAGS: Record<string, FlagSpec> = {
  provider: {
    type: 'string',
    value: 'name',
    description: 'Provider to use (default: $SETEC_HOSTING_PROVIDER, else the only configured one)',
  },
  'config-dir': {
    type: 'string',
    value: 'dir',
    description: 'Credentials directory (default: $SETEC_HOSTING_CONFIG_DIR, else $XDG_CONFIG_HOME/setec-hosting)',
  },
  output: {
    type: 'string',
    short: 'o',
    value: 'table|json',
    description: 'Output format: an aligned table, or exactly the JSON of the results',
  },
  debug: { type: 'boolean', description: 'On failure, also print the cause chain (secrets are still hidden)' },
  help: { type: 'boolean', short: 'h', description: 'Show help for the command' },
};

/** The parsed command line. */
export type ParsedLine =
  | { kind: 'help'; group?: GroupSpec; command?: CommandSpec }
  | { kind: 'version' }
  | {
      kind: 'run';
      group: GroupSpec;
      command: CommandSpec;
      args: Record<string, string | string[]>;
      flags: Record<string, string | boolean | string[] | undefined>;
    };

function takesValue(token: string): boolean {
  if (/^-[a-z]$/i.test(token))
    return Object.values(GLOBAL_FLAGS).some((f) => f.short === token[1] && f.type === 'string');
  const name = token.startsWith('--') ? token.slice(2) : '';
  return GLOBAL_FLAGS[name]?.type === 'string';
}

/** Finds the first `max` command words, skipping global flags (and their values) wherever they are. */
function words(argv: readonly string[], max = 2): { found: { word: string; index: number }[]; help: boolean } {
  const found: { word: string; index: number }[] = [];
  for (let i = 0; i < argv.length && found.length < max; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    if (token.startsWith('-')) {
      if (!token.includes('=') && takesValue(token)) i++;
      continue;
    }
    found.push({ word: token, index: i });
  }
  return { found, help: argv.includes('--help') || argv.includes('-h') };
}

/** `unknown command "dns lst": did you mean "list"? (choose from: list, create, ...)` */
function unknown(what: string, typed: string, known: readonly string[], helpFor = ''): UsageError {
  const guess = suggest(typed, known);
  const hint = guess ? `: did you mean "${guess}"?` : '';
  return new UsageError(`unknown command "${what}"${hint} (choose from: ${known.join(', ')})`, helpFor);
}

function findGroup(word: string, groups: readonly GroupSpec[]): GroupSpec {
  const group = groups.find((g) => g.name === word);
  if (!group) throw unknown(word, word, ['help', ...groups.map((g) => g.name)]);
  return group;
}

function findCommand(group: GroupSpec, word: string): CommandSpec {
  const command = group.commands.find((c) => c.name === word);
  if (!command)
    throw unknown(
      `${group.name} ${word}`,
      word,
      group.commands.map((c) => c.name),
      group.name,
    );
  return command;
}

/** `setec-hosting help [group [command]]`: the same pages as `--help`. */
function helpTopic(topic: string[], groups: readonly GroupSpec[]): ParsedLine {
  if (topic.length === 0) return { kind: 'help' };
  const group = findGroup(topic[0]!, groups);
  if (group.command) return { kind: 'help', group, command: group.command };
  if (topic.length === 1) return { kind: 'help', group };
  return { kind: 'help', group, command: findCommand(group, topic[1]!) };
}

/**
 * Parses `argv` (without `node` and the script) against the command table. No command at all is the
 * top-level help; `help <group> [command]` is that page's help.
 * @throws {UsageError} for an unknown group, command or flag (naming the closest one when it looks like a
 *   typo), a missing or extra argument, a bad `--output`.
 */
export function parseLine(argv: readonly string[], groups: readonly GroupSpec[]): ParsedLine {
  const { found, help } = words(argv);
  if (found.length === 0) return argv.includes('--version') && !help ? { kind: 'version' } : { kind: 'help' };
  if (found[0]!.word === 'help')
    return helpTopic(
      words(argv, 3)
        .found.slice(1)
        .map((f) => f.word),
      groups,
    );
  const group = findGroup(found[0]!.word, groups);
  if (group.command) {
    if (help) return { kind: 'help', group, command: group.command };
    return runLine(
      group,
      group.command,
      argv.filter((_, i) => i !== found[0]!.index),
      group.name,
    );
  }
  if (found.length === 1) {
    if (help) return { kind: 'help', group };
    throw new UsageError(`missing command for "${group.name}"`, group.name);
  }
  if (found[1]!.word === 'help') return { kind: 'help', group };
  const command = findCommand(group, found[1]!.word);
  if (help) return { kind: 'help', group, command };
  const rest = argv.filter((_, i) => i !== found[0]!.index && i !== found[1]!.index);
  return runLine(group, command, rest, `${group.name} ${command.name}`);
}

function runLine(group: GroupSpec, command: CommandSpec, rest: string[], helpFor: string): ParsedLine {
  const options = { ...GLOBAL_FLAGS, ...command.flags };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
  } catch (error) {
    let message = (error as Error).message.replace(/\. To specify a positional.*$/s, '');
    const flag = /^Unknown option '--([^']+)'/.exec(message)?.[1];
    const guess = flag === undefined ? undefined : suggest(flag, Object.keys(options));
    if (guess) message += `: did you mean --${guess}?`;
    throw new UsageError(message, helpFor);
  }
  const flags = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (flags.output !== undefined && flags.output !== 'json' && flags.output !== 'table')
    throw new UsageError(`--output must be "table" or "json", not "${String(flags.output)}"`, helpFor);
  return { kind: 'run', group, command, args: bindArgs(command, parsed.positionals, helpFor), flags };
}

function bindArgs(command: CommandSpec, positionals: string[], helpFor: string): Record<string, string | string[]> {
  const args: Record<string, string | string[]> = {};
  let i = 0;
  for (const spec of command.args) {
    if (spec.variadic) {
      const restValues = positionals.slice(i);
      if (restValues.length === 0 && !spec.optional) throw new UsageError(`missing argument <${spec.name}>`, helpFor);
      args[spec.name] = restValues;
      i = positionals.length;
    } else if (i < positionals.length) {
      args[spec.name] = positionals[i++]!;
    } else if (!spec.optional) {
      throw new UsageError(`missing argument <${spec.name}>`, helpFor);
    }
  }
  if (i < positionals.length) throw new UsageError(`unexpected argument "${positionals[i]}"`, helpFor);
  return args;
}
