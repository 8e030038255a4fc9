/**
 * Turns argv into a command and its values with `node:util` `parseArgs` (strict: an unknown flag or a
 * missing value is a usage error). Global flags may appear anywhere on the line.
 * @module
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import type { CommandSpec, FlagSpec, GroupSpec } from './spec.js';

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
  const name = token.startsWith('--') ? token.slice(2) : '';
  return GLOBAL_FLAGS[name]?.type === 'string';
}

/** Finds the group and command words, skipping global flags (and their values) wherever they are. */
function words(argv: readonly string[]): { found: { word: string; index: number }[]; help: boolean } {
  const found: { word: string; index: number }[] = [];
  let help = false;
  for (let i = 0; i < argv.length && found.length < 2; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    if (token === '--help' || token === '-h') help = true;
    if (token.startsWith('-')) {
      if (!token.includes('=') && takesValue(token)) i++;
      continue;
    }
    found.push({ word: token, index: i });
  }
  return { found, help: help || argv.includes('--help') || argv.includes('-h') };
}

/**
 * Parses `argv` (without `node` and the script) against the command table.
 * @throws {UsageError} for an unknown group, command or flag, a missing or extra argument, a bad `--output`.
 */
export function parseLine(argv: readonly string[], groups: readonly GroupSpec[]): ParsedLine {
  const { found, help } = words(argv);
  if (found.length === 0) {
    if (argv.includes('--version')) return { kind: 'version' };
    if (help) return { kind: 'help' };
    throw new UsageError('missing command');
  }
  const group = groups.find((g) => g.name === found[0]!.word);
  if (!group)
    throw new UsageError(`unknown command "${found[0]!.word}" (choose from: ${groups.map((g) => g.name).join(', ')})`);
  if (found.length === 1) {
    if (help) return { kind: 'help', group };
    throw new UsageError(`missing command for "${group.name}"`, group.name);
  }
  const command = group.commands.find((c) => c.name === found[1]!.word);
  if (!command) {
    const names = group.commands.map((c) => c.name).join(', ');
    throw new UsageError(`unknown command "${group.name} ${found[1]!.word}" (choose from: ${names})`, group.name);
  }
  if (help) return { kind: 'help', group, command };
  const rest = argv.filter((_, i) => i !== found[0]!.index && i !== found[1]!.index);
  const helpFor = `${group.name} ${command.name}`;
  const options = { ...GLOBAL_FLAGS, ...command.flags };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, ''), helpFor);
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
