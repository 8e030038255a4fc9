/**
 * The CLI's top level: parse, print help, or run a command and map its outcome to an exit status
 * (0 success, 1 the operation failed, 2 usage error).
 * @module
 */
import { GROUPS } from './commands/index.js';
import { formatError, UsageError } from './errors.js';
import { BIN, commandHelp, commandPath, groupHelp, rootHelp } from './help.js';
import { Output } from './output.js';
import { parseLine } from './parse.js';
import type { CliIo } from './runtime.js';
import { VERSION } from '../version.js';

function usageFailure(io: CliIo, error: UsageError): number {
  const where = error.helpFor ? ` ${error.helpFor}` : '';
  io.stderr.write(`UsageError: ${error.message}\nRun '${BIN}${where} --help' for usage.\n`);
  return 2;
}

/**
 * Runs one command line and resolves with its exit status. Never throws.
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2), process);
 * ```
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let line: ReturnType<typeof parseLine>;
  try {
    line = parseLine(argv, GROUPS);
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(io, error);
    throw error;
  }
  if (line.kind === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (line.kind === 'help') {
    const text = line.command
      ? commandHelp(line.group!, line.command)
      : line.group
        ? groupHelp(line.group)
        : rootHelp(GROUPS);
    io.stdout.write(text);
    return 0;
  }
  const { group, command, args, flags } = line;
  const out = new Output({ json: flags.output === 'json', stdout: io.stdout, stderr: io.stderr, env: io.env });
  const secrets: string[] = [];
  const helpFor = commandPath(group, command);
  try {
    const { createContext } = await import('./runtime.js');
    const context = createContext({ io, out, args, flags, helpFor, secrets });
    return (await command.run(context)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(io, new UsageError(error.message, error.helpFor || helpFor));
    io.stderr.write(formatError(error, flags.debug === true, secrets) + '\n');
    const exitCode = (error as { exitCode?: unknown } | null)?.exitCode;
    return typeof exitCode === 'number' ? exitCode : 1;
  }
}
