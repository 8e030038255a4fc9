/**
 * Runs the built `setec-hosting` bin as a child process (as `npx setec-hosting` would), with its own
 * config directory, and collects stdout, stderr and the exit status.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHostingerSimulator, type HostingerSimulator } from '../../src/testing/index.js';

export const BIN = resolve(import.meta.dirname, '../../dist/cli/index.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
}

/** Runs the bin with `args`; the environment holds only PATH, HOME and what `env` adds. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" first`);
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir() };
  for (const [key, value] of Object.entries(options.env ?? {})) if (value !== undefined) env[key] = value;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A simulator on 127.0.0.1 and a config directory where `hostinger` is configured to use it. */
export interface CliFixture {
  sim: HostingerSimulator;
  origin: string;
  configDir: string;
  /** Runs the bin with `--config-dir` set to the fixture's directory. */
  run(args: string[], options?: RunOptions): Promise<CliResult>;
  close(): Promise<void>;
}

export async function startFixture(token = 'cli-test-token-5f2e9a'): Promise<CliFixture> {
  const sim = createHostingerSimulator({ token });
  const origin = await sim.listen();
  const configDir = mkdtempSync(join(tmpdir(), 'setec-cli-'));
  const run = (args: string[], options: RunOptions = {}) => runCli([...args, '--config-dir', configDir], options);
  const configured = await run(['providers', 'configure', 'hostinger', '--extra', `base_url=${origin}`], {
    env: { SETEC_HOSTING_API_KEY: token },
  });
  if (configured.code !== 0) throw new Error(`configure failed: ${configured.stderr}`);
  sim.reset();
  return {
    sim,
    origin,
    configDir,
    run,
    async close() {
      await sim.close();
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}
