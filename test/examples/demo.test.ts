import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `npm run demo`'s script on the simulator; `firstLineOnly` closes the pipe after one line, as `| head -1` does. */
function runDemo(firstLineOnly: boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.HOSTINGER_API_TOKEN; // the simulator, never a real account
  const child = spawn(process.execPath, ['--import', 'tsx', 'examples/demo.ts'], { cwd: root, env });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
    if (firstLineOnly && stdout.includes('\n')) child.stdout.destroy();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('examples: the demo', () => {
  it('ends quietly when its stdout is closed early (npm run demo | head)', async () => {
    const { code, stderr } = await runDemo(true);
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });

  it('keeps every line under 100 columns so its tables fit a narrow terminal', async () => {
    const { code, stdout } = await runDemo(false);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.length).toBeGreaterThan(50);
    expect(lines.filter((line) => line.length >= 100)).toEqual([]);
  });

  it("shows each subscription's billing period, so a monthly and a yearly plan look different", async () => {
    const { code, stdout } = await runDemo(false);
    expect(code).toBe(0);
    const table = stdout.slice(stdout.indexOf('Listing subscriptions'), stdout.indexOf('Reading the catalog'));
    expect(table).toMatch(/^\s+id\s+name\s+status\s+price\s+currency\s+period\s+renews$/m);
    expect(table).toMatch(/KVM 2 .* monthly /);
    expect(table).toMatch(/KVM 4 .* yearly /);
  });
});
