import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FileConfigStore } from '../../src/config/file-store.js';
import { childScript, startChild } from './children.js';
import { config, tempDir } from './helpers.js';

const STORE_MODULE = pathToFileURL(path.resolve(import.meta.dirname, '../../src/config/file-store.ts')).href;
const REPO = path.resolve(import.meta.dirname, '../..');

/** Increments extra.count under the store's lock. */
const increment = (store: FileConfigStore, who: string) =>
  store.update('hostinger', (c) => {
    const current = c ?? config({ extra: { count: '0' } });
    return {
      ...current,
      extra: { ...current.extra, count: String(Number(current.extra.count ?? '0') + 1), last: who },
    };
  });

/** Starts a writer; `ready` resolves once it waits for the go file, `done` when it exits. */
function runChild(script: string, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const ready = new Promise<void>((resolve) =>
    child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()),
  );
  const done = new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
  return { ready: Promise.race([ready, done]), done };
}

describe('config: FileConfigStore concurrency', () => {
  it('twenty concurrent saves leave valid JSON equal to one of them, and no lock file', async () => {
    const dir = await tempDir();
    const store = new FileConfigStore(dir);
    const saves = Array.from({ length: 20 }, (_, i) =>
      config({ extra: { writer: String(i), pad: 'x'.repeat(i * 50) } }),
    );
    await Promise.all(saves.map((c) => store.save(c)));
    const text = await fs.promises.readFile(path.join(dir, 'hostinger.json'), 'utf8');
    expect(saves.map((c) => JSON.stringify(c, null, 2))).toContain(text);
    expect(await fs.promises.readdir(dir)).toEqual(['hostinger.json']);
  });

  it('twenty concurrent updates through two store instances lose no update', async () => {
    const dir = await tempDir();
    const a = new FileConfigStore(dir);
    const b = new FileConfigStore(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => increment(i % 2 ? a : b, `in-process-${i}`)));
    expect((await a.get('hostinger'))?.extra.count).toBe('20');
    expect(await fs.promises.readdir(dir)).toEqual(['hostinger.json']);
  });

  it('two child processes and this one updating at once lose no update and leave no lock', async () => {
    const dir = await tempDir();
    const scriptDir = await tempDir();
    const script = path.join(scriptDir, 'writer.mts');
    await fs.promises.writeFile(
      script,
      `import { FileConfigStore } from ${JSON.stringify(STORE_MODULE)};
import { existsSync } from 'node:fs';
const [dir, who, times, go] = process.argv.slice(2);
const store = new FileConfigStore(dir);
console.log('ready');
while (!existsSync(go)) await new Promise((r) => setTimeout(r, 2));
for (let i = 0; i < Number(times); i++) {
  await store.update('hostinger', (c) => {
    const current = c ?? { provider: 'hostinger', api_key: 'k', api_secret: '', extra: { count: '0' }, connected: false };
    return { ...current, extra: { ...current.extra, count: String(Number(current.extra.count ?? '0') + 1), last: who } };
  });
}
`,
    );
    const go = path.join(scriptDir, 'go');
    const store = new FileConfigStore(dir);
    const children = [runChild(script, [dir, 'child-1', '40', go]), runChild(script, [dir, 'child-2', '40', go])];
    await Promise.all(children.map((c) => c.ready));
    await fs.promises.writeFile(go, '');
    for (let i = 0; i < 40; i++) await increment(store, 'parent');
    for (const child of await Promise.all(children.map((c) => c.done)))
      expect(child, child.stderr).toMatchObject({ code: 0 });
    const text = await fs.promises.readFile(path.join(dir, 'hostinger.json'), 'utf8');
    expect(JSON.parse(text).extra.count).toBe('120');
    expect(await fs.promises.readdir(dir)).toEqual(['hostinger.json']);
  });

  it('two processes making 50 increments each through update() end at exactly 100', async () => {
    const dir = await tempDir();
    const script = await childScript(`const [dir, who, go] = process.argv.slice(2);
const store = new FileConfigStore(dir);
writeSync(1, 'ready\\n');
while (!existsSync(go)) await new Promise((r) => setTimeout(r, 2));
for (let i = 0; i < 50; i++) {
  await store.update('hostinger', (c) => {
    const current = c ?? { provider: 'hostinger', api_key: 'k', api_secret: '', extra: { count: '0' }, connected: false };
    return { ...current, extra: { ...current.extra, count: String(Number(current.extra.count) + 1), last: who } };
  });
}`);
    const go = path.join(await tempDir(), 'go');
    const children = ['a', 'b'].map((who) => startChild(script, [dir, who, go]));
    await Promise.all(children.map((c) => c.printed('ready')));
    await fs.promises.writeFile(go, '');
    for (const exit of await Promise.all(children.map((c) => c.exited))) {
      expect(exit, exit.stderr).toMatchObject({ code: 0 });
    }
    expect((await new FileConfigStore(dir).get('hostinger'))?.extra.count).toBe('100');
    expect(await fs.promises.readdir(dir)).toEqual(['hostinger.json']);
  }, 60_000);

  it('a lock older than staleLockMs is broken and the save succeeds', async () => {
    const dir = await tempDir();
    const store = new FileConfigStore(dir);
    await store.save(config({ extra: { v: 'old' } }));
    const lock = path.join(dir, 'hostinger.json.lock');
    await fs.promises.writeFile(lock, '99999\n');
    const past = new Date(Date.now() - 60_000);
    await fs.promises.utimes(lock, past, past);

    await store.save(config({ extra: { v: 'new' } }));
    expect((await store.get('hostinger'))?.extra.v).toBe('new');
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('a fresh lock held by a live writer is waited for, not broken', async () => {
    const dir = await tempDir();
    const store = new FileConfigStore(dir, { staleLockMs: 60_000 });
    await store.save(config({ extra: { v: 'old' } }));
    const lock = path.join(dir, 'hostinger.json.lock');
    await fs.promises.writeFile(lock, `${process.pid}\n`);
    let done = false;
    const pending = store.save(config({ extra: { v: 'new' } })).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(done).toBe(false);
    expect((await store.get('hostinger'))?.extra.v).toBe('old');
    await fs.promises.unlink(lock); // the other writer finishes
    await pending;
    expect((await store.get('hostinger'))?.extra.v).toBe('new');
  });
});
