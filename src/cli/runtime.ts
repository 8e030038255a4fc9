/**
 * What running a command needs and `--help` does not: the credential store, the registered adapters,
 * provider choice and confirmation prompts. Loaded by the bin only when a command runs.
 * @module
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { FileConfigStore } from '../config/file-store.js';
import { ValidationError } from '../core/errors.js';
import type { Provider } from '../core/provider.js';
import { createProvider, listProviders } from '../core/registry.js';
import { UsageError } from './errors.js';
import type { Output } from './output.js';
import type { CommandContext } from './spec.js';

/** Streams and environment the CLI runs with (the real process, or a test's). */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/**
 * The credentials directory: `--config-dir`, else `$SETEC_HOSTING_CONFIG_DIR`, else
 * `$XDG_CONFIG_HOME/setec-hosting`, else `~/.config/setec-hosting`.
 */
export function configDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  if (flag) return resolve(flag);
  if (env.SETEC_HOSTING_CONFIG_DIR) return resolve(env.SETEC_HOSTING_CONFIG_DIR);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'setec-hosting');
}

/** Registers every adapter the package ships (their register entries). */
export async function loadAdapters(): Promise<void> {
  await Promise.all([
    import('../hostinger/register.js'),
    import('../digitalocean/register.js'),
    import('../hetzner/register.js'),
    import('../powerdns/register.js'),
  ]);
}

/** Builds the context a command runs in; `secrets` collects the keys in use so errors can hide them. */
export function createContext(options: {
  io: CliIo;
  out: Output;
  args: CommandContext['args'];
  flags: CommandContext['flags'];
  helpFor: string;
  secrets: string[];
}): CommandContext {
  const { io, out, flags, secrets, helpFor } = options;
  let store: FileConfigStore | undefined;
  const getStore = async () => {
    store ??= new FileConfigStore(configDir(flags['config-dir'] as string | undefined, io.env), {
      onWarning: (message) => out.message(`warning: ${message}`),
    });
    return store;
  };
  const onTerminal = () => io.stdin.isTTY === true && io.stderr.isTTY === true;
  const assertCanConfirm = () => {
    if (flags.yes === true || onTerminal()) return;
    throw new ValidationError(
      `"${helpFor}" asks for confirmation: pass --yes when not on a terminal. Nothing was changed`,
      {
        fields: { yes: ['required without a terminal'] },
      },
    );
  };

  return {
    args: options.args,
    flags,
    out,
    env: io.env,
    store: getStore,
    assertCanConfirm,
    async provider(): Promise<Provider> {
      await loadAdapters();
      const config = await chooseConfig(await getStore(), flags.provider as string | undefined, io.env);
      if (config.api_key) secrets.push(config.api_key);
      if (config.api_secret) secrets.push(config.api_secret);
      return createProvider(config.provider, config);
    },
    async confirm(question: string): Promise<void> {
      assertCanConfirm();
      if (flags.yes === true) return;
      const { confirmAt } = await import('./prompt.js');
      await confirmAt(io, question);
    },
    hideSecret(value: string): void {
      if (value) secrets.push(value);
    },
    async readSecret(prompt: string): Promise<string> {
      if (!io.stdin.isTTY) return (await this.readStdin()).trim();
      const { ask } = await import('./prompt.js');
      return (await ask(io, prompt, true)).trim();
    },
    async readStdin(): Promise<string> {
      const chunks: Buffer[] = [];
      for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

async function chooseConfig(store: FileConfigStore, flag: string | undefined, env: NodeJS.ProcessEnv) {
  const registered = listProviders().map((d) => d.name);
  const configs = (await store.list()).filter((c) => registered.includes(c.provider));
  const configured = configs.map((c) => c.provider);
  const wanted = flag || env.SETEC_HOSTING_PROVIDER;
  const hint = `run "setec-hosting providers configure <provider>" with one of: ${registered.join(', ')}`;
  if (wanted) {
    const config = configs.find((c) => c.provider === wanted);
    if (!config) {
      const others = configured.length > 0 ? `configured: ${configured.join(', ')}` : hint;
      throw new UsageError(`provider "${wanted}" is not configured (${others})`);
    }
    return config;
  }
  if (configs.length === 1) return configs[0]!;
  if (configs.length === 0) throw new UsageError(`no provider is configured: ${hint}`);
  throw new UsageError(
    `several providers are configured (${configured.join(', ')}): choose one with --provider or $SETEC_HOSTING_PROVIDER`,
  );
}
