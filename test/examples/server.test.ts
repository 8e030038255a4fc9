import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;
vi.setConfig({ testTimeout: 60_000 });

/** Runs `examples/server.ts` with HOSTING_JWT_SECRET unset, in a temporary data directory. */
async function runServer(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'setec-example-server-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOSTING_DATA_DIR: dir };
  delete env.HOSTING_JWT_SECRET;
  delete env.HOSTINGER_API_TOKEN;
  const child = spawn(process.execPath, ['--import', 'tsx', 'examples/server.ts', ...args], { cwd: root, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
    // Serving without --smoke never ends by itself: once it says it is up, stop it.
    if (!args.includes('--smoke') && stdout.includes('REST API on')) child.kill();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  try {
    return await new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('examples: the server without HOSTING_JWT_SECRET', () => {
  it('refuses to serve real credentials, says which variable to set, and prints no token', async () => {
    const { code, stdout, stderr } = await runServer([]);
    expect(code).toBe(1);
    expect(stderr).toContain('HOSTING_JWT_SECRET is not set: refusing');
    expect(`${stdout}${stderr}`).not.toMatch(JWT);
    expect(stdout).not.toContain('REST API on');
  });

  it('on the simulator it runs, but warns loudly on stderr before the token it prints', async () => {
    const { code, stdout, stderr } = await runServer(['--simulator', '--smoke']);
    expect(code).toBe(0);
    expect(stderr).toContain('!!! WARNING: HOSTING_JWT_SECRET is not set');
    expect(stdout).toMatch(/simulator only\):\n {2}export TOKEN=eyJ/);
  });
});
