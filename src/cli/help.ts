/**
 * `--help` text for the whole CLI, a group or a command, rendered from the command table.
 * @module
 */
import { GLOBAL_FLAGS } from './parse.js';
import type { ArgSpec, CommandSpec, FlagSpec, GroupSpec } from './spec.js';

/** The bin's name. */
export const BIN = 'setec-hosting';

/** `<domain>`, `[name]`, `<content...>`. */
export function argLabel(arg: ArgSpec): string {
  const inner = `${arg.name}${arg.variadic ? '...' : ''}`;
  return arg.optional ? `[${inner}]` : `<${inner}>`;
}

/** `--ttl n`, `--extra key=value (repeatable)`, `-h, --help`. */
export function flagLabel(name: string, flag: FlagSpec): string {
  const long = `--${name}${flag.type === 'string' ? ` ${flag.value ?? 'value'}` : ''}`;
  return flag.short ? `-${flag.short}, ${long}` : long;
}

/** `dns create`, or `simulator` for a group that is itself a command. */
export function commandPath(group: GroupSpec, command: CommandSpec): string {
  return group.command ? group.name : `${group.name} ${command.name}`;
}

/** `setec-hosting dns create <domain> <name> <type> <content> [flags]` */
export function usageLine(group: GroupSpec, command: CommandSpec): string {
  const args = command.args.map(argLabel).join(' ');
  return `${BIN} ${commandPath(group, command)}${args ? ` ${args}` : ''} [flags]`;
}

function rows(entries: [string, string][]): string[] {
  const width = Math.max(...entries.map(([left]) => left.length));
  return entries.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

function flagRows(flags: Record<string, FlagSpec>, more: [string, string][] = []): string[] {
  return rows([
    ...Object.entries(flags).map(([name, flag]): [string, string] => [
      flagLabel(name, flag),
      flag.description + (flag.multiple ? ' (repeatable)' : ''),
    ]),
    ...more,
  ]);
}

/** Help for the whole CLI: the groups. */
export function rootHelp(groups: readonly GroupSpec[]): string {
  return [
    `${BIN}: manage DNS, domains, VPS, SSH keys and billing of your hosting accounts.`,
    '',
    'Usage:',
    `  ${BIN} <group> <command> [arguments] [flags]`,
    '',
    'Groups:',
    ...rows(groups.map((g) => [g.name, g.summary])),
    '',
    'Global flags:',
    ...flagRows(GLOBAL_FLAGS, [['--version', 'Print the version']]),
    '',
    'Example:',
    `  ${BIN} providers configure hostinger --api-key-stdin < token.txt`,
    `  ${BIN} dns list example.com -o json`,
    `  ${BIN} simulator          # try every command on a local simulator, no account needed`,
    '',
    `Run '${BIN} help <group> [command]' (or add --help) for a group's commands or a command's flags.`,
    '',
  ].join('\n');
}

/** Help for a group: its commands. */
export function groupHelp(group: GroupSpec): string {
  return [
    `${BIN} ${group.name}: ${group.summary}`,
    '',
    'Usage:',
    `  ${BIN} ${group.name} <command> [arguments] [flags]`,
    '',
    'Commands:',
    ...rows(group.commands.map((c) => [c.name, c.summary])),
    '',
    'Example:',
    `  ${group.commands[0]!.example}`,
    '',
    `Run '${BIN} ${group.name} <command> --help' for a command's arguments and flags.`,
    '',
  ].join('\n');
}

/** Help for one command: usage, arguments, flags, notes and an example. */
export function commandHelp(group: GroupSpec, command: CommandSpec): string {
  const lines = [
    `${BIN} ${commandPath(group, command)}: ${command.summary}`,
    '',
    'Usage:',
    `  ${usageLine(group, command)}`,
  ];
  if (command.args.length > 0)
    lines.push('', 'Arguments:', ...rows(command.args.map((a) => [argLabel(a), a.description])));
  if (command.flags && Object.keys(command.flags).length > 0) lines.push('', 'Flags:', ...flagRows(command.flags));
  lines.push('', 'Global flags:', ...flagRows(GLOBAL_FLAGS));
  if (command.notes) lines.push('', command.notes);
  lines.push('', 'Example:', `  ${command.example}`, '');
  return lines.join('\n');
}
