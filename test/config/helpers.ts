import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { ProviderConfig } from '../../src/config/config-store.js';

export const CANARY = 'canary-token-7f3a9c1e5b';

/** A fresh temp directory per call, removed after the test. */
const dirs: string[] = [];
export async function tempDir(): Promise<string> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'setec-config-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await fs.promises.rm(dir, { recursive: true, force: true });
});

export function config(overrides: Partial<ProviderConfig> = {}): ProviderConfig {
  return { provider: 'hostinger', api_key: CANARY, api_secret: '', extra: {}, connected: true, ...overrides };
}

export const modeOf = async (p: string) => (await fs.promises.stat(p)).mode & 0o777;

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the promise to reject');
}
