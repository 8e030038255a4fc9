import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GROUPS } from '../../src/cli/commands/index.js';
import { runCli } from './run-cli.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'setec-cli-usage-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('cli: usage errors exit 2', () => {
  it.each([
    [
      'an unknown group',
      ['dnss', 'list'],
      /^UsageError: unknown command "dnss": did you mean "dns"\? \(choose from: help, providers, dns,/,
    ],
    [
      'an unknown command',
      ['dns', 'lst'],
      /^UsageError: unknown command "dns lst": did you mean "list"\? \(choose from: list, create,/,
    ],
    ['an unknown command like no other', ['dns', 'frobnicate'], /^UsageError: unknown command "dns frobnicate" \(/],
    [
      'a mistyped flag',
      ['dns', 'list', 'example.com', '--outptu', 'json'],
      /^UsageError: Unknown option '--outptu': did you mean --output\?/,
    ],
    ['an unknown flag', ['dns', 'list', 'example.com', '--colour'], /^UsageError: Unknown option '--colour'/],
    ['a missing argument', ['dns', 'create', 'example.com', 'www'], /^UsageError: missing argument <type>/],
    ['an extra argument', ['domains', 'list', 'extra'], /^UsageError: unexpected argument "extra"/],
    ['a bad --output', ['domains', 'list', '--output', 'yaml'], /^UsageError: --output must be "table" or "json"/],
    ['a group without a command', ['dns'], /^UsageError: missing command for "dns"/],
    [
      'the key as a flag value',
      ['providers', 'configure', 'hostinger', '--api-key', 'k'],
      /Unknown option '--api-key'/,
    ],
  ])('%s', async (_title, args, message) => {
    const result = await runCli(args as string[], { env: { SETEC_HOSTING_CONFIG_DIR: tempDir() } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/Run 'setec-hosting[ a-z-]* --help' for usage\.\n$/);
  });

  it('no configured provider names the providers to configure', async () => {
    const result = await runCli(['dns', 'list', 'example.com'], { env: { SETEC_HOSTING_CONFIG_DIR: tempDir() } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^UsageError: no provider is configured: .*providers configure.*hostinger/);
  });

  it('--provider naming a provider that is not configured is a usage error naming the configured ones', async () => {
    const dir = tempDir();
    const env = { SETEC_HOSTING_API_KEY: 'k-123456', SETEC_HOSTING_CONFIG_DIR: dir };
    expect((await runCli(['providers', 'configure', 'hostinger'], { env })).code).toBe(0);
    const result = await runCli(['domains', 'list', '--provider', 'other'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^UsageError: provider "other" is not configured \(configured: hostinger\)/);
  });
});

describe('cli: help', () => {
  it('--help at the top lists every group with an example, on stdout, exit 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const group of GROUPS) expect(result.stdout).toMatch(new RegExp(`^  ${group.name} +${group.summary}$`, 'm'));
    expect(result.stdout).toMatch(/Example:\n {2}setec-hosting /);
  });

  it.each(GROUPS.filter((g) => !g.command).map((g) => [g.name, g] as const))(
    '%s --help lists its commands and an example',
    async (_n, group) => {
      const result = await runCli([group.name, '--help']);
      expect(result.code).toBe(0);
      for (const command of group.commands) expect(result.stdout).toMatch(new RegExp(`^  ${command.name} +`, 'm'));
      expect(result.stdout).toContain(`Example:\n  ${group.commands[0]!.example}\n`);
    },
  );

  it('every command has --help with its usage line and its example', async () => {
    // Four at a time: one process per command at once starves a busy two-core machine.
    const commands = GROUPS.flatMap((g) => g.commands.map((c) => ({ g, c })));
    const results: Array<{ c: (typeof commands)[number]['c']; r: Awaited<ReturnType<typeof runCli>> }> = [];
    for (let i = 0; i < commands.length; i += 4) {
      const batch = commands.slice(i, i + 4);
      results.push(
        ...(await Promise.all(batch.map(async ({ g, c }) => ({ c, r: await runCli([g.name, c.name, '-h']) })))),
      );
    }
    for (const { c, r } of results) {
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Example:\n  ${c.example}\n`);
      for (const flag of Object.keys(c.flags ?? {})) expect(r.stdout).toContain(`--${flag}`);
    }
  }, 120_000);

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

describe('cli: credentials', () => {
  it('configure reads the key from stdin, stores it 0600 with extra as given, and never prints it', async () => {
    const dir = join(tempDir(), 'nested');
    const key = 'stdin-key-7a1c55e0';
    const result = await runCli(
      ['providers', 'configure', 'hostinger', '--api-key-stdin', '--extra', 'base_url=https://api.example.test/x?y=1'],
      { env: { SETEC_HOSTING_CONFIG_DIR: dir }, input: `${key}\n` },
    );
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(key);
    const file = join(dir, 'hostinger.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      provider: 'hostinger',
      api_key: key,
      api_secret: '',
      extra: { base_url: 'https://api.example.test/x?y=1' },
      connected: false,
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('the directory comes from --config-dir, else $SETEC_HOSTING_CONFIG_DIR, else $XDG_CONFIG_HOME/setec-hosting', async () => {
    const [flagDir, envDir, xdg] = [tempDir(), tempDir(), tempDir()];
    const env = { SETEC_HOSTING_API_KEY: 'k-123456' };
    await runCli(['providers', 'configure', 'hostinger', '--config-dir', flagDir], {
      env: { ...env, SETEC_HOSTING_CONFIG_DIR: envDir, XDG_CONFIG_HOME: xdg },
    });
    await runCli(['providers', 'configure', 'hostinger'], { env: { ...env, SETEC_HOSTING_CONFIG_DIR: envDir } });
    await runCli(['providers', 'configure', 'hostinger'], { env: { ...env, XDG_CONFIG_HOME: xdg } });
    for (const dir of [flagDir, envDir, join(xdg, 'setec-hosting')])
      expect(statSync(join(dir, 'hostinger.json')).isFile()).toBe(true);
  });

  it('configure without a key is a ValidationError naming api_key, and stores nothing', async () => {
    const dir = tempDir();
    const result = await runCli(['providers', 'configure', 'hostinger'], { env: { SETEC_HOSTING_CONFIG_DIR: dir } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ValidationError: No API key.*\(api_key is required\)\n$/);
    expect(() => statSync(join(dir, 'hostinger.json'))).toThrow();
  });

  it('configure of an unknown provider is a ProviderNotFoundError', async () => {
    const result = await runCli(['providers', 'configure', 'nosuch'], {
      env: { SETEC_HOSTING_CONFIG_DIR: tempDir(), SETEC_HOSTING_API_KEY: 'k-123456' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ProviderNotFoundError: /);
  });

  it('remove deletes the stored file; removing again is a NotFoundError', async () => {
    const dir = tempDir();
    const env = { SETEC_HOSTING_CONFIG_DIR: dir, SETEC_HOSTING_API_KEY: 'k-123456' };
    await runCli(['providers', 'configure', 'hostinger'], { env });
    expect((await runCli(['providers', 'remove', 'hostinger'], { env })).code).toBe(0);
    expect(() => statSync(join(dir, 'hostinger.json'))).toThrow();
    const again = await runCli(['providers', 'remove', 'hostinger'], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^NotFoundError: hostinger is not configured/);
  });

  it('a corrupt credentials file is reported, and left as it was', async () => {
    const dir = tempDir();
    const file = join(dir, 'hostinger.json');
    await runCli(['providers', 'configure', 'hostinger'], {
      env: { SETEC_HOSTING_CONFIG_DIR: dir, SETEC_HOSTING_API_KEY: 'k-123456' },
    });
    writeFileSync(file, '{ not json');
    const result = await runCli(['providers', 'list'], { env: { SETEC_HOSTING_CONFIG_DIR: dir } });
    expect(result.stderr).toContain('hostinger.json');
    expect(readFileSync(file, 'utf8')).toBe('{ not json');
  });
});
