#!/usr/bin/env node
/**
 * The `setec-hosting` bin. Kept tiny: the command table and help load at once, everything a command
 * needs (adapters, the credential store) only when that command runs.
 * @module
 */
import { main } from './main.js';

// `setec-hosting dns list example.com | head -1` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2), process).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
