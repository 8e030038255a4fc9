/**
 * The conventions people know from gh and doctl, through the built bin: `-o json`, `help <command>`, help
 * for a bare command line, "did you mean" for typos, and writes that print what they made as JSON.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHostingerProvider, type HostingerProvider } from '../../src/hostinger/index.js';
import { runCli, startFixture, type CliFixture } from './run-cli.js';

let fx: CliFixture;
let sdk: HostingerProvider;
beforeAll(async () => {
  fx = await startFixture();
  sdk = createHostingerProvider({ apiKey: fx.sim.token, baseUrl: fx.origin });
});
afterAll(() => fx.close());
beforeEach(() => fx.sim.reset());

describe('cli: help the way gh and doctl give it', () => {
  it('a bare setec-hosting prints the top-level help on stdout and exits 0', async () => {
    const [bare, flag] = await Promise.all([runCli([]), runCli(['--help'])]);
    expect(bare.code).toBe(0);
    expect(bare.stderr).toBe('');
    expect(bare.stdout).toBe(flag.stdout);
    expect(bare.stdout).toContain('Usage:\n  setec-hosting <group> <command>');
  });

  it('help, help <group> and help <group> <command> print the same pages as --help', async () => {
    const pairs = [
      [['help'], ['--help']],
      [
        ['help', 'dns'],
        ['dns', '--help'],
      ],
      [
        ['help', 'dns', 'list'],
        ['dns', 'list', '--help'],
      ],
      [
        ['help', 'simulator'],
        ['simulator', '--help'],
      ],
    ];
    for (const [topic, flag] of pairs) {
      const [viaHelp, viaFlag] = await Promise.all([runCli(topic!), runCli(flag!)]);
      expect(viaHelp.code).toBe(0);
      expect(viaHelp.stdout).toBe(viaFlag.stdout);
    }
    expect((await runCli(['help', 'dns', 'list'])).stdout).toMatch(/^setec-hosting dns list: List every record/);
  });

  it('help for a command that does not exist is a usage error with the closest name', async () => {
    const result = await runCli(['help', 'domain']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^UsageError: unknown command "domain": did you mean "domains"\?/);
  });
});

describe('cli: -o json and writes that print what they made', () => {
  it('-o json is --output json', async () => {
    const [short, long] = await Promise.all([
      fx.run(['dns', 'list', 'example.com', '-o', 'json']),
      fx.run(['dns', 'list', 'example.com', '--output', 'json']),
    ]);
    expect(short.code).toBe(0);
    expect(JSON.parse(short.stdout)).toEqual(JSON.parse(long.stdout));
    expect(JSON.parse(short.stdout)).toEqual(await sdk.dns.list('example.com'));
  });

  it('dns create -o json prints the record it added, with its id, exactly as a listing shows it', async () => {
    const result = await fx.run([
      'dns',
      'create',
      'example.com',
      'blog',
      'A',
      '203.0.113.77',
      '--ttl',
      '600',
      '-o',
      'json',
    ]);
    expect(result.code).toBe(0);
    const made = JSON.parse(result.stdout) as { id: string };
    expect(made).toMatchObject({ name: 'blog', type: 'A', content: '203.0.113.77', ttl: 600 });
    expect(await sdk.dns.list('example.com')).toContainEqual(made);
  });

  it('dns update --overwrite -o json prints the whole set as it now is', async () => {
    const args = ['dns', 'update', 'example.com', 'app', 'A', '198.51.100.1', '198.51.100.2', '--overwrite'];
    const result = await fx.run([...args, '--ttl', '300', '--output', 'json']);
    expect(result.code).toBe(0);
    const set = JSON.parse(result.stdout) as { content: string }[];
    expect(set.map((r) => r.content).sort()).toEqual(['198.51.100.1', '198.51.100.2']);
    const listed = (await sdk.dns.list('example.com')).filter((r) => r.name === 'app' && r.type === 'A');
    expect(set).toEqual(expect.arrayContaining(listed));
    expect(set).toHaveLength(listed.length);
  });

  it('without --output json a write prints nothing on stdout, only its message on stderr', async () => {
    const result = await fx.run(['dns', 'create', 'example.com', 'quiet', 'TXT', 'hello']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('created quiet TXT hello');
  });
});
