/**
 * The command reference page (`docs/guides/cli.md`), rendered from the command table so it cannot drift
 * from what the bin accepts. `npm run docs:cli` writes it; a test checks the file matches.
 * @module
 */
import { argLabel, BIN, commandPath, flagLabel, usageLine } from './help.js';
import { GLOBAL_FLAGS } from './parse.js';
import type { FlagSpec, GroupSpec } from './spec.js';

// A pipe inside a table cell (even inside backticks) must be escaped.
const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

function flagTable(flags: Record<string, FlagSpec>): string[] {
  return [
    '| flag | meaning |',
    '|---|---|',
    ...Object.entries(flags).map(
      ([name, flag]) =>
        `| \`${escapeCell(flagLabel(name, flag))}\` | ${escapeCell(flag.description)}${flag.multiple ? ' (repeatable)' : ''} |`,
    ),
  ];
}

/** The whole reference page as Markdown. */
export function renderReference(groups: readonly GroupSpec[]): string {
  const lines = [
    '# Command line reference',
    '',
    "<!-- Generated from the CLI's command table by `npm run docs:cli`; a test fails when it is out of date. -->",
    '',
    `\`npx ${BIN} <group> <command> [arguments] [flags]\`. Results go to stdout (an aligned table, or exactly`,
    'the JSON of the models with `--output json` or `-o json`; a write prints the object it made, e.g. the',
    'record `dns create` added); messages and progress go to stderr.',
    '',
    '- **Help**: `setec-hosting` alone, `setec-hosting help <group> [command]` or `--help` anywhere. A mistyped',
    '  command or flag is answered with the closest one (`unknown command "dns lst": did you mean "list"?`).',
    '- **Exit status**: 0 success; 1 the operation failed (stderr names the error, e.g. `NotFoundError: ...`);',
    '  2 usage error: an unknown command or flag, a missing or extra argument, or a flag value of the wrong',
    '  kind (`--ttl abc`, `--max-price 0x10`: number flags take decimal numbers), with nothing sent.',
    '  `dns plan --detailed-exitcode`: 0 no changes, 2 changes pending, 1 error. Ctrl-C at a confirmation',
    '  prompt: 130, nothing changed.',
    '- **Credentials** live in `--config-dir`, else `$SETEC_HOSTING_CONFIG_DIR`, else',
    '  `$XDG_CONFIG_HOME/setec-hosting` (`~/.config/setec-hosting`), one `<provider>.json` per provider (0600).',
    '  `providers configure` reads the key from `$SETEC_HOSTING_API_KEY` or stdin (`--api-key-stdin`).',
    '- **Provider**: `--provider`, else `$SETEC_HOSTING_PROVIDER`, else the only configured one.',
    '- **Confirmation**: commands that spend money or replace much ask on a terminal; elsewhere they need `--yes`',
    '  and send nothing without it.',
    '- **Colour** only on a terminal; `NO_COLOR` turns it off.',
    '',
    '## Try it without an account',
    '',
    "`setec-hosting simulator` serves a local simulator of a provider's API (Hostinger unless `--provider` names",
    'another), seeded with domains, the zone `example.com`, VMs and SSH keys, and prints the one command that points',
    'the CLI at it:',
    '',
    '```sh',
    'npx setec-hosting simulator --provider digitalocean',
    '# export SETEC_HOSTING_CONFIG_DIR=/tmp/setec-simulator-Xb3k9Q   <- run this in another shell, then:',
    'npx setec-hosting dns list example.com',
    '```',
    '',
    'Every command works against it, writes included; Ctrl-C stops it and deletes its credentials directory.',
    '',
    '## Global flags',
    '',
    ...flagTable(GLOBAL_FLAGS),
    '',
    '## Commands',
    '',
    '| command | what it does |',
    '|---|---|',
    ...groups.flatMap((g) =>
      (g.command ? [g.command] : g.commands).map(
        (c) => `| [\`${commandPath(g, c)}\`](#${commandPath(g, c).replace(' ', '-')}) | ${escapeCell(c.summary)} |`,
      ),
    ),
  ];
  for (const group of groups) {
    lines.push('', `## ${group.name}`, '', `${group.summary}.`);
    for (const command of group.command ? [group.command] : group.commands) {
      lines.push(
        '',
        `### ${commandPath(group, command)}`,
        '',
        `${command.summary}.`,
        '',
        '```',
        usageLine(group, command),
        '```',
      );
      if (command.args.length > 0) {
        lines.push('', '| argument | meaning |', '|---|---|');
        for (const arg of command.args) lines.push(`| \`${argLabel(arg)}\` | ${escapeCell(arg.description)} |`);
      }
      if (command.flags && Object.keys(command.flags).length > 0) lines.push('', ...flagTable(command.flags));
      if (command.notes) lines.push('', command.notes.replace(/\n/g, ' '));
      lines.push('', 'Example:', '', '```sh', command.example, '```');
    }
  }
  return lines.join('\n') + '\n';
}
