import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { describe, it } from 'vitest';

/**
 * A real headless Chromium for browser tests, driven by playwright-core (which downloads no browser):
 * `CHROMIUM_PATH`, else the usual install locations. Without one, {@link describeWithBrowser} skips its suite
 * after printing one notice; under `CI=true` a missing browser is a failure (`.ci/run` installs `chromium`).
 */
export const chromiumPath = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
].find((path): path is string => typeof path === 'string' && path !== '' && existsSync(path));

/** Starts a fresh headless browser with its own user-data directory; `close()` stops it and removes the directory. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'setec-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath!,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

let noticePrinted = false;

/** `describe` when a Chromium is found; otherwise a failure under `CI=true`, else a skip with one notice. */
export const describeWithBrowser = ((name: string, fn: () => void) => {
  if (chromiumPath) return describe(name, fn);
  if (process.env.CI === 'true' || process.env.CI === '1') {
    return describe(name, () => {
      it('needs Chromium (CI installs the Debian package chromium; or set CHROMIUM_PATH)', () => {
        throw new Error('No Chromium found: under CI=true the browser tests must run, not skip');
      });
    });
  }
  if (!noticePrinted) {
    noticePrinted = true;
    console.warn('No Chromium found (set CHROMIUM_PATH): the browser tests are skipped.');
  }
  return describe.skip(name, fn);
}) as (name: string, fn: () => void) => void;
