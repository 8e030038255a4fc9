import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHostingerProvider, type HostingerProvider } from '../../src/hostinger/index.js';
import { formatZoneFile } from '../../src/zone/index.js';
import { BIN, startFixture, type CliFixture } from './run-cli.js';

let fx: CliFixture;
let sdk: HostingerProvider;
let dir: string;

beforeAll(async () => {
  fx = await startFixture();
  sdk = createHostingerProvider({ apiKey: fx.sim.token, baseUrl: fx.origin, retry: { limit: 0 } });
  dir = mkdtempSync(join(tmpdir(), 'setec-cli-zone-safety-'));
});
afterAll(async () => {
  await fx.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => fx.sim.reset());

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const writes = () => fx.sim.requests.filter((r) => r.method !== 'GET');
const sorted = (records: { id: string }[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));

/** The seeded zone plus `count` new A sets, as a zone file: an apply that deletes nothing. */
async function grownZoneFile(count: number): Promise<string> {
  const records = await sdk.dns.list('example.com');
  for (let i = 0; i < count; i++)
    records.push({ id: '', name: `n${i}`, type: 'A', content: `198.51.100.${i + 1}`, ttl: 300, priority: 0 });
  const file = join(dir, `grown-${Math.random().toString(36).slice(2)}.zone`);
  writeFileSync(file, formatZoneFile('example.com', records));
  fx.sim.reset();
  return file;
}

describe('cli: control characters from DNS content', () => {
  const hostile = 'v=1\u001b]0;owned\u0007\u001b[2K\n+ @ A 203.0.113.66';

  it('dns list shows them as escapes, never as raw bytes', async () => {
    await sdk.dns.create('example.com', { type: 'TXT', name: 'evil', content: hostile });
    const listed = await fx.run(['dns', 'list', 'example.com']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toMatch(CONTROL);
    expect(listed.stdout).toContain('\\027]0;owned\\007\\027[2K\\010+ @ A 203.0.113.66');
    expect(listed.stdout.split('\n').filter((l) => l.includes('203.0.113.66'))).toHaveLength(1);
  });

  it('dns plan cannot be made to show a forged "+" line', async () => {
    const file = join(dir, 'hostile.zone');
    const records = await sdk.dns.list('example.com');
    records.push({ id: '', name: 'evil', type: 'TXT', content: hostile, ttl: 300, priority: 0 });
    writeFileSync(file, formatZoneFile('example.com', records));
    const planned = await fx.run(['dns', 'plan', 'example.com', file]);
    expect(planned.stdout).not.toMatch(CONTROL);
    expect(planned.stdout.split('\n').filter((l) => l.startsWith('+'))).toEqual([
      expect.stringMatching(/^\+ evil +TXT +"v=1\\027\]0;owned\\007\\027\[2K\\010\+ @ A 203\.0\.113\.66" +ttl 300$/),
    ]);
  });
});

describe('cli: dns apply refusing an unsafe plan', () => {
  it('names the --force flag, not the SDK option', async () => {
    const file = join(dir, 'tiny.zone');
    writeFileSync(file, '$ORIGIN example.com.\n@ 14400 IN A 203.0.113.10\n');
    const refused = await fx.run(['dns', 'apply', 'example.com', file, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^UnsafePlanError: .*pass --force/m);
    expect(refused.stderr).not.toContain('force: true');
    expect(writes()).toEqual([]);
  });
});

describe('cli: dns apply after writes had landed', () => {
  it('a 422 after the DELETE saves a private rollback file and prints a command that keeps --config-dir', async () => {
    const before = await sdk.dns.list('example.com');
    const records = before.filter((r) => r.name !== '_dmarc').map((r) => (r.name === 'www' ? { ...r, ttl: 60 } : r));
    const file = join(dir, 'edit.zone');
    writeFileSync(file, formatZoneFile('example.com', records));
    fx.sim.reset();
    fx.sim.inject({ status: 422, method: 'PUT', times: 1 });
    const failed = await fx.run(['dns', 'apply', 'example.com', file, '--yes']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^ValidationError: .*writes had completed/m);
    expect(writes().map((w) => w.method)).toContain('DELETE');
    const saved = /saved in (\S+\.zone)/.exec(failed.stderr)?.[1];
    expect(saved).toBeDefined();
    expect(statSync(saved!).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(saved!)).mode & 0o777).toBe(0o700);
    const command = /^ {2}(setec-hosting dns apply .*)$/m.exec(failed.stderr)?.[1] ?? '';
    expect(command).toContain(`--config-dir ${fx.configDir}`);
    expect(command).toContain(`dns apply example.com ${saved} --force`);
    const restored = await fx.run(['dns', 'apply', 'example.com', saved!, '--yes', '--force']);
    expect(restored.code).toBe(0);
    expect(sorted(await sdk.dns.list('example.com'))).toEqual(sorted(before));
    rmSync(dirname(saved!), { recursive: true });
  });

  it('Ctrl-C while writing exits 130, saves the rollback file and says how to restore', async () => {
    const file = await grownZoneFile(3);
    // The zone PUT hangs long enough for the interrupt to arrive while it is in flight.
    fx.sim.inject({ delayMs: 20_000, method: 'PUT', times: 1 });
    const child = spawn(
      process.execPath,
      [BIN, 'dns', 'apply', 'example.com', file, '--yes', '--config-dir', fx.configDir],
      {
        env: { PATH: process.env.PATH ?? '', HOME: dir },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    while (!fx.sim.requests.some((r) => r.method === 'PUT')) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/^Interrupted: stopped by Ctrl-C/m);
    const saved = /saved in (\S+\.zone)/.exec(stderr)?.[1];
    expect(saved).toBeDefined();
    expect(readFileSync(saved!, 'utf8')).toMatch(/^\$ORIGIN example\.com\.$/m);
    rmSync(dirname(saved!), { recursive: true });
  }, 15_000);
});
