/**
 * `setec-hosting providers ...`: which providers exist, and their stored credentials.
 * @module
 */
import type { ProviderConfig } from '../../config/config-store.js';
import type { CredentialFlowOptions } from '../../config/credential-flow.js';
import { redactExtra } from '../../config/redact-extra.js';
import { UsageError } from '../errors.js';
import type { CommandContext, GroupSpec } from '../spec.js';

/** One row of `providers list` (never the key, nor an `extra` value whose name looks like a credential). */
interface ProviderRow {
  name: string;
  display_name: string;
  configured: boolean;
  connected: boolean;
  extra: Record<string, string>;
}

function row(name: string, displayName: string, config: ProviderConfig | undefined): ProviderRow {
  return {
    name,
    display_name: displayName,
    configured: config !== undefined,
    connected: config?.connected ?? false,
    extra: redactExtra(config?.extra ?? {}),
  };
}

async function sdk() {
  const [{ loadAdapters }, registry, errors, flow] = await Promise.all([
    import('../runtime.js'),
    import('../../core/registry.js'),
    import('../../core/errors.js'),
    import('../../config/credential-flow.js'),
  ]);
  await loadAdapters();
  return { ...registry, ...errors, ...flow };
}

/** Builds providers through the registry, hiding their key and secret from every error the CLI prints. */
async function flowOptions(ctx: CommandContext): Promise<CredentialFlowOptions> {
  const { createProvider } = await sdk();
  return {
    build(config) {
      ctx.hideSecret(config.api_key);
      ctx.hideSecret(config.api_secret);
      return createProvider(config.provider, config);
    },
  };
}

/** The `--extra` flags as one object; `undefined` when none is given (the stored settings are kept). */
function parseExtra(values: unknown): Record<string, string> | undefined {
  const pairs = (values as string[] | undefined) ?? [];
  if (pairs.length === 0) return undefined;
  const extra: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--extra takes key=value, not "${pair}"`, 'providers configure');
    extra[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return extra;
}

async function readKey(ctx: CommandContext): Promise<string | undefined> {
  if (ctx.flags['api-key-stdin'] === true) return (await ctx.readSecret('API key (not shown): ')) || undefined;
  return ctx.env.SETEC_HOSTING_API_KEY?.trim() || undefined;
}

/** `setec-hosting providers`. */
export const providers: GroupSpec = {
  name: 'providers',
  summary: 'Register credentials for a provider, test and remove them',
  commands: [
    {
      name: 'list',
      summary: 'List the providers this CLI knows and which are configured',
      args: [],
      example: 'setec-hosting providers list',
      async run(ctx) {
        const { listProviders } = await sdk();
        const configs = await (await ctx.store()).list();
        const rows = listProviders().map((d) =>
          row(
            d.name,
            d.displayName,
            configs.find((c) => c.provider === d.name),
          ),
        );
        ctx.out.list(rows, [
          { header: 'name', get: (r) => r.name },
          { header: 'display name', get: (r) => r.display_name },
          { header: 'configured', get: (r) => (r.configured ? 'yes' : 'no') },
          { header: 'connected', get: (r) => (r.connected ? 'yes' : 'no') },
          { header: 'extra', get: (r) => r.extra },
        ]);
      },
    },
    {
      name: 'configure',
      summary: 'Store the API key (from $SETEC_HOSTING_API_KEY or stdin) and settings of a provider',
      args: [{ name: 'provider', description: 'Provider name, e.g. hostinger' }],
      flags: {
        extra: {
          type: 'string',
          value: 'key=value',
          multiple: true,
          description: 'Provider setting stored as given, e.g. base_url=https://...',
        },
        'api-key-stdin': {
          type: 'boolean',
          description:
            'Read the API key from stdin instead of $SETEC_HOSTING_API_KEY (on a terminal: a prompt that does not echo)',
        },
        test: { type: 'boolean', description: 'Test the connection first; nothing is stored if it fails' },
      },
      example: 'SETEC_HOSTING_API_KEY=... setec-hosting providers configure hostinger --test',
      notes:
        'The key is never taken from a flag (flags show up in shell history and process lists) and never printed.\n' +
        '$SETEC_HOSTING_API_SECRET is the api_secret. What a key, secret or --extra left out keeps, and when\n' +
        '"connected" changes (the same rules as the REST API): docs/guides/credentials.md, "Configure, test, remove".',
      async run(ctx) {
        const name = ctx.args.provider as string;
        const extra = parseExtra(ctx.flags.extra);
        const { getProvider, ValidationError, configureCredentials } = await sdk();
        const definition = getProvider(name);
        // A setting the provider does not list is stored as given (plugins may read others), with a warning.
        const known = definition.extraFields?.map((f) => f.name);
        for (const setting of Object.keys(extra ?? {})) {
          if (known && !known.includes(setting))
            ctx.out.message(`warning: ${name} does not list the setting "${setting}" (it knows ${known.join(', ')})`);
        }
        const store = await ctx.store();
        const key = await readKey(ctx);
        if (!key && !(await store.get(name))) {
          const why =
            ctx.flags['api-key-stdin'] === true
              ? 'No API key: --api-key-stdin read an empty line'
              : 'No API key: set $SETEC_HOSTING_API_KEY or pass --api-key-stdin';
          throw new ValidationError(why, { fields: { api_key: ['is required'] } });
        }
        const input = { api_key: key, api_secret: ctx.env.SETEC_HOSTING_API_SECRET, extra };
        const test = ctx.flags.test === true;
        const config = await configureCredentials(store, name, input, { ...(await flowOptions(ctx)), test });
        if (test) ctx.out.done(`${definition.displayName}: connection works`);
        ctx.out.done(`${definition.displayName} configured`);
        if (ctx.out.json) ctx.out.data(row(name, definition.displayName, config));
      },
    },
    {
      name: 'test',
      summary: 'Make one authenticated call with the stored credentials',
      args: [{ name: 'provider', description: 'Provider name, e.g. hostinger' }],
      example: 'setec-hosting providers test hostinger',
      async run(ctx) {
        const name = ctx.args.provider as string;
        const { getProvider, testCredentials } = await sdk();
        const definition = getProvider(name);
        const config = await testCredentials(await ctx.store(), name, await flowOptions(ctx));
        ctx.out.done(`${definition.displayName}: connection works`);
        if (ctx.out.json) ctx.out.data(row(name, definition.displayName, config));
      },
    },
    {
      name: 'remove',
      summary: 'Delete the stored credentials of a provider',
      args: [{ name: 'provider', description: 'Provider name, e.g. hostinger' }],
      example: 'setec-hosting providers remove hostinger',
      async run(ctx) {
        const name = ctx.args.provider as string;
        const { removeCredentials } = await sdk();
        await removeCredentials(await ctx.store(), name);
        ctx.out.done(`${name} removed`);
      },
    },
  ],
};
