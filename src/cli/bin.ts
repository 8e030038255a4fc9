#!/usr/bin/env node
/**
 * The `setec-hosting` bin. Kept tiny: the command table and help load at once, everything a command
 * needs (adapters, the credential store) only when that command runs.
 * @module
 */
import { main } from './main.js';

main(process.argv.slice(2), process).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
