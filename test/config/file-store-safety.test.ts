import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isValidationError } from '../../src/core/errors.js';
import { ConfigStoreError } from '../../src/core/errors.js';
import { FileConfigStore, type FileConfigStoreFs } from '../../src/config/file-store.js';
import { CANARY, config, rejectionOf, tempDir } from './helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const BAD_NAMES = [
  '../x',
  'a/b',
  '..',
  '.',
  '',
  'x\0y',
  'CON',
  'Hostinger',
  'a'.repeat(65),
  '%2e%2e',
  '-x',
  'a b',
  'x.json',
];

/** Spies on every function of fs.promises and the common sync/callback fs functions. */
function spyOnFs() {
  const spies: { mock: { calls: unknown[][] } }[] = [];
  for (const [target, names] of [
    [fs.promises, Object.keys(fs.promises)],
    [
      fs,
      [
        'lstat',
        'stat',
        'open',
        'mkdir',
        'readdir',
        'readFile',
        'writeFile',
        'lstatSync',
        'statSync',
        'openSync',
        'mkdirSync',
        'readFileSync',
        'writeFileSync',
        'existsSync',
      ],
    ],
  ] as const) {
    for (const name of names) {
      if (typeof (target as Record<string, unknown>)[name] === 'function')
        spies.push(vi.spyOn(target as never, name as never));
    }
  }
  return () => spies.reduce((n, s) => n + s.mock.calls.length, 0);
}

