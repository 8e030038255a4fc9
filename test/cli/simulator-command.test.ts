/**
 * `setec-hosting simulator` as a user runs it: start it, copy the one command it prints, run other commands
 * against it from another process, stop it with Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from './run-cli.js';

const home = mkdtempSync(join(tmpdir(), 'setec-sim-home-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Starts the simulator command and resolves with the line it prints once it is ready. */
function startSimulator(args: string[]) {
  const env = { PATH: process.env.PATH ?? '', HOME: home };
  const child = spawn(process.execPath, [BIN, 'simulator', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    void exited.then((code) => reject(new Error(`simulator exited ${code}: ${stderr}`)));
  });
  return { child, ready, exited, stderr: () => stderr, stdout: () => stdout };
}

describe('cli: setec-hosting simulator', () => {
  it.each(['hostinger', 'digitalocean', 'hetzner'])(
    '--provider %s prints one export line; the CLI pointed there lists and changes the seeded zone; Ctrl-C stops it',
    async (provider) => {
      const sim = startSimulator(['--provider', provider]);
      const line = await sim.ready;
      const dir = /^export SETEC_HOSTING_CONFIG_DIR='([^']+)'$/.exec(line)?.[1];
      expect(dir).toBeDefined();
      expect(sim.stderr()).toMatch(new RegExp(`${provider} simulator is listening on http://127\\.0\\.0\\.1:\\d+`));
      const env = { SETEC_HOSTING_CONFIG_DIR: dir! };
      const listed = await runCli(['dns', 'list', 'example.com', '-o', 'json'], { env });
      expect(listed.stderr).toBe('');
      expect(listed.code).toBe(0);
      const before = JSON.parse(listed.stdout) as { type: string }[];
      expect(before.length).toBeGreaterThan(0);
      const created = await runCli(['dns', 'create', 'example.com', 'tried', 'TXT', 'from-the-simulator'], { env });
      expect(created.code).toBe(0);
      const after = JSON.parse((await runCli(['dns', 'list', 'example.com', '-o', 'json'], { env })).stdout) as {
        name: string;
        content: string;
      }[];
      expect(after).toHaveLength(before.length + 1);
      expect(after.some((r) => r.name === 'tried' && r.content.includes('from-the-simulator'))).toBe(true);
      sim.child.kill('SIGINT');
      expect(await sim.exited).toBe(0);
      expect(sim.stdout()).toBe(`${line}\n`);
      expect(existsSync(dir!)).toBe(false);
    },
    60_000,
  );

  it('--port serves on that port', async () => {
    const probe = startSimulator(['--port', '0']);
    await probe.ready;
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(probe.stderr())![1]);
    probe.child.kill('SIGINT');
    await probe.exited;
    const sim = startSimulator(['--port', String(port)]);
    await sim.ready;
    expect(sim.stderr()).toContain(`http://127.0.0.1:${port}`);
    sim.child.kill('SIGTERM');
    expect(await sim.exited).toBe(0);
  }, 60_000);

  it.each([
    [
      ['--provider', 'nosuch'],
      /^UsageError: unknown simulator provider "nosuch" \(choose from: hostinger, digitalocean, hetzner\)/,
    ],
    [['--port', 'abc'], /^UsageError: --port must be a whole number, not "abc"/],
    [['--port', '70000'], /^UsageError: --port must be from 0 to 65535/],
  ])('%j is a usage error (exit 2) and serves nothing', async (args, message) => {
    const result = await runCli(['simulator', ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("Run 'setec-hosting simulator --help' for usage.");
  });
});
