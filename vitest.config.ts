import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  // As the build does: VERSION is package.json's version.
  define: { __SETEC_HOSTING_VERSION__: JSON.stringify(version) },
  // Examples import the package by name, as users do; tests run them against the sources.
  resolve: {
    alias: [
      { find: /^setec-hosting$/, replacement: src('index.ts') },
      { find: /^setec-hosting\/hostinger$/, replacement: src('hostinger/index.ts') },
      { find: /^setec-hosting\/hostinger\/register$/, replacement: src('hostinger/register.ts') },
      { find: /^setec-hosting\/http$/, replacement: src('http/index.ts') },
      { find: /^setec-hosting\/testing$/, replacement: src('testing/index.ts') },
      { find: /^setec-hosting\/zone$/, replacement: src('zone/index.ts') },
      { find: /^setec-hosting\/unstorage$/, replacement: src('unstorage/index.ts') },
      { find: /^setec-hosting\/digitalocean$/, replacement: src('digitalocean/index.ts') },
      { find: /^setec-hosting\/digitalocean\/register$/, replacement: src('digitalocean/register.ts') },
      { find: /^setec-hosting\/provider-kit$/, replacement: src('provider-kit/index.ts') },
      { find: /^setec-hosting\/hetzner$/, replacement: src('hetzner/index.ts') },
      { find: /^setec-hosting\/hetzner\/register$/, replacement: src('hetzner/register.ts') },
      { find: /^setec-hosting\/powerdns$/, replacement: src('powerdns/index.ts') },
      { find: /^setec-hosting\/powerdns\/register$/, replacement: src('powerdns/register.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/notices.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