describe('config: FileConfigStore refuses unsafe input and places', () => {
  it.each(BAD_NAMES)('provider name %j is a ValidationError with zero filesystem calls', async (name) => {
    const store = new FileConfigStore(await tempDir());
    const calls = spyOnFs();
    for (const attempt of [
      () => store.get(name),
      () => store.save(config({ provider: name })),
      () => store.delete(name),
      () => store.update(name, () => config()),
    ]) {
      const error = await rejectionOf(attempt());
      expect(isValidationError(error)).toBe(true);
      expect(error.fields).toHaveProperty('provider');
    }
    expect(calls()).toBe(0);
    await store.get('hostinger'); // the spies do see the store's calls for a valid name
    expect(calls()).toBeGreaterThan(0);
  });

  it('an injected fs sees zero calls for bad names too', async () => {
    const seen: string[] = [];
    const recording = new Proxy(fs.promises, {
      get: (target, key) => {
        seen.push(String(key));
        return Reflect.get(target, key);
      },
    }) as FileConfigStoreFs;
    const store = new FileConfigStore(await tempDir(), { fs: recording });
    await rejectionOf(store.get('../etc/passwd'));
    await rejectionOf(store.save(config({ provider: '..' })));
    expect(seen).toEqual([]);
    await store.save(config());
    expect(seen).toContain('rename'); // the injected fs is really the one in use
  });

  it('a credentials directory that is a symlink is refused', async () => {
    const real = await tempDir();
    const link = path.join(await tempDir(), 'hosting');
    await fs.promises.symlink(real, link);
    const store = new FileConfigStore(link);
    for (const attempt of [
      () => store.save(config()),
      () => store.get('hostinger'),
      () => store.list(),
      () => store.delete('hostinger'),
    ]) {
      const error = await rejectionOf(attempt());
      expect(error).toBeInstanceOf(ConfigStoreError);
      expect(error.reason).toBe('symlink');
    }
    expect(await fs.promises.readdir(real)).toEqual([]);
  });

  it('a credentials directory owned by another uid is refused and left unchanged', async () => {
    const uid = process.getuid?.();
    if (uid === undefined) return expect(process.platform).toBe('win32');
    let dir: string;
    if (uid === 0) {
      dir = await tempDir();
      await fs.promises.chmod(dir, 0o755);
      await fs.promises.chown(dir, 4242, 4242);
    } else {
      dir = path.dirname(await tempDir()); // the system temp dir, owned by root
      expect((await fs.promises.stat(dir)).uid).not.toBe(uid);
    }
    const before = await fs.promises.stat(dir);
    const store = new FileConfigStore(dir);
    for (const attempt of [() => store.save(config()), () => store.get('hostinger'), () => store.list()]) {
      const error = await rejectionOf(attempt());
      expect(error).toMatchObject({ reason: 'foreign_owner' });
    }
    expect((await fs.promises.stat(dir)).mode).toBe(before.mode);
    expect(fs.existsSync(path.join(dir, 'hostinger.json'))).toBe(false);
  });

  it('a path that is a file, not a directory, is refused', async () => {
    const file = path.join(await tempDir(), 'plain');
    await fs.promises.writeFile(file, 'x');
    expect(await rejectionOf(new FileConfigStore(file).save(config()))).toMatchObject({ reason: 'not_a_directory' });
  });

  it('when rename fails mid-save the previous content is intact and no temp or lock file remains', async () => {
    const dir = await tempDir();
    const store = new FileConfigStore(dir);
    await store.save(config({ extra: { v: 'old' } }));
    const file = path.join(dir, 'hostinger.json');
    const before = await fs.promises.readFile(file, 'utf8');
    vi.spyOn(fs.promises, 'rename').mockRejectedValueOnce(
      Object.assign(new Error('EIO: simulated crash'), { code: 'EIO' }),
    );

    await expect(store.save(config({ extra: { v: 'new' } }))).rejects.toThrow(/simulated crash/);
    expect(await fs.promises.readFile(file, 'utf8')).toBe(before);
    expect(await fs.promises.readdir(dir)).toEqual(['hostinger.json']);
    expect((await store.get('hostinger'))?.extra.v).toBe('old');
  });

  it('when the write itself fails the temp file is removed too', async () => {
    const dir = await tempDir();
    const store = new FileConfigStore(dir);
    await store.save(config({ extra: { v: 'old' } }));
    const realOpen = fs.promises.open;
    vi.spyOn(fs.promises, 'open').mockImplementation(async (...args: Parameters<typeof realOpen>) => {
      const handle = await realOpen(...args);
      if (String(args[0]).endsWith('.tmp'))
        handle.sync = () => Promise.reject(Object.assign(new Error('ENOSPC: disk full'), { code: 'ENOSPC' }));
      return handle;
    });
    await expect(store.save(config({ extra: { v: 'new' } }))).rejects.toThrow(/disk full/);
    expect(await fs.promises.readdir(dir)).toEqual(['hostinger.json']);
    expect((await store.get('hostinger'))?.extra.v).toBe('old');
  });
});

describe('config: FileConfigStore keeps secrets out of output', () => {
  it('the canary token is not in util.inspect(store), JSON.stringify(store), errors or warnings', async () => {
    const dir = await tempDir();
    const warnings: string[] = [];
    const store = new FileConfigStore(dir, { onWarning: (m) => warnings.push(m) });
    await store.save(config());
    await fs.promises.chmod(path.join(dir, 'hostinger.json'), 0o644);
    await store.get('hostinger');
    await fs.promises.writeFile(path.join(dir, 'broken.json'), `{"provider":"broken","api_key":"${CANARY}"`, {
      mode: 0o600,
    });
    await fs.promises.writeFile(path.join(dir, 'other.json'), `{"provider":"x","api_key":"${CANARY}"}`, {
      mode: 0o600,
    });
    const errors = [await rejectionOf(store.get('broken')), await rejectionOf(store.get('other'))];
    await store.list();

    const outputs = [
      util.inspect(store, { depth: Infinity, showHidden: true }),
      JSON.stringify(store),
      ...errors.flatMap((e) => [String(e), util.inspect(e, { depth: Infinity }), JSON.stringify(e)]),
      ...warnings,
    ];
    expect(warnings.length).toBeGreaterThanOrEqual(3);
    for (const out of outputs) expect(out).not.toContain(CANARY);
  });
});
