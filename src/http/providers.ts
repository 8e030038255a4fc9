import type { ConfigStore, ProviderConfig } from '../config/config-store.js';
import { CAPABILITY_NAMES, type CapabilityName } from '../core/provider.js';
import { NotFoundError } from '../core/errors.js';
import { redactExtra, SECRET_EXTRA_KEY } from '../config/redact-extra.js';
import { assertSafeExtra } from './base-url.js';
import {
  buildProvider,
  callOptions,
  providerName,
  storedConfig,
  type HostingApp,
  type RouteContext,
} from './context.js';
import { configureBody, parseJsonText, readJson, testBody } from './schemas.js';

// `extra` values whose key looks like a credential are shown as `[REDACTED]`.
export const SECRET_KEY = SECRET_EXTRA_KEY;

/** Provider management: list, metadata, configure, test, delete. */
export function registerProviderRoutes(app: HostingApp, ctx: RouteContext): void {
  app.get('/providers', async (c) => {
    const configs = new Map((await ctx.store.list()).map((config) => [config.provider, config]));
    return c.json(
      ctx.registry.listProviders().map((d) => ({
        name: d.name,
        display_name: d.displayName,
        connected: configs.get(d.name)?.connected ?? false,
      })),
    );
  });

  // Metadata for a settings page; never the api_key or api_secret themselves.
  app.get('/providers/:provider', async (c) => {
    const definition = ctx.registry.getProvider(providerName(c));
    const config = await ctx.store.get(definition.name);
    const body: Record<string, unknown> = {
      name: definition.name,
      display_name: definition.displayName,
      configured: config !== undefined,
      connected: config?.connected ?? false,
    };
    if (config) {
      body.has_api_key = config.api_key !== '';
      body.has_api_secret = config.api_secret !== '';
      body.extra = redactExtra(config.extra);
      body.capabilities = capabilitiesOf(ctx, config);
    }
    return c.json(body);
  });

  app.post('/providers/:provider/configure', async (c) => {
    const definition = ctx.registry.getProvider(providerName(c));
    const body = await readJson(c, configureBody);
    // A body without `extra` keeps the stored settings (a new token for the same endpoint); `{}` clears them.
    const extra = body.extra ?? (await ctx.store.get(definition.name))?.extra ?? {};
    assertSafeExtra(extra, ctx.allowUnsafeBaseUrl, ctx.trustedBaseUrls);
    await ctx.store.save({
      provider: definition.name,
      api_key: body.api_key,
      api_secret: body.api_secret ?? '',
      extra,
      connected: false,
    });
    return c.json({ status: 'configured' });
  });

  // With a body `{api_key, api_secret?, extra?}`: tests those credentials and stores nothing.
  app.post('/providers/:provider/test', async (c) => {
    const text = await c.req.text();
    if (text.trim() !== '') {
      const definition = ctx.registry.getProvider(providerName(c));
      const body = parseJsonText(text, testBody);
      // As in configure: without `extra`, the typed token is tested against the stored settings (e.g. base_url).
      const extra = body.extra ?? (await ctx.store.get(definition.name))?.extra ?? {};
      assertSafeExtra(extra, ctx.allowUnsafeBaseUrl, ctx.trustedBaseUrls);
      const typed = { provider: definition.name, api_key: body.api_key, api_secret: body.api_secret ?? '', extra };
      await buildProvider(ctx, { ...typed, connected: false }, c).testConnection(callOptions(c));
      return c.json({ status: 'ok', message: 'Connection successful' });
    }
    const config = await storedConfig(ctx, c);
    const provider = buildProvider(ctx, config, c);
    const record = (connected: boolean) => recordConnected(ctx.store, config, connected);
    try {
      await provider.testConnection(callOptions(c));
    } catch (error) {
      // A client that went away aborted the test: that says nothing about the credentials.
      if (!c.req.raw.signal.aborted) await record(false);
      throw error;
    }
    await record(true);
    return c.json({ status: 'ok', message: 'Connection successful' });
  });

  app.delete('/providers/:provider', async (c) => {
    const name = providerName(c);
    if (!(await ctx.store.delete(name))) {
      throw new NotFoundError(`Provider "${name}" has no stored configuration`, { provider: name });
    }
    return c.json({ status: 'deleted' });
  });
}

/** The capability groups a configured provider has; `[]` when its config cannot build one. */
export function capabilitiesOf(ctx: RouteContext, config: ProviderConfig): CapabilityName[] {
  try {
    assertSafeExtra(config.extra, ctx.allowUnsafeBaseUrl, ctx.trustedBaseUrls);
    const provider = ctx.registry.createProvider(config.provider, config);
    return CAPABILITY_NAMES.filter((name) => provider[name] !== undefined);
  } catch {
    return [];
  }
}

/**
 * Records the outcome of a connection test on the config that was tested, and only on it: a DELETE or a
 * new configure that landed while the (possibly slow) test ran is never undone. With `store.update` the
 * read and the write are one atomic step; a store without it gets a read-then-write that can still lose
 * a change made between the two.
 */
async function recordConnected(store: ConfigStore, tested: ProviderConfig, connected: boolean): Promise<void> {
  const change = (current: ProviderConfig | undefined) =>
    current && sameCredentials(current, tested) ? { ...current, connected } : current;
  if (store.update) {
    await store.update(tested.provider, change);
    return;
  }
  const current = await store.get(tested.provider);
  const next = change(current);
  if (current && next !== current) await store.save(next!);
}

function sameCredentials(a: ProviderConfig, b: ProviderConfig): boolean {
  return (
    a.api_key === b.api_key && a.api_secret === b.api_secret && JSON.stringify(a.extra) === JSON.stringify(b.extra)
  );
}
