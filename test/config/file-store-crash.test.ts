import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileConfigStore, type FileConfigStoreFs } from '../../src/config/file-store.js';
import { childScript, startChild } from './children.js';
import { CANARY, config, tempDir } from './helpers.js';

// Far longer than any test runs: only the dead-owner rule can free a lock in these tests.
const NEVER_STALE = 600_000;
const FAST = 5_000;

/**
 * Saves in a loop, printing "saved" after each. After the first save, with a pause point given, it
 * prints "paused" and stops for good at that step of the next save: before the lock's `link` (the
 * owner's temp file written, no lock yet), before the `rename` of the new file (the lock held and a temp
 * copy holding the api_key on disk), or before the lock's `unlink` (new file in place, lock still held).
 */
const SAVE_LOOP = `import fsp from 'node:fs/promises';
const [dir, pauseAt] = process.argv.slice(2);
let armed = false;
const hang = () => (writeSync(1, 'paused\\n'), new Promise(() => {}));
const fs = {
  ...fsp,
  link: (a, b) => (armed && pauseAt === 'link' ? hang() : fsp.link(a, b)),
  rename: (a, b) => (armed && pauseAt === 'rename' ? hang() : fsp.rename(a, b)),
  unlink: (p) => (armed && pauseAt === 'unlock' && p.endsWith('.lock') ? hang() : fsp.unlink(p)),
};
const store = new FileConfigStore(dir, { staleLockMs: ${NEVER_STALE}, fs });
for (let i = 0; ; i++) {
  await store.save({ provider: 'hostinger', api_key: 'child-key', api_secret: '', connected: false,
    extra: { v: 'child-' + i, pad: 'x'.repeat(20000) } });
  writeSync(1, 'saved\\n');
  armed = true;
}`;

/** Holds the lock inside update() until the file named by the third argument exists (forever without it). */
const HOLD_IN_UPDATE = `const [dir, value, go] = process.argv.slice(2);
const store = new FileConfigStore(dir, { staleLockMs: ${NEVER_STALE} });
await store.update('hostinger', (c) => {
  writeSync(1, 'inside\\n');
  while (!go || !existsSync(go)) {}
  return { ...c, extra: { v: value } };
});
writeSync(1, 'done\\n');`;

