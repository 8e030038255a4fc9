/**
 * The command reference page (`docs/guides/cli.md`), rendered from the command table so it cannot drift
 * from what the bin accepts. `npm run docs:cli` writes it; a test checks the file matches.
 * @module
 */
import { argLabel, BIN, flagLabel, usageLine } from './help.js';
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
    'the JSON of the models with `--output json`); messages and progress go to stderr.',
    '',
    '- **Exit status**: 0 success; 1 the operation failed (stderr names the error, e.g. `NotFoundError: ...`);',
    '  2 usage error (unknown command or flag, missing argument). `dns plan --detailed-exitcode`: 0 no changes,',
    '  2 changes pending, 1 error. Ctrl-C at a confirmation prompt: 130, nothing changed.',
    '- **Credentials** live in `--config-dir`, else `$SETEC_HOSTING_CONFIG_DIR`, else',
    '  `$XDG_CONFIG_HOME/setec-hosting` (`~/.config/setec-hosting`), one `<provider>.json` per provider (0600).',
    '  `providers configure` reads the key from `$SETEC_HOSTING_API_KEY` or stdin (`--api-key-stdin`).',
    '- **Provider**: `--provider`, else `$SETEC_HOSTING_PROVIDER`, else the only configured one.',
    '- **Confirmation**: commands that spend money or replace much ask on a terminal; elsewhere they need `--yes`',
    '  and send nothing without it.',
    '- **Colour** only on a terminal; `NO_COLOR` turns it off.',
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
      g.commands.map((c) => `| [\`${g.name} ${c.name}\`](#${g.name}-${c.name}) | ${escapeCell(c.summary)} |`),
    ),
  ];
  for (const group of groups) {
    lines.push('', `## ${group.name}`, '', `${group.summary}.`);
    for (const command of group.commands) {
      lines.push(
        '',
        `### ${group.name} ${command.name}`,
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
