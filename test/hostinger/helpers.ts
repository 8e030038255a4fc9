/** Small shared pieces of the Hostinger adapter tests (plain msw handlers, fake-timer settling). */
import { vi } from 'vitest';
import { createHostingerProvider, type HostingerProviderOptions } from '../../src/hostinger/index.js';

export const BASE = 'https://developers.hostinger.com';
/** A canary token: it must never show up in an error, a log line or an inspect output. */
export const CANARY = 'canary-TOKEN-5f1d2c3b4a';

export function makeProvider(options: Partial<HostingerProviderOptions> = {}) {
  return createHostingerProvider({ apiKey: CANARY, ...options });
}

/** Lets a promise run to completion under fake timers, sleeping through every back-off. */
export async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  return outcome;
}

/** A seeded pseudo-random source (mulberry32) for deterministic jitter. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
