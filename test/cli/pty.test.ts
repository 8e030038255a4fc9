/**
 * The built bin in a real pseudo-terminal (util-linux `script`), as a person at a shell runs it: the prompt is
 * written to the terminal, the answer is typed with Enter (a carriage return) and Ctrl-C interrupts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, type CliFixture, startFixture } from './run-cli.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
const ci = process.env.CI === 'true' || process.env.CI === '1';
if (!hasScript && !ci)
  console.warn('script (util-linux) is not on PATH: the CLI tests in a real terminal are skipped.');

let fx: CliFixture;
beforeAll(async () => {
  if (hasScript) fx = await startFixture();
});
afterAll(async () => fx?.close());
beforeEach(() => fx?.sim.reset());

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** Runs the bin under a pty; when `prompt` appears on the terminal, types `keys`. */
function atTerminal(args: string[], prompt: string, keys: string): Promise<{ code: number | null; screen: string }> {
  const command = [process.execPath, BIN, ...args, '--config-dir', fx.configDir].map(quote).join(' ');
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TERM: 'xterm' };
  const child = spawn('script', ['-qefc', command, '/dev/null'], { env });
  let screen = '';
  let typed = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    screen += chunk;
    if (!typed && screen.includes(prompt)) {
      typed = true;
      child.stdin.write(keys);
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, screen })));
}

const purchases = () => fx.sim.requests.filter((r) => r.method === 'POST' && r.path === '/api/domains/v1/portfolio');
const PROMPT = 'Purchase brand-new-name.com for 1 year at 9.99 USD? [y/N]';

(hasScript || ci ? describe : describe.skip)('cli in a real terminal', () => {
  it('needs util-linux script on PATH', () => expect(hasScript).toBe(true));

  it('shows the price, buys after "y" and Enter, and prints the domain', async () => {
    const { code, screen } = await atTerminal(['domains', 'purchase', 'brand-new-name.com'], PROMPT, 'y\r');
    expect(screen).toContain(PROMPT);
    expect(screen.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')).toMatch(/^name\s+brand-new-name\.com\r$/m);
    expect(code).toBe(0);
    expect(purchases()).toHaveLength(1);
  });

  it('Enter alone takes the default, No: exit 1 and no purchase request', async () => {
    const { code, screen } = await atTerminal(['domains', 'purchase', 'brand-new-name.com'], PROMPT, '\r');
    expect(screen).toContain('Cancelled: nothing was changed');
    expect(code).toBe(1);
    expect(purchases()).toHaveLength(0);
  });

  it('Ctrl-D at the prompt is a no: exit 1 and no purchase request', async () => {
    const { code, screen } = await atTerminal(['domains', 'purchase', 'brand-new-name.com'], PROMPT, '\x04');
    expect(screen).toContain('Cancelled: nothing was changed');
    expect(code).toBe(1);
    expect(purchases()).toHaveLength(0);
  });

  it('Ctrl-C at the prompt stops the command before anything is bought', async () => {
    const { code, screen } = await atTerminal(['domains', 'purchase', 'brand-new-name.com'], PROMPT, '\x03');
    expect(screen).toContain('Cancelled: nothing was changed');
    expect(screen).not.toContain('AbortError');
    expect(code).toBe(130);
    expect(purchases()).toHaveLength(0);
  });

  it('a two-year registration shows what the card pays for both years, the figure --max-price is held to', async () => {
    const args = ['domains', 'purchase', 'brand-new-name.com', '--period', '2', '--max-price'];
    const twoYears = 'Purchase brand-new-name.com for 2 years at 25.98 USD';
    const within = await atTerminal([...args, '25.98'], `${twoYears} (limit 25.98)? [y/N]`, 'y\r');
    expect(within.code).toBe(0);
    expect(purchases()).toHaveLength(1);
    fx.sim.reset();
    const over = await atTerminal([...args, '25.97'], `${twoYears} (limit 25.97)? [y/N]`, 'y\r');
    expect(over.screen).toContain('more than maxPrice 25.97');
    expect(over.code).toBe(1);
    expect(purchases()).toHaveLength(0);
  });
});

(hasScript || ci ? describe : describe.skip)('providers configure --api-key-stdin in a real terminal', () => {
  it('asks for the key without echoing it, and stores what was typed', async () => {
    const { code, screen } = await atTerminal(
      ['providers', 'configure', 'hostinger', '--api-key-stdin', '--extra', `base_url=${fx.origin}`, '--test'],
      'API key (not shown): ',
      `${fx.sim.token}\r`,
    );
    expect(screen).toContain('API key (not shown): ');
    expect(screen).not.toContain(fx.sim.token);
    expect(code).toBe(0);
    const listed = await fx.run(['providers', 'list', '--output', 'json']);
    expect(JSON.parse(listed.stdout)).toContainEqual(expect.objectContaining({ name: 'hostinger', connected: true }));
  });
});
