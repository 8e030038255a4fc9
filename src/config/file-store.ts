import fs from 'node:fs';
import path from 'node:path';
import { ConfigStoreError, ValidationError } from '../core/errors.js';
import { syncDir, writeFileAtomic } from './atomic-write.js';
import { decodeStoredConfig } from './stored-config.js';
import {
  assertProviderName,
  checkChangedConfig,
  normalizeProviderConfig,
  type ConfigChange,
  type ConfigStore,
  type ProviderConfig,
} from './config-store.js';
import { withFileLock } from './file-lock.js';
import { sweepLeftovers } from './leftovers.js';
import { codeOf, isPosix, lstatIfExists, openFlags, type FileConfigStoreFs } from './fs-util.js';

export type { FileConfigStoreFs } from './fs-util.js';

/** Options of {@link FileConfigStore}. */
export interface FileConfigStoreOptions {
  /**
   * Receives warnings: a config file whose mode was repaired to 0600, a corrupt or refused file skipped by `list()`.
   * Each distinct message is reported once per store.
   * @default (message) => process.emitWarning(message, { code: 'SETEC_HOSTING_CONFIG' })
   */
  onWarning?: (message: string) => void;
  /**
   * How long (ms) a `<provider>.json.lock` file may stand when its owner cannot be checked: a lock from
   * another host (a shared network directory) or one with no owner recorded is broken once older than
   * this. A lock whose owner on this host is gone is broken at once; a live owner is waited for (up to
   * three times this, then `ConfigStoreError` with `reason: 'locked'`).
   * @default 10000
   */
  staleLockMs?: number;
  /**
   * The file system functions to use.
   * @default fs.promises (looked up at call time, so `vi.spyOn(fs.promises, ...)` sees every call)
   */
  fs?: FileConfigStoreFs;
}

const FILE_NAME = /^(.+)\.json$/;

/**
 * A {@link ConfigStore} that keeps one `<provider>.json` per provider in a directory: the
 * directory is 0700 and each file 0600 whatever the umask, writes are atomic (temp file, fsync, rename)
 * and serialised across processes by a `<provider>.json.lock` file that records its owner, so a lock
 * left by a crashed process is broken at once. Temp files a crash left behind are removed by the next
 * save or delete of that provider.
 *
 * Refused, never followed: a symlinked directory or file, a directory owned by another user.
 * A file readable by others is tightened to 0600 before its secrets are returned, with a warning.
 * `list()` reports a corrupt or refused file through `onWarning` and returns the others; `get()` throws.
 *
 * @example
 * ```ts
 * const store = new FileConfigStore('/opt/setec-manager/data/hosting');
 * await store.save({ provider: 'hostinger', api_key: token, api_secret: '', extra: {}, connected: true });
 * const config = await store.get('hostinger');
 * ```
 */
export class FileConfigStore implements ConfigStore {
  /** The absolute directory path. */
  readonly dir: string;
  readonly #fs: FileConfigStoreFs | undefined;
  readonly #staleLockMs: number;
  readonly #onWarning: (message: string) => void;
  readonly #warned = new Set<string>();

  /** @throws {ValidationError} when `dir` is not a non-empty string. */
  constructor(dir: string, options: FileConfigStoreOptions = {}) {
    if (typeof dir !== 'string' || dir.length === 0 || dir.includes('\0')) {
      throw new ValidationError('dir must be a non-empty path', { fields: { dir: ['must be a non-empty path'] } });
    }
    this.dir = path.resolve(dir);
    this.#fs = options.fs;
    this.#staleLockMs = options.staleLockMs ?? 10_000;
    this.#onWarning =
      options.onWarning ?? ((message) => process.emitWarning(message, { code: 'SETEC_HOSTING_CONFIG' }));
  }

