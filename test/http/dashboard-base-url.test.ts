import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { FileConfigStore } from '../../src/config/file-store.js';
import { ProviderRegistry } from '../../src/core/registry.js';
import { hostinger } from '../../src/hostinger/index.js';
import { createHostingHandler } from '../../src/http/index.js';
import { createHostingerSimulator, type HostingerSimulator } from '../../src/testing/index.js';
import { describeWithBrowser, launchBrowser } from '../support/chromium.js';
import { SECRET, token } from './helpers.js';

// A stored base URL points at an old endpoint (a staging proxy). Someone clears the field on the settings
// page and saves a new token: the token must go to the provider's default endpoint, never to the old one.
// Here the default endpoint is a Hostinger simulator, and the old one a server that logs what reaches it
// (the page itself still lists domains there with the old token while the old settings are stored).

vi.setConfig({ testTimeout: 60_000 });
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 50 });
const NEW_TOKEN_LABEL = 'API token';
const BASE_URL_LABEL = 'API base URL (optional)';

describeWithBrowser('dashboard: a cleared base URL', () => {
  let sim: HostingerSimulator;
  let defaultUrl: string;
  let old: { server: Server; url: string; authorizations: string[] };
  let app: { server: ServerType; origin: string };
  let dir: string;
  let store: FileConfigStore;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  const card = () => page.locator('#provider-hostinger');
  const message = () => card().locator('form.credentials [role="status"]');

  beforeAll(async () => {
    sim = createHostingerSimulator();
    defaultUrl = await sim.listen();
    const authorizations: string[] = [];
    const server = createServer((request, response) => {
      authorizations.push(request.headers.authorization ?? '');
      response.writeHead(401, { 'Content-Type': 'application/json' }).end('{"message":"Unauthenticated."}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    old = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, authorizations };

    dir = await mkdtemp(join(tmpdir(), 'setec-dashboard-base-url-'));
    store = new FileConfigStore(join(dir, 'hosting'));
    const registry = new ProviderRegistry();
    // The Hostinger adapter, whose default endpoint (no base_url) is the simulator.
    registry.registerProvider({
      ...hostinger,
      create: (config, options) =>
        hostinger.create({ ...config, extra: { base_url: defaultUrl, ...config.extra } }, options),
    });
    const handler = createHostingHandler({
      store,
      registry,
      auth: { jwtSecret: SECRET },
      allowUnsafeBaseUrl: true,
      dashboard: true,
    });
    app = await new Promise((resolve) => {
      const s = serve({ fetch: handler, hostname: '127.0.0.1', port: 0 }, () =>
        resolve({ server: s, origin: `http://127.0.0.1:${(s.address() as AddressInfo).port}` }),
      );
    });
    browser = await launchBrowser();
    await browser.context.addCookies([{ name: 'token', value: await token(), url: app.origin, httpOnly: true }]);
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    (app?.server as { closeAllConnections?: () => void } | undefined)?.closeAllConnections?.();
    await new Promise((resolve) => (app ? app.server.close(resolve) : resolve(undefined)));
    await new Promise((resolve) => (old ? old.server.close(resolve) : resolve(undefined)));
    await sim?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('the page shows the stored base URL', async () => {
    await store.save({
      provider: 'hostinger',
      api_key: 'old-staging-token',
      api_secret: '',
      extra: { base_url: old.url },
      connected: true,
    });
    await page.goto(`${app.origin}/hosting`);
    expect(await card().getByLabel(BASE_URL_LABEL).inputValue()).toBe(old.url);
  });

  it('Test Connection with the field cleared tests the new token at the default endpoint only', async () => {
    await card().getByLabel(NEW_TOKEN_LABEL).fill(sim.token);
    await card().getByLabel(BASE_URL_LABEL).fill('');
    await card().getByRole('button', { name: 'Test Connection' }).click();
    await poll(() => message().textContent()).toBe('Connection successful');
    expect(old.authorizations.filter((a) => a.includes(sim.token))).toEqual([]);
  });

  it('Save with the field cleared removes the stored base URL, and the new token never reaches the old endpoint', async () => {
    await card().getByLabel(NEW_TOKEN_LABEL).fill(sim.token);
    await card().getByLabel(BASE_URL_LABEL).fill('');
    await card().getByRole('button', { name: 'Save' }).click();
    await poll(() => message().textContent()).toBe('Saved. Connection successful.');
    expect(await store.get('hostinger')).toMatchObject({ api_key: sim.token, extra: {}, connected: true });
    expect(old.authorizations.filter((a) => a.includes(sim.token))).toEqual([]);
    expect(await card().getByLabel(BASE_URL_LABEL).inputValue()).toBe('');
  });
});
