import fs from 'node:fs';

/**
 * The `node:fs/promises` functions the file store uses (injectable for tests). Without `link`, a lock
 * file is created in place and its owner written just after (a crash in between leaves a lock only
 * its age can break).
 */
export type FileConfigStoreFs = Pick<
  typeof fs.promises,
  'lstat' | 'mkdir' | 'chmod' | 'open' | 'rename' | 'unlink' | 'readdir'
> &
  Partial<Pick<typeof fs.promises, 'link'>>;

// Read at call time, not at import: a module without top-level side effects is dropped by bundlers when unused.
export const openFlags = (kind: 'read' | 'create'): number =>
  (kind === 'read' ? fs.constants.O_RDONLY : fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY) |
  (fs.constants.O_NOFOLLOW ?? 0);
export const isPosix = (): boolean => process.platform !== 'win32';
export const codeOf = (error: unknown): string | undefined => (error as { code?: string } | null)?.code;

/** `lstat`, or `undefined` when nothing is there. */
export async function lstatIfExists(io: FileConfigStoreFs, p: string): Promise<fs.Stats | undefined> {
  try {
    return await io.lstat(p);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw error;
  }
}
