import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FileConfigStore } from '../../src/config/file-store.js';
import { ProviderRegistry } from '../../src/core/registry.js';
import { createHostingerProvider, hostinger } from '../../src/hostinger/index.js';
import { createHostingHandler } from '../../src/http/index.js';
import { createHostingerSimulator, type HostingerSimulator } from '../../src/testing/index.js';
import { describeWithBrowser, launchBrowser } from '../support/chromium.js';
import { SECRET, token } from './helpers.js';

// The settings page in a real headless Chromium, served over real HTTP on 127.0.0.1 by the REST handler,
// which drives the Hostinger adapter against the Hostinger simulator. The steps run in order, as a person
// would walk through the page. Screenshots go to $SCREENSHOTS_DIR when set (docs/images keeps the README's).

const listen = (fetch: (r: Request) => Promise<Response>) =>
  new Promise<{ server: ServerType; origin: string }>((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () =>
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    );
  });
const close = (server: ServerType) =>
  new Promise((resolve) => {
    server.close(resolve);
    // The browser keeps connections open; end them so close() returns.
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  });

describeWithBrowser('dashboard: the settings page in a real browser', () => {
  let sim: HostingerSimulator;
  let simUrl: string;
  let dir: string;
  let store: FileConfigStore;
  let app: { server: ServerType; origin: string };
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  // The API's error answers the page shows next to its forms: the browser logs each one as well.
  const apiErrorAnswers: string[] = [];
  const statuses: Array<[string, number]> = [];

  const shot = async (name: string) => {
    const target = process.env.SCREENSHOTS_DIR ?? join(dir, 'shots');
    await mkdir(target, { recursive: true });
    await page.screenshot({ path: join(target, `${name}.png`), fullPage: true });
  };
  const card = () => page.locator('#provider-hostinger');
  const message = () => card().locator('form.credentials [role="status"]');
  const simRecords = () => createHostingerProvider({ apiKey: sim.token, baseUrl: simUrl }).dns.list('example.com');

  beforeAll(async () => {
    sim = createHostingerSimulator();
    simUrl = await sim.listen();
    dir = await mkdtemp(join(tmpdir(), 'setec-dashboard-'));
    store = new FileConfigStore(join(dir, 'hosting'));
    const registry = new ProviderRegistry();
    registry.registerProvider(hostinger);
    const handler = createHostingHandler({
      store,
      registry,
      auth: { jwtSecret: SECRET },
      allowUnsafeBaseUrl: true,
      dashboard: true,
    });
    app = await listen(async (request) => {
      const response = await handler(request);
      statuses.push([`${request.method} ${new URL(request.url).pathname}`, response.status]);
      return response;
    });
    browser = await launchBrowser();
    context = browser.context;
    const jwt = await token();
    await context.addCookies([{ name: 'token', value: jwt, url: app.origin, httpOnly: true, sameSite: 'Strict' }]);
    page = await context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const fromApi = m.text().startsWith('Failed to load resource') && m.location().url.includes('/api/hosting/');
      (fromApi ? apiErrorAnswers : consoleErrors).push(m.text());
    });
    page.on('pageerror', (e) => void consoleErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    if (app) await close(app.server);
    await sim?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lists the providers with their state, under a strict Content-Security-Policy', async () => {
    const response = await page.goto(`${app.origin}/hosting`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hosting providers');
    expect(await card().getByTestId('state').textContent()).toBe('Not configured');
    expect(await card().getByLabel('API token').getAttribute('type')).toBe('password');
    await shot('dashboard-empty');
  });

  it('a wrong token: the error is shown next to the form and nothing is saved', async () => {
    await card().getByLabel('API token').fill('wrong-token');
    await card().getByLabel('API base URL (optional)').fill(simUrl);
    await card().getByRole('button', { name: 'Test Connection' }).click();
    await expect.poll(() => message().getAttribute('data-kind')).toBe('error');
    expect(await message().textContent()).not.toBe('');
    expect(await store.list()).toEqual([]);
  });

  it('the right token: success is shown, still nothing saved', async () => {
    await card().getByLabel('API token').fill(sim.token);
    await card().getByRole('button', { name: 'Test Connection' }).click();
    await expect.poll(() => message().textContent()).toBe('Connection successful');
    expect(await store.list()).toEqual([]);
    await shot('dashboard-tested');
  });

  it('Save stores it; a reload shows it connected with an empty token field', async () => {
    await card().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => message().textContent()).toBe('Saved. Connection successful.');
    expect(await store.get('hostinger')).toMatchObject({ api_key: sim.token, connected: true });
    await page.reload();
    expect(await card().getByTestId('state').textContent()).toBe('Connected');
    expect(await card().getByLabel('API token').inputValue()).toBe('');
  });

  it('DNS: records are listed, and an added and a deleted record reach the provider', async () => {
    await card().getByLabel('Domain').fill('example.com');
    await card().getByRole('button', { name: 'Show records' }).click();
    const rows = card().locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe((await simRecords()).length);
    await card().getByLabel('Type').selectOption('A');
    await card().getByLabel('Name', { exact: true }).fill('dash');
    await card().getByLabel('Content').fill('192.0.2.44');
    await card().getByRole('button', { name: 'Add record' }).click();
    const added = card().getByRole('button', { name: 'Delete A dash 192.0.2.44' });
    await added.waitFor();
    expect((await simRecords()).some((r) => r.name === 'dash' && r.content === '192.0.2.44')).toBe(true);
    await shot('dashboard-dns');
    await added.click();
    await added.waitFor({ state: 'detached' });
    expect((await simRecords()).some((r) => r.name === 'dash')).toBe(false);
  });

  it('an invalid record shows the API error next to the form', async () => {
    await card().getByLabel('Type').selectOption('A');
    await card().getByLabel('Name', { exact: true }).fill('bad');
    await card().getByLabel('Content').fill('not-an-ip');
    await card().getByRole('button', { name: 'Add record' }).click();
    await expect.poll(() => card().getByRole('alert').textContent()).toContain('content');
  });

  it('reads well at a phone width (no sideways scrolling)', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot('dashboard-phone');
    await page.setViewportSize({ width: 1000, height: 900 });
  });

  it('the form works from the keyboard', async () => {
    await page.reload();
    await card().getByLabel('API token').focus();
    await page.keyboard.type('typed-by-keyboard');
    await page.keyboard.press('Tab');
    await page.keyboard.type(simUrl);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => message().getAttribute('data-kind')).toBe('error');
    expect(await store.get('hostinger')).toMatchObject({ api_key: sim.token });
  });

  it('Remove deletes the stored configuration', async () => {
    await card().getByRole('button', { name: 'Remove' }).click();
    await page.waitForLoadState('load');
    await expect.poll(() => card().getByTestId('state').textContent()).toBe('Not configured');
    expect(await store.list()).toEqual([]);
  });

  it('a cross-site form post that carries the cookie is refused', async () => {
    await store.save({ provider: 'hostinger', api_key: 'owner', api_secret: '', extra: {}, connected: false });
    const target = `${app.origin}/api/hosting/providers/hostinger/configure`;
    const evil = await listen(
      async () =>
        new Response(
          `<form method="post" action="${target}" enctype="text/plain">` +
            `<input name='{"api_key":"attacker","api_key":"' value='x"}'><button>go</button></form>`,
          { headers: { 'Content-Type': 'text/html' } },
        ),
    );
    try {
      // Another port of the same host is the same site (so even a SameSite=Strict cookie goes along)
      // but another origin: only the server's own check stands between the page and the API.
      const attack = await context.newPage();
      await attack.goto(evil.origin);
      await attack.getByRole('button', { name: 'go' }).click();
      await attack.waitForLoadState('load');
      await attack.close();
      expect(statuses.filter(([route]) => route === 'POST /api/hosting/providers/hostinger/configure').at(-1)).toEqual([
        'POST /api/hosting/providers/hostinger/configure',
        403,
      ]);
      expect(await store.get('hostinger')).toMatchObject({ api_key: 'owner' });
    } finally {
      await close(evil.server);
    }
  });

  it('logged no console errors besides the error answers it showed', () => {
    expect(consoleErrors).toEqual([]);
    expect(apiErrorAnswers).toHaveLength(3); // wrong token, invalid record, wrong token from the keyboard
  });
});
