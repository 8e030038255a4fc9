import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FileConfigStore } from '../../src/config/file-store.js';
import { createHostingerSimulator } from '../../src/testing/index.js';

// What a person at a terminal sees: the same main() the bin runs, with streams that say they are a TTY.
const sim = createHostingerSimulator();
let configDir: string;

beforeAll(async () => {
  const origin = await sim.listen();
  configDir = mkdtempSync(join(tmpdir(), 'setec-cli-tty-'));
  await new FileConfigStore(configDir).save({
    provider: 'hostinger',
    api_key: sim.token,
    api_secret: '',
    extra: { base_url: origin },
    connected: true,
  });
});
afterAll(async () => {
  await sim.close();
  rmSync(configDir, { recursive: true, force: true });
});
beforeEach(() => sim.reset());

function sink(isTTY: boolean) {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return Object.assign(stream, { isTTY, text: () => text });
}

async function atTerminal(args: string[], answer = '', env: Record<string, string> = {}) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = sink(true);
  const stderr = sink(true);
  stdin.end(answer);
  const code = await main(args, { stdin, stdout, stderr, env: { SETEC_HOSTING_CONFIG_DIR: configDir, ...env } });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const purchases = () => sim.requests.filter((r) => r.path === '/api/domains/v1/portfolio' && r.method === 'POST');

describe('cli at a terminal', () => {
  it('table headers are bold on a terminal', async () => {
    const result = await atTerminal(['vms', 'datacenters']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\x1b\[1mID/);
  });

  it('NO_COLOR turns colour off', async () => {
    const result = await atTerminal(['vms', 'datacenters'], '', { NO_COLOR: '1' });
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toContain('\x1b[');
    expect(result.stdout).toMatch(/^ID {2}/);
  });

  it('domains purchase shows the price it is about to pay, and buys after "y"', async () => {
    const result = await atTerminal(['domains', 'purchase', 'brand-new-name.com', '--period', '2'], 'y\n');
    expect(result.stderr).toContain('Purchase brand-new-name.com for 2 years at 25.98 USD? [y/N]');
    expect(result.code).toBe(0);
    expect(purchases()).toHaveLength(1);
  });

  it('answering anything but yes cancels: exit 1 and no purchase request', async () => {
    const result = await atTerminal(['domains', 'purchase', 'brand-new-name.com'], 'n\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cancelled: nothing was changed');
    expect(purchases()).toHaveLength(0);
  });

  it('vms create shows the plan price before asking', async () => {
    const args = ['vms', 'create', '--plan', 'hostingercom-vps-kvm2-usd-1m', '--data-center-id', '9'];
    args.push('--template', 'Ubuntu 22.04', '--hostname', 'web7.example.com');
    const result = await atTerminal(args, 'no\n', { SETEC_HOSTING_VM_PASSWORD: 'Sup3r-secret-pw!' });
    expect(result.stderr).toContain(
      'Create web7.example.com on plan hostingercom-vps-kvm2-usd-1m at 17.99 USD monthly?',
    );
    expect(result.code).toBe(1);
    expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('dns reset asks first and resets after "yes"', async () => {
    const result = await atTerminal(['dns', 'reset', 'example.com'], 'yes\n');
    expect(result.stderr).toContain('Reset every DNS record of example.com');
    expect(result.code).toBe(0);
    expect(sim.requests.filter((r) => r.path.endsWith('/reset'))).toHaveLength(1);
  });

  it('dns plan colours added lines green and removed lines red', async () => {
    const file = join(configDir, 'plan.zone');
    writeFileSync(file, 'fresh 300 IN A 198.51.100.8\n');
    const result = await atTerminal(['dns', 'plan', 'example.com', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\x1b[32m+ fresh');
    expect(result.stdout).toMatch(/\x1b\[31m- www +CNAME/);
  });

  it('dns apply shows the diff, asks, and applies after "y"', async () => {
    const file = join(configDir, 'apply.zone');
    writeFileSync(file, 'fresh 300 IN A 198.51.100.8\n');
    const result = await atTerminal(['dns', 'apply', 'example.com', file, '--no-purge'], 'y\n');
    expect(result.stderr).toContain('\x1b[32m+ fresh');
    expect(result.stderr).toContain('Apply 1 change to example.com? [y/N]');
    expect(result.code).toBe(0);
    expect(sim.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });
});
