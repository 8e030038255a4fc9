import type { Context } from 'hono';
import type { ProviderConfig } from '../config/config-store.js';
import {
  configureCredentials,
  removeCredentials,
  testCredentials,
  type CredentialFlowOptions,
} from '../config/credential-flow.js';
import { CAPABILITY_NAMES, type CapabilityName } from '../core/provider.js';
import { redactExtra, SECRET_EXTRA_KEY } from '../config/redact-extra.js';
import { assertSafeExtra } from './base-url.js';
import { buildProvider, callOptions, providerName, type HostingApp, type RouteContext } from './context.js';
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

  // Configure, test and remove follow the credential rules of `config/credential-rules.ts`.
  app.post('/providers/:provider/configure', async (c) => {
    const definition = ctx.registry.getProvider(providerName(c));
    const body = await readJson(c, configureBody);
    await configureCredentials(ctx.store, definition.name, body, flowOptions(ctx, c));
    return c.json({ status: 'configured' });
  });

  // With a body `{api_key, api_secret?, extra?}`: tests the credentials a configure would store, storing nothing.
  app.post('/providers/:provider/test', async (c) => {
    const definition = ctx.registry.getProvider(providerName(c));
    const text = await c.req.text();
    const input = text.trim() === '' ? undefined : parseJsonText(text, testBody);
    await testCredentials(ctx.store, definition.name, { ...flowOptions(ctx, c), input });
    return c.json({ status: 'ok', message: 'Connection successful' });
  });

  app.delete('/providers/:provider', async (c) => {
    await removeCredentials(ctx.store, providerName(c));
    return c.json({ status: 'deleted' });
  });
}

/** Builds providers as every route does (base URL checked, private addresses refused); the request's signal. */
function flowOptions(ctx: RouteContext, c: Context): CredentialFlowOptions {
  return {
    build(config) {
      assertSafeExtra(config.extra, ctx.allowUnsafeBaseUrl, ctx.trustedBaseUrls);
      return buildProvider(ctx, config, c);
    },
    signal: callOptions(c).signal,
  };
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