const lockOf = (dir: string) => path.join(dir, 'hostinger.json.lock');
const timed = async (work: Promise<unknown>) => {
  const started = performance.now();
  await work;
  return performance.now() - started;
};
/** A pid that no process has: a child that already exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

/** fs.promises, counting `link` calls (each one is an attempt to take a lock). */
function countingLinks() {
  const counter = { links: 0 };
  const io: FileConfigStoreFs = {
    ...fs.promises,
    link: (from, to) => {
      counter.links++;
      return fs.promises.link(from, to);
    },
  };
  return { io, counter };
}
const until = async (test: () => boolean) => {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('config: FileConfigStore after a writer is killed', () => {
  it('five SIGKILLs mid-save in a row: each next save completes at once, the file is whole, leftovers go', async () => {
    const dir = await tempDir();
    const store = new FileConfigStore(dir, { staleLockMs: NEVER_STALE });
    await store.save(config({ extra: { v: 'initial' } }));
    const script = await childScript(SAVE_LOOP);
    // Three kills at known points of a save, then two wherever the loop happens to be.
    const rounds = [['link'], ['rename'], ['unlock'], ['none', 3], ['none', 20]] as const;
    for (const [round, [pauseAt, saves = 1]] of rounds.entries()) {
      const child = startChild(script, [dir, pauseAt]);
      await child.printed(pauseAt === 'none' ? 'saved' : 'paused', saves);
      expect((await child.kill()).signal).toBe('SIGKILL');

      // Whatever the child was doing, the file holds one whole config: the old one or a new one.
      const text = await fs.promises.readFile(path.join(dir, 'hostinger.json'), 'utf8');
      expect(JSON.parse(text).extra.v).toMatch(/^(initial|parent-\d|child-\d+)$/);
      // Leftover temp and lock files are not configs.
      expect((await store.list()).map((c) => c.provider)).toEqual(['hostinger']);

      const elapsed = await timed(store.save(config({ extra: { v: `parent-${round}` } })));
      expect(elapsed).toBeLessThan(FAST);
      expect((await store.get('hostinger'))?.extra.v).toBe(`parent-${round}`);
      expect(await fs.promises.readdir(dir)).toEqual(['hostinger.json']);
    }
  }, 60_000);

  it('a lock left by a process killed inside update() is broken at once, and it named its owner', async () => {
    const dir = await tempDir();
    const store = new FileConfigStore(dir, { staleLockMs: NEVER_STALE });
    await store.save(config({ extra: { v: 'old' } }));
    const child = startChild(await childScript(HOLD_IN_UPDATE), [dir, 'child']);
    await child.printed('inside');
    const owner = JSON.parse(await fs.promises.readFile(lockOf(dir), 'utf8'));
    expect(owner).toMatchObject({ pid: child.pid, host: os.hostname() });
    await child.kill();

    expect(await timed(store.save(config({ extra: { v: 'parent' } })))).toBeLessThan(FAST);
    expect((await store.get('hostinger'))?.extra.v).toBe('parent');
    expect(await fs.promises.readdir(dir)).toEqual(['hostinger.json']);
  }, 30_000);

  it('a live holder inside a slow update() is waited for, however old its lock file', async () => {
    const dir = await tempDir();
    const { io, counter } = countingLinks();
    const store = new FileConfigStore(dir, { staleLockMs: 60_000, fs: io });
    await store.save(config({ extra: { v: 'old' } }));
    const go = path.join(await tempDir(), 'go');
    const child = startChild(await childScript(HOLD_IN_UPDATE), [dir, 'child', go]);
    await child.printed('inside');
    const hour = new Date(Date.now() - 3_600_000);
    await fs.promises.utimes(lockOf(dir), hour, hour); // the age rule alone would break it

    counter.links = 0;
    const saved = store.save(config({ extra: { v: 'parent' } }));
    await until(() => counter.links >= 3); // refused three times: it is waiting, not breaking
    expect(JSON.parse(await fs.promises.readFile(lockOf(dir), 'utf8')).pid).toBe(child.pid);
    expect((await store.get('hostinger'))?.extra.v).toBe('old');

    await fs.promises.writeFile(go, '');
    await saved;
    expect(await child.exited).toMatchObject({ code: 0 });
    // The child's update landed first, then the waiting save.
    expect(child.lines).toEqual(['inside', 'done']);
    expect((await store.get('hostinger'))?.extra.v).toBe('parent');
  }, 30_000);

  it('a lock whose pid now names another process (this one, restarted) is broken at once', async () => {
    const dir = await tempDir();
    const store = new FileConfigStore(dir, { staleLockMs: NEVER_STALE });
    await store.save(config({ extra: { v: 'old' } }));
    const owner = { pid: process.pid, host: os.hostname(), nonce: 'ab', since: 1 };
    await fs.promises.writeFile(lockOf(dir), JSON.stringify(owner));
    expect(await timed(store.save(config({ extra: { v: 'new' } })))).toBeLessThan(FAST);
    expect((await store.get('hostinger'))?.extra.v).toBe('new');
  });

  it('a lock from another host is waited for while fresh and broken once older than staleLockMs', async () => {
    const dir = await tempDir();
    const { io, counter } = countingLinks();
    const store = new FileConfigStore(dir, { staleLockMs: 60_000, fs: io });
    await store.save(config({ extra: { v: 'old' } }));
    const owner = { pid: deadPid(), host: `not-${os.hostname()}`, nonce: 'ab', since: 1 };
    await fs.promises.writeFile(lockOf(dir), JSON.stringify(owner));

    counter.links = 0;
    const saved = store.save(config({ extra: { v: 'new' } }));
    await until(() => counter.links >= 3);
    expect((await store.get('hostinger'))?.extra.v).toBe('old');
    const old = new Date(Date.now() - 120_000);
    await fs.promises.utimes(lockOf(dir), old, old);
    await saved;
    expect((await store.get('hostinger'))?.extra.v).toBe('new');
    expect(fs.existsSync(lockOf(dir))).toBe(false);
  });

  it.each(['save', 'delete'] as const)(
    'temp files a crash left, holding the api_key, are removed on %s',
    async (op) => {
      const dir = await tempDir();
      const store = new FileConfigStore(dir, { staleLockMs: NEVER_STALE });
      await store.save(config());
      const pid = deadPid();
      const leftovers = [`.hostinger.json.${pid}.0a1b2c3d4e5f.tmp`, `.hostinger.json.lock.${pid}.0a1b2c3d4e5f.tmp`];
      const othersCopy = `.other.json.${pid}.0a1b2c3d4e5f.tmp`;
      for (const name of [...leftovers, othersCopy]) {
        await fs.promises.writeFile(path.join(dir, name), JSON.stringify(config()), { mode: 0o600 });
      }
      expect((await store.list()).map((c) => c.provider)).toEqual(['hostinger']);

      if (op === 'save') await store.save(config({ api_key: 'new-key' }));
      else expect(await store.delete('hostinger')).toBe(true);

      const left = (await fs.promises.readdir(dir)).sort();
      expect(left).toEqual(op === 'save' ? [othersCopy, 'hostinger.json'].sort() : [othersCopy]);
      const onDisk = await Promise.all(
        left.filter((n) => n !== othersCopy).map((n) => fs.promises.readFile(path.join(dir, n), 'utf8')),
      );
      expect(onDisk.join('')).not.toContain(CANARY);
    },
  );
});
