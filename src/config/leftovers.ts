import path from 'node:path';
import { codeOf, lstatIfExists, type FileConfigStoreFs } from './fs-util.js';
import { pidIsGone } from './lock-owner.js';

/**
 * Removes what crashed writers of one provider left in `dir`: temp copies of its file
 * (`.<provider>.json.<pid>.<hex>.tmp`, which hold the api_key) and the lock's own temp files
 * (`.<provider>.json.lock.<pid>.<hex>.tmp|broken`) whose process is gone or that are older than
 * `staleLockMs`. The caller holds the provider's lock, so no live writer is using a temp copy.
 * Resolves to the files it could not remove.
 */
export async function sweepLeftovers(
  io: FileConfigStoreFs,
  dir: string,
  provider: string,
  staleLockMs: number,
): Promise<string[]> {
  const copy = new RegExp(`^\\.${provider}\\.json\\.\\d+\\.[0-9a-f]+\\.tmp$`);
  const side = new RegExp(`^\\.${provider}\\.json\\.lock\\.(\\d+)\\.[0-9a-f]+\\.(?:tmp|broken)$`);
  const failed: string[] = [];
  for (const entry of (await io.readdir(dir)).map(String)) {
    const file = path.join(dir, entry);
    const pid = side.exec(entry)?.[1];
    let remove = copy.test(entry);
    if (pid !== undefined) {
      const st = await lstatIfExists(io, file);
      remove = pidIsGone(Number(pid)) || (st !== undefined && Date.now() - st.mtimeMs > staleLockMs);
    }
    if (!remove) continue;
    try {
      await io.unlink(file);
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') failed.push(file);
    }
  }
  return failed;
}
