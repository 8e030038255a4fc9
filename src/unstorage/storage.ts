/**
 * The part of an unstorage `Storage` this entry uses. Declared structurally so that this entry imports nothing
 * from `unstorage` at run time: any `createStorage()` result fits, whatever the driver.
 */
export interface UnstorageLike {
  getItem(key: string): Promise<unknown>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
  getKeys(base?: string): Promise<string[]>;
  /** unstorage's mount lookup; used to find a Redis driver's client for {@link UnstorageConfigStore.update}. */
  getMount?(key?: string): { base: string; driver: UnstorageDriverLike };
}

/** The part of an unstorage driver this entry looks at. */
export interface UnstorageDriverLike {
  name?: string;
  // unstorage types driver options as `any`; only `base` and `ttl` of the redis driver are read.
  options?: unknown;
  getInstance?: () => unknown;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A random wait of up to `maxMs` (at least 1 ms), so competing writers spread out. */
export function jitter(maxMs: number): Promise<void> {
  return sleep(1 + Math.random() * Math.max(0, maxMs - 1));
}

export { sleep };

// One queue per storage and key: calls in this process wait for each other instead of competing through the store.
const queues = new WeakMap<object, Map<string, Promise<void>>>();

/** Runs `fn` after every earlier call for the same storage and key in this process has finished. */
export async function inProcessQueue<T>(storage: object, key: string, fn: () => Promise<T>): Promise<T> {
  let perStorage = queues.get(storage);
  if (!perStorage) queues.set(storage, (perStorage = new Map()));
  const previous = perStorage.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = previous.then(() => new Promise<void>((resolve) => (release = resolve)));
  perStorage.set(key, mine);
  await previous;
  try {
    return await fn();
  } finally {
    release();
    if (perStorage.get(key) === mine) perStorage.delete(key);
  }
}
