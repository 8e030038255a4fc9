/**
 * The README's command-line block, run as written against `setec-hosting simulator`: a reader who tries
 * the simulator first gets exit status 0 from every line.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from './run-cli.js';

const home = mkdtempSync(join(tmpdir(), 'setec-readme-home-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Each `npx setec-hosting ...` line of the README's "Command line" block, without its comment. */
function readmeCommands(): string[][] {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Command line'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean)
    .map((line) => line.split(/\s+/));
}

describe('README: the command-line block', () => {
  it('every line runs against the simulator it starts, exit status 0 (a real key is needed only to configure one)', async () => {
    const lines = readmeCommands();
    const simulator = lines.find((words) => words.join(' ') === 'npx setec-hosting simulator');
    expect(simulator).toBeDefined();
    // A line that sets a placeholder key stores a real account's key: the simulator configures its own.
    const runnable = lines.filter((words) => words !== simulator && !words[0]!.includes('=...'));
    expect(runnable.length).toBeGreaterThanOrEqual(4);
    for (const words of runnable) expect(words.slice(0, 2)).toEqual(['npx', 'setec-hosting']);

    const child = spawn(process.execPath, [BIN, 'simulator'], {
      env: { PATH: process.env.PATH ?? '', HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((done) => child.on('close', done));
    try {
      let stdout = '';
      const line = await new Promise<string>((done, fail) => {
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
          if (stdout.includes('\n')) done(stdout.split('\n')[0]!);
        });
        void exited.then((code) => fail(new Error(`simulator exited ${code}`)));
      });
      const dir = /^export SETEC_HOSTING_CONFIG_DIR='([^']+)'$/.exec(line)?.[1];
      expect(dir).toBeDefined();
      for (const words of runnable) {
        const result = await runCli(words.slice(2), { env: { SETEC_HOSTING_CONFIG_DIR: dir! } });
        expect(result.code, `${words.join(' ')}\n${result.stderr}`).toBe(0);
      }
    } finally {
      child.kill('SIGINT');
      await exited;
    }
  }, 60_000);
});
