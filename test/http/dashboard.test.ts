import { readFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
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
// A second provider ("Hostinger staging", the same adapter) shows two DNS sections side by side.

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const listen = (fetch: (r: Request) => Promise<Response>) =>
  new Promise<{ server: ServerType; origin: string }>((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () =>
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    );
  });
// Generous bounds: the machine running the tests may be busy; nothing here measures speed.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 50 });
const close = (server: ServerType) =>
  new Promise((resolve) => {
    server.close(resolve);
    // The browser keeps connections open; end them so close() returns.
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  });

// A browser on a busy machine: steps get a minute each (they take about a second).
vi.setConfig({ testTimeout: 60_000 });

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
  // Confirmation dialogs: what they asked, and whether the next one is accepted.
  const dialogs: string[] = [];
  let acceptDialogs = true;

  const shot = async (name: string, fullPage = true) => {
    const target = process.env.SCREENSHOTS_DIR ?? join(dir, 'shots');
    await mkdir(target, { recursive: true });
    await page.screenshot({ path: join(target, `${name}.png`), fullPage });
  };
  const card = () => page.locator('#provider-hostinger');
  const message = () => card().locator('form.credentials [role="status"]');
  const dnsStatus = () => card().locator('section.dns [role="status"]');
  const showRecords = async (section = card()) => {
    await section.getByLabel('Domain').fill('example.com');
    await section.getByRole('button', { name: 'Show records' }).click();
    await poll(() => section.locator('table tbody tr').count()).toBe((await simRecords()).length);
  };
  // A mark left in the page's window: still there later means the page was not loaded again.
  const markPage = () => page.evaluate(() => void ((window as unknown as { mark: number }).mark = 1));
  const samePage = () => page.evaluate(() => (window as unknown as { mark?: number }).mark === 1);
  const simRecords = () => createHostingerProvider({ apiKey: sim.token, baseUrl: simUrl }).dns.list('example.com');

  beforeAll(async () => {
    sim = createHostingerSimulator();
    simUrl = await sim.listen();
    dir = await mkdtemp(join(tmpdir(), 'setec-dashboard-'));
    store = new FileConfigStore(join(dir, 'hosting'));
    const registry = new ProviderRegistry();
    registry.registerProvider(hostinger);
    registry.registerProvider({ ...hostinger, name: 'staging', displayName: 'Hostinger staging' });
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
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void (acceptDialogs ? dialog.accept() : dialog.dismiss());
    });
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
    await poll(() => message().getAttribute('data-kind')).toBe('error');
    expect(await message().textContent()).not.toBe('');
    expect(await store.list()).toEqual([]);
  });

  it('the right token: success is shown, still nothing saved', async () => {
    await card().getByLabel('API token').fill(sim.token);
    await card().getByRole('button', { name: 'Test Connection' }).click();
    await poll(() => message().textContent()).toBe('Connection successful');
    expect(await store.list()).toEqual([]);
    await shot('dashboard-tested');
  });

  it('Save stores it and the card shows the configured state at once (Remove, DNS), and after a reload', async () => {
    await markPage();
    await card().getByRole('button', { name: 'Save' }).click();
    await poll(() => message().textContent()).toBe('Saved. Connection successful.');
    expect(await store.get('hostinger')).toMatchObject({ api_key: sim.token, connected: true });
    expect(await card().getByTestId('state').textContent()).toBe('Connected');
    expect(await card().getByRole('button', { name: 'Remove' }).isVisible()).toBe(true);
    expect(
      await card()
        .getByRole('region', { name: /DNS records/ })
        .isVisible(),
    ).toBe(true);
    expect(await samePage()).toBe(true);
    await page.reload();
    expect(await card().getByTestId('state').textContent()).toBe('Connected');
    expect(await card().getByLabel('API token').inputValue()).toBe('');
  });

  it('DNS: records are listed, and an added and a deleted record reach the provider', async () => {
    await showRecords();
    await card().getByLabel('Type').selectOption('A');
    await card().getByLabel('Name', { exact: true }).fill('dash');
    await card().getByLabel('Content').fill('192.0.2.44');
    await card().getByRole('button', { name: 'Add record' }).click();
    const added = card().getByRole('button', { name: 'Delete A dash 192.0.2.44' });
    await added.waitFor();
    expect(await dnsStatus().textContent()).toBe('Added A dash 192.0.2.44.');
    expect(await message().textContent()).toBe(''); // the save message no longer applies
    expect((await simRecords()).some((r) => r.name === 'dash' && r.content === '192.0.2.44')).toBe(true);
    await shot('dashboard-dns');

    acceptDialogs = false;
    await added.click();
    expect(dialogs.at(-1)).toBe('Delete the A record dash (192.0.2.44) of example.com?');
    expect(await added.isVisible()).toBe(true);
    expect((await simRecords()).some((r) => r.name === 'dash')).toBe(true);
    acceptDialogs = true;
    await added.click();
    await added.waitFor({ state: 'detached' });
    expect(await dnsStatus().textContent()).toBe('Deleted A dash 192.0.2.44.');
    expect((await simRecords()).some((r) => r.name === 'dash')).toBe(false);
  });

  it('Delete and Remove look destructive, unlike the primary buttons', async () => {
    const colors = (name: string) =>
      card()
        .getByRole('button', { name })
        .first()
        .evaluate((b) => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor].join(' / '));
    const remove = await colors('Remove');
    expect(await colors('Delete A @ 203.0.113.10')).toBe(remove);
    expect(remove).not.toBe(await colors('Save'));
    expect(remove).not.toBe(await colors('Add record'));
  });

  it('the add form asks for a priority only for MX and SRV, and A and TXT rows show none', async () => {
    const priority = card().getByLabel('Priority', { exact: true });
    for (const [type, shown] of [
      ['A', false],
      ['TXT', false],
      ['MX', true],
      ['SRV', true],
    ] as const) {
      await card().getByLabel('Type').selectOption(type);
      expect(await priority.isVisible(), type).toBe(shown);
    }
    await card().getByLabel('Type').selectOption('MX');
    await priority.fill('15');
    await card().getByLabel('Name', { exact: true }).fill('mail2');
    await card().getByLabel('Content').fill('mx.example.org');
    await card().getByRole('button', { name: 'Add record' }).click();
    await card().getByRole('button', { name: 'Delete MX mail2 mx.example.org' }).waitFor();
    expect((await simRecords()).find((r) => r.name === 'mail2')).toMatchObject({ type: 'MX', priority: 15 });

    const priorityOf = (type: string) =>
      card()
        .locator('tbody tr')
        .filter({ has: page.locator('td[data-label="Type"]', { hasText: new RegExp(`^${type}$`) }) })
        .locator('td[data-label="Priority"]')
        .allTextContents();
    expect(await priorityOf('A')).toEqual(['', '', '']);
    expect(await priorityOf('TXT')).toEqual(['', '', '']);
    expect((await priorityOf('MX')).sort()).toEqual(['10', '15', '20']);
    const mail2 = card().getByRole('button', { name: 'Delete MX mail2 mx.example.org' });
    await mail2.click();
    await mail2.waitFor({ state: 'detached' });
  });

  it('an invalid record shows the API error next to the form', async () => {
    await card().getByLabel('Type').selectOption('A');
    await card().getByLabel('Name', { exact: true }).fill('bad');
    await card().getByLabel('Content').fill('not-an-ip');
    await card().getByRole('button', { name: 'Add record' }).click();
    await poll(() => card().getByRole('alert').textContent()).toContain('content');
  });

  it('with records shown, no width from 320 to 1000 px scrolls sideways; at phone width records are cards', async () => {
    await page.reload();
    await showRecords();
    const widths = [320, 360, 390, 480, 640, 641, 768, 1000];
    const overflow: Record<number, number> = {};
    for (const width of widths) {
      await page.setViewportSize({ width, height: 800 });
      overflow[width] = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    }
    expect(overflow).toEqual(Object.fromEntries(widths.map((w) => [w, 0])));

    await page.setViewportSize({ width: 390, height: 800 });
    const layout = await card().evaluate((section) => {
      const box = section.getBoundingClientRect();
      const rows = Array.from(section.querySelectorAll('tbody tr')).map((row) => row.getBoundingClientRect());
      const buttons = Array.from(section.querySelectorAll('tbody button')).map((b) => b.getBoundingClientRect());
      // The lines an address takes: one, when it is not broken inside.
      const lines = Array.from(section.querySelectorAll('span.address')).map((span) => {
        const range = document.createRange();
        range.selectNodeContents(span);
        return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
      });
      return {
        rowsInside: rows.every((r) => r.left >= box.left && r.right <= box.right),
        rowsFullWidth: rows.every((r) => r.width > box.width * 0.8),
        buttonsOnScreen: buttons.every((b) => b.left >= 0 && b.right <= window.innerWidth),
        headerShown: getComputedStyle(section.querySelector('thead')!).display !== 'none',
        lines,
      };
    });
    expect(layout).toEqual({
      rowsInside: true,
      rowsFullWidth: true,
      buttonsOnScreen: true,
      headerShown: false,
      lines: [1, 1, 1, 1], // 203.0.113.10, 2001:db8::10, 203.0.113.20, 203.0.113.21
    });
    // The phone's screen as someone scrolled to the records sees it.
    await card()
      .locator('section.dns h3')
      .evaluate((h) => h.scrollIntoView());
    await shot('dashboard-phone', false);
    await page.setViewportSize({ width: 1000, height: 900 });
  });

  it('axe-core finds no accessibility problem, with two providers showing records, wide and at phone width', async () => {
    await store.save({
      provider: 'staging',
      api_key: sim.token,
      api_secret: '',
      extra: { base_url: simUrl },
      connected: true,
    });
    try {
      await page.reload();
      await showRecords();
      await showRecords(page.locator('#provider-staging'));
      expect(await page.getByRole('region', { name: /DNS records/ }).count()).toBe(2);
      await page.evaluate(await AXE_SOURCE);
      const violations: Record<number, string[]> = {};
      for (const width of [1000, 390]) {
        await page.setViewportSize({ width, height: 900 });
        const result = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string }> }> } }).axe;
          return (await axe.run()).violations.map((v) => v.id);
        });
        violations[width] = result;
      }
      expect(violations).toEqual({ 1000: [], 390: [] });
    } finally {
      await page.setViewportSize({ width: 1000, height: 900 });
      await store.delete('staging');
    }
  });

  it('the form works from the keyboard', async () => {
    await page.reload();
    await card().getByLabel('API token').focus();
    await page.keyboard.type('typed-by-keyboard');
    await page.keyboard.press('Tab');
    await page.keyboard.type(simUrl);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await poll(() => message().getAttribute('data-kind')).toBe('error');
    expect(await store.get('hostinger')).toMatchObject({ api_key: sim.token });
  });

  it('Remove asks first, then deletes the stored configuration and the card shows it at once', async () => {
    await page.reload();
    await markPage();
    acceptDialogs = false;
    await card().getByRole('button', { name: 'Remove' }).click();
    expect(dialogs.at(-1)).toContain('Remove the stored credentials of Hostinger?');
    expect(await store.get('hostinger')).toMatchObject({ api_key: sim.token });
    acceptDialogs = true;
    await card().getByRole('button', { name: 'Remove' }).click();
    await poll(() => card().getByTestId('state').textContent()).toBe('Not configured');
    expect(await message().textContent()).toBe('Removed the stored credentials.');
    expect(await card().getByRole('button', { name: 'Remove' }).count()).toBe(0);
    expect(await card().locator('section.dns').count()).toBe(0);
    expect(await samePage()).toBe(true);
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