  get #io(): FileConfigStoreFs {
    return this.#fs ?? fs.promises;
  }

  /**
   * Reads one provider's config; `undefined` when none is stored.
   * @throws {ValidationError} for a malformed provider name (before any file system call).
   * @throws {ConfigStoreError} for a corrupt file (left untouched), a symlink, or an unsafe directory.
   */
  async get(provider: string): Promise<ProviderConfig | undefined> {
    assertProviderName(provider);
    if (!(await this.#checkDir(false))) return undefined;
    return this.#read(provider);
  }

  /**
   * Writes one provider's config atomically, creating the directory (0700) when needed.
   * @throws {ValidationError} for a malformed config or provider name (before any file system call).
   * @throws {ConfigStoreError} when the file is a symlink or the directory is unsafe.
   */
  async save(config: ProviderConfig): Promise<void> {
    const clean = normalizeProviderConfig(config);
    await this.#checkDir(true);
    await this.#withLock(clean.provider, () => this.#write(clean));
  }

  /**
   * Reads, changes and writes one provider's config under the lock, so concurrent updates
   * (in this process or others) are never lost.
   * @throws {ValidationError} for a malformed provider name, or when `change` returns a config for another provider.
   * @throws {ConfigStoreError} as {@link FileConfigStore.get} and {@link FileConfigStore.save}.
   * @example
   * ```ts
   * await store.update('hostinger', (c) => ({ ...c!, connected: true }));
   * ```
   */
  async update(provider: string, change: ConfigChange): Promise<ProviderConfig | undefined> {
    assertProviderName(provider);
    await this.#checkDir(true);
    return this.#withLock(provider, async () => {
      const next = checkChangedConfig(provider, change(await this.#read(provider)));
      if (next) await this.#write(next);
      else await this.#remove(provider);
      return next;
    });
  }

  /**
   * Removes one provider's config; `false` when none was stored.
   * @throws {ValidationError} for a malformed provider name (before any file system call).
   * @throws {ConfigStoreError} when the file is a symlink or the directory is unsafe.
   */
  async delete(provider: string): Promise<boolean> {
    assertProviderName(provider);
    if (!(await this.#checkDir(false))) return false;
    return this.#withLock(provider, () => this.#remove(provider));
  }

  /** Unlinks one provider's file; the caller holds its lock. */
  async #remove(provider: string): Promise<boolean> {
    const file = this.#file(provider);
    const st = await this.#lstat(file);
    if (!st) return false;
    if (st.isSymbolicLink()) throw this.#symlink(file);
    await this.#io.unlink(file);
    await syncDir(this.#io, this.dir);
    return true;
  }

  /**
   * Every stored config, sorted by provider. A corrupt or refused `*.json` file is reported through
   * `onWarning` (never silently skipped) and left as it is; the other configs are still returned.
   * @throws {ConfigStoreError} when the directory itself is unsafe.
   */
  async list(): Promise<ProviderConfig[]> {
    if (!(await this.#checkDir(false))) return [];
    const entries = (await this.#io.readdir(this.dir)).map(String).sort();
    const configs: ProviderConfig[] = [];
    for (const entry of entries) {
      const provider = FILE_NAME.exec(entry)?.[1];
      if (provider === undefined || entry.startsWith('.')) continue;
      const file = path.join(this.dir, entry);
      try {
        assertProviderName(provider);
      } catch {
        this.#warn(`Ignoring ${file}: the file name is not a valid provider name`);
        continue;
      }
      try {
        const config = await this.#read(provider);
        if (config) configs.push(config);
      } catch (error) {
        if (!(error instanceof ConfigStoreError)) throw error;
        this.#warn(`Skipping ${file}: ${error.message}`);
      }
    }
    return configs;
  }

  #file(provider: string): string {
    return path.join(this.dir, `${provider}.json`);
  }

  #lstat(p: string): Promise<fs.Stats | undefined> {
    return lstatIfExists(this.#io, p);
  }

  #warn(message: string): void {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    this.#onWarning(message);
  }

  #symlink(p: string): ConfigStoreError {
    return new ConfigStoreError(`${p} is a symbolic link; refusing to follow it`, { reason: 'symlink', path: p });
  }

  /** Checks (and with `create`, makes) the directory: real directory, ours, exactly 0700. `false` when missing. */
  async #checkDir(create: boolean): Promise<boolean> {
    let st = await this.#lstat(this.dir);
    if (!st) {
      if (!create) return false;
      await this.#io.mkdir(this.dir, { recursive: true, mode: 0o700 });
      st = await this.#io.lstat(this.dir);
    }
    if (st.isSymbolicLink()) throw this.#symlink(this.dir);
    if (!st.isDirectory()) {
      throw new ConfigStoreError(`${this.dir} is not a directory`, { reason: 'not_a_directory', path: this.dir });
    }
    const uid = process.getuid?.();
    if (uid !== undefined && st.uid !== uid) {
      throw new ConfigStoreError(
        `${this.dir} is owned by uid ${st.uid}, not by this process (uid ${uid}); refusing to use it`,
        {
          reason: 'foreign_owner',
          path: this.dir,
        },
      );
    }
    // mkdir's mode is filtered by the umask and never changes an existing directory: set it explicitly.
    if (isPosix() && (st.mode & 0o777) !== 0o700) await this.#io.chmod(this.dir, 0o700);
    return true;
  }

  async #read(provider: string): Promise<ProviderConfig | undefined> {
    const file = this.#file(provider);
    const st = await this.#lstat(file);
    if (!st) return undefined;
    if (st.isSymbolicLink()) throw this.#symlink(file);
    let handle: fs.promises.FileHandle;
    try {
      handle = await this.#io.open(file, openFlags('read'));
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return undefined;
      if (codeOf(error) === 'ELOOP') throw this.#symlink(file);
      throw error;
    }
    let text: string;
    try {
      const fst = await handle.stat();
      if (!fst.isFile())
        throw new ConfigStoreError(`${file} is not a regular file`, { reason: 'not_a_file', path: file });
      const uid = process.getuid?.();
      if (uid !== undefined && fst.uid !== uid) {
        throw new ConfigStoreError(`${file} is owned by uid ${fst.uid}; refusing to read it`, {
          reason: 'foreign_owner',
          path: file,
        });
      }
      if (isPosix() && (fst.mode & 0o077) !== 0) {
        await handle.chmod(0o600);
        this.#warn(`${file} was readable by others (mode ${(fst.mode & 0o777).toString(8)}); its mode is now 600`);
      }
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
    return this.#parse(provider, file, text);
  }

  #parse(provider: string, file: string, text: string): ProviderConfig {
    return decodeStoredConfig(text, provider, `Config file ${file}`, file);
  }

  async #write(config: ProviderConfig): Promise<void> {
    const file = this.#file(config.provider);
    const st = await this.#lstat(file);
    if (st?.isSymbolicLink()) throw this.#symlink(file);
    if (st && !st.isFile())
      throw new ConfigStoreError(`${file} is not a regular file`, { reason: 'not_a_file', path: file });
    await writeFileAtomic(this.#io, file, JSON.stringify(config, null, 2));
  }

  #withLock<T>(provider: string, fn: () => Promise<T>): Promise<T> {
    // The fs is looked up at each call (see the `fs` option), hence a function.
    return withFileLock(
      () => this.#io,
      `${this.#file(provider)}.lock`,
      this.#staleLockMs,
      async () => {
        // Temp copies left by a crashed writer hold the api_key: they go on the next save or delete.
        for (const file of await sweepLeftovers(this.#io, this.dir, provider, this.#staleLockMs)) {
          this.#warn(`Could not remove ${file}, left behind by an interrupted save`);
        }
        return fn();
      },
    );
  }

  toJSON(): { dir: string } {
    return { dir: this.dir };
  }
}
