import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { isPosix, openFlags, type FileConfigStoreFs } from './fs-util.js';

/**
 * Replaces `file` with `text` atomically: a 0600 temp file in the same directory, fsync, rename, then an
 * fsync of the directory. A crash leaves the old file or the new one; a failure removes the temp file.
 */
export async function writeFileAtomic(io: FileConfigStoreFs, file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await io.open(tmp, openFlags('create'), 0o600);
    if (isPosix()) await handle.chmod(0o600);
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await io.rename(tmp, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await io.unlink(tmp).catch(() => undefined);
    throw error;
  }
  await syncDir(io, dir);
}

/** Makes a rename or unlink durable; best effort (not every platform can fsync a directory). */
export async function syncDir(io: FileConfigStoreFs, dir: string): Promise<void> {
  try {
    const handle = await io.open(dir, fs.constants.O_RDONLY);
    await handle.sync().finally(() => handle.close());
  } catch {
    // ignored on purpose
  }
}
