import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createProvider, unregisterProvider } from '../../src/index.js';
import { runConformance } from '../../src/testing/index.js';

// The README's "Write your own provider" snippet, run as written against the conformance kit.
const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = join(root, '.tmp', `readme-plugin-${process.pid}`);

async function readmeSnippet(): Promise<string> {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('```ts\n', readme.indexOf('## Write your own provider'));
  return readme.slice(start + 6, readme.indexOf('\n```', start + 6));
}

describe("README: the plugin snippet under 'Write your own provider'", () => {
  afterAll(async () => {
    unregisterProvider('tiny-dns');
    await rm(dir, { recursive: true, force: true });
  });

  it('passes every check of the conformance kit', async () => {
    const snippet = await readmeSnippet();
    expect(snippet).toContain("registerProvider({ name: 'tiny-dns'");
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'tiny-dns.ts');
    await writeFile(file, `${snippet}\n`);
    await import(/* @vite-ignore */ file);
    const config = { provider: 'tiny-dns', api_key: '', api_secret: '', extra: {}, connected: false };
    const results = await runConformance(() => createProvider('tiny-dns', config), {
      domain: 'example.com',
      name: 'tiny-dns',
    });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.filter((r) => r.ok && !r.skipped).length).toBeGreaterThan(15);
  });
});
