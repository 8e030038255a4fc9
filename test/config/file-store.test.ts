import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigStoreError } from '../../src/core/errors.js';
import { FileConfigStore } from '../../src/config/file-store.js';
import { CANARY, config, modeOf, rejectionOf, tempDir } from './helpers.js';

describe('config: FileConfigStore basics', () => {
  it('saves one <provider>.json holding exactly the ProviderConfig JSON, 2-space indented', async () => {
    const dir = await tempDir();
    const store = new FileConfigStore(dir);
    const c = config({ extra: { base_url: 'https://example.test' } });
    await store.save(c);
    expect(await fs.promises.readdir(dir)).toEqual(['hostinger.json']);
    expect(await fs.promises.readFile(path.join(dir, 'hostinger.json'), 'utf8')).toBe(JSON.stringify(c, null, 2));
    expect(await store.get('hostinger')).toEqual(c);
  });

  it('returns undefined, false and [] when nothing is stored (and does not create the directory)', async () => {
    const dir = path.join(await tempDir(), 'missing');
    const store = new FileConfigStore(dir);
    expect(await store.get('hostinger')).toBeUndefined();
    expect(await store.delete('hostinger')).toBe(false);
    expect(await store.list()).toEqual([]);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('lists configs sorted by provider and deletes one', async () => {
    const store = new FileConfigStore(await tempDir());
    await store.save(config({ provider: 'zeta' }));
    await store.save(config({ provider: 'alpha' }));
    expect((await store.list()).map((c) => c.provider)).toEqual(['alpha', 'zeta']);
    expect(await store.delete('zeta')).toBe(true);
    expect(await store.delete('zeta')).toBe(false);
    expect((await store.list()).map((c) => c.provider)).toEqual(['alpha']);
  });

  it('reads a hand-written file with missing optional fields, as the original setup guide writes it', async () => {
    const dir = await tempDir();
    await fs.promises.writeFile(
      path.join(dir, 'hostinger.json'),
      `{\n"provider": "hostinger",\n"api_key": "${CANARY}"\n}\n`,
      { mode: 0o600 },
    );
    await fs.promises.chmod(dir, 0o700);
    expect(await new FileConfigStore(dir).get('hostinger')).toEqual(config({ connected: false }));
  });

  it('update() reads, changes and writes under the lock', async () => {
    const store = new FileConfigStore(await tempDir());
    await store.save(config({ connected: false }));
    const next = await store.update('hostinger', (c) => ({ ...c!, connected: true }));
    expect(next!.connected).toBe(true);
    expect((await store.get('hostinger'))?.connected).toBe(true);
  });
});

describe('config: FileConfigStore permissions', () => {
  it.each([0o000, 0o077])('with umask %o the directory is 0700 and the file 0600', async (umask) => {
    const dir = path.join(await tempDir(), 'nested', 'hosting');
    const previous = process.umask(umask);
    try {
      await new FileConfigStore(dir).save(config());
    } finally {
      process.umask(previous);
    }
    expect(await modeOf(dir)).toBe(0o700);
    expect(await modeOf(path.join(dir, 'hostinger.json'))).toBe(0o600);
  });

  it('a pre-existing 0755 directory is tightened to 0700 on save (mkdir alone would leave it 0755)', async () => {
    const dir = await tempDir();
    await fs.promises.chmod(dir, 0o755);
    await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
    expect(await modeOf(dir)).toBe(0o755); // what mkdir alone does to an existing directory
    await new FileConfigStore(dir).save(config());
    expect(await modeOf(dir)).toBe(0o700);
  });

  it('a 0644 config file is repaired to 0600 before its secret is returned, with one warning', async () => {
    const dir = await tempDir();
    await fs.promises.chmod(dir, 0o700);
    const file = path.join(dir, 'hostinger.json');
    await fs.promises.writeFile(file, JSON.stringify(config(), null, 2));
    await fs.promises.chmod(file, 0o644);
    const warnings: { message: string; modeAtWarning: number }[] = [];
    const store = new FileConfigStore(dir, {
      onWarning: (message) => warnings.push({ message, modeAtWarning: fs.statSync(file).mode & 0o777 }),
    });

    const first = await store.get('hostinger');
    expect(await modeOf(file)).toBe(0o600);
    expect(first?.api_key).toBe(CANARY);
    await store.get('hostinger');
    await store.list();

    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.modeAtWarning).toBe(0o600);
    expect(warnings[0]?.message).toContain(file);
    expect(warnings[0]?.message).not.toContain(CANARY);
  });

  it('the default warning goes to process.emitWarning', async () => {
    const dir = await tempDir();
    await fs.promises.chmod(dir, 0o700);
    const file = path.join(dir, 'hostinger.json');
    await fs.promises.writeFile(file, JSON.stringify(config()), { mode: 0o644 });
    await fs.promises.chmod(file, 0o644);
    const seen: Error[] = [];
    const listener = (w: Error) => seen.push(w);
    process.on('warning', listener);
    try {
      await new FileConfigStore(dir).get('hostinger');
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }
    expect(seen.map((w) => w.message).filter((m) => m.includes(file))).toHaveLength(1);
  });
});

describe('config: FileConfigStore symlinks and corrupt files', () => {
  it('a symlinked config file is refused on save, get, delete and list, and its target is untouched', async () => {
    const dir = await tempDir();
    const outside = await tempDir();
    const target = path.join(outside, 'victim.txt');
    await fs.promises.writeFile(target, 'do not touch\n');
    await fs.promises.chmod(dir, 0o700);
    await fs.promises.symlink(target, path.join(dir, 'hostinger.json'));
    const warnings: string[] = [];
    const store = new FileConfigStore(dir, { onWarning: (m) => warnings.push(m) });

    for (const attempt of [() => store.save(config()), () => store.get('hostinger'), () => store.delete('hostinger')]) {
      const error = await rejectionOf(attempt());
      expect(error).toBeInstanceOf(ConfigStoreError);
      expect(error.reason).toBe('symlink');
    }
    expect(await store.list()).toEqual([]);
    expect(warnings.join('\n')).toMatch(/symbolic link/);
    expect(await fs.promises.readFile(target, 'utf8')).toBe('do not touch\n');
    expect((await fs.promises.lstat(path.join(dir, 'hostinger.json'))).isSymbolicLink()).toBe(true);
  });

  it('a corrupt file is a typed error naming the file, and is left byte-for-byte', async () => {
    const dir = await tempDir();
    await fs.promises.chmod(dir, 0o700);
    const file = path.join(dir, 'hostinger.json');
    const bytes = `{"provider": "hostinger", "api_key": "${CANARY}", `;
    await fs.promises.writeFile(file, bytes, { mode: 0o600 });
    const before = await fs.promises.stat(file);
    const store = new FileConfigStore(dir, { onWarning: () => undefined });

    const error = await rejectionOf(store.get('hostinger'));
    expect(error).toBeInstanceOf(ConfigStoreError);
    expect(error.reason).toBe('corrupt');
    expect(error.message).toContain(file);
    expect(error.message).not.toContain(CANARY);
    await store.list();
    expect(await fs.promises.readFile(file, 'utf8')).toBe(bytes);
    expect((await fs.promises.stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  it.each([
    ['valid JSON of the wrong shape', '{"provider": "hostinger", "api_key": 42}'],
    ['the config of another provider', '{"provider": "other", "api_key": "x"}'],
    ['an array', '[]'],
  ])('%s is reported as corrupt', async (_, bytes) => {
    const dir = await tempDir();
    await fs.promises.chmod(dir, 0o700);
    await fs.promises.writeFile(path.join(dir, 'hostinger.json'), bytes, { mode: 0o600 });
    const error = await rejectionOf(new FileConfigStore(dir).get('hostinger'));
    expect(error).toMatchObject({ reason: 'corrupt' });
    expect(await fs.promises.readFile(path.join(dir, 'hostinger.json'), 'utf8')).toBe(bytes);
  });

  it('list() reports a corrupt file through onWarning and still returns the good ones', async () => {
    const dir = await tempDir();
    const warnings: string[] = [];
    const store = new FileConfigStore(dir, { onWarning: (m) => warnings.push(m) });
    await store.save(config({ provider: 'good' }));
    const bad = path.join(dir, 'broken.json');
    await fs.promises.writeFile(bad, 'not json', { mode: 0o600 });
    await fs.promises.writeFile(path.join(dir, 'Bad Name.json'), '{}', { mode: 0o600 });

    expect((await store.list()).map((c) => c.provider)).toEqual(['good']);
    expect(warnings.some((w) => w.includes(bad) && /not valid JSON/.test(w))).toBe(true);
    expect(warnings.some((w) => w.includes('Bad Name.json'))).toBe(true);
    expect(await fs.promises.readFile(bad, 'utf8')).toBe('not json');
  });
});
