/**
 * `setec-hosting simulator`: a seeded local simulator of a provider's API, and a credentials directory that
 * points the CLI at it, so every command can be tried without an account.
 * @module
 */
import type { CommandContext, GroupSpec } from '../spec.js';
import { numberFlag } from './shared.js';

/** The simulators this command serves, and where each one's API lives under the server's origin. */
const SIMULATORS = {
  hostinger: {
    path: '',
    load: async () => (await import('../../testing/simulators/hostinger/index.js')).createHostingerSimulator,
  },
  digitalocean: {
    path: '',
    load: async () => (await import('../../testing/simulators/digitalocean/index.js')).createDigitalOceanSimulator,
  },
  hetzner: {
    path: '/v1',
    load: async () => (await import('../../testing/simulators/hetzner/index.js')).createHetznerSimulator,
  },
} as const;
type SimulatorName = keyof typeof SIMULATORS;

async function options(ctx: CommandContext): Promise<{ name: SimulatorName; port: number }> {
  const { UsageError } = await import('../errors.js');
  const name = (ctx.flags.provider as string | undefined) ?? 'hostinger';
  if (!Object.hasOwn(SIMULATORS, name))
    throw new UsageError(`unknown simulator provider "${name}" (choose from: ${Object.keys(SIMULATORS).join(', ')})`);
  const port = (await numberFlag(ctx, 'port')) ?? 0;
  if (port < 0 || port > 65535) throw new UsageError(`--port must be from 0 to 65535, not ${port}`);
  return { name: name as SimulatorName, port };
}

/** Resolves on the first Ctrl-C or SIGTERM. */
function stopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop).on('SIGTERM', stop);
  });
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

async function serve(ctx: CommandContext): Promise<number> {
  const { name, port } = await options(ctx);
  const [{ randomBytes }, { mkdtemp, rm }, { tmpdir }, { join }, { FileConfigStore }] = await Promise.all([
    import('node:crypto'),
    import('node:fs/promises'),
    import('node:os'),
    import('node:path'),
    import('../../config/file-store.js'),
  ]);
  const sim = (await SIMULATORS[name].load())({ token: `sim-${randomBytes(12).toString('hex')}` });
  const origin = await sim.listen(port);
  const dir = await mkdtemp(join(tmpdir(), 'setec-simulator-'));
  try {
    await new FileConfigStore(dir).save({
      provider: name,
      api_key: sim.token,
      api_secret: '',
      extra: { base_url: `${origin}${SIMULATORS[name].path}` },
      connected: true,
    });
    ctx.out.message(`A seeded ${name} simulator is listening on ${origin} (the zone example.com, VMs, SSH keys...).`);
    ctx.out.message('Point the CLI at it (in another shell), then try any command, e.g. dns list example.com:');
    // The one line on stdout: what to run.
    ctx.out.text(`export SETEC_HOSTING_CONFIG_DIR=${quote(dir)}`);
    ctx.out.message('Ctrl-C stops it and deletes that directory.');
    await stopped();
    return 0;
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** `setec-hosting simulator`. */
export const simulator: GroupSpec = {
  name: 'simulator',
  summary: 'Serve a seeded local simulator of a provider and print the command that points the CLI at it',
  commands: [],
  command: {
    name: '',
    summary: 'Serve a seeded local simulator of a provider and print the command that points the CLI at it',
    args: [],
    flags: {
      port: { type: 'string', value: 'n', description: 'Port on 127.0.0.1 (default: a free one)' },
    },
    example: 'setec-hosting simulator --provider digitalocean --port 8080',
    notes:
      `--provider chooses the simulator: ${Object.keys(SIMULATORS).join(', ')} (default hostinger). ` +
      'Its credentials are stored in a new temporary directory, never in your own.',
    run: serve,
  },
};
