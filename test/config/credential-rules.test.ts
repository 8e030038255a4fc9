import { describe, expect, it } from 'vitest';
import type { ConfigStore, ProviderConfig } from '../../src/config/config-store.js';
import { configureCredentials, removeCredentials, testCredentials } from '../../src/config/credential-flow.js';
import { MemoryConfigStore } from '../../src/config/memory-store.js';
import {
  AuthenticationError,
  NotFoundError,
  ProviderAPIError,
  ValidationError,
  type HostingError,
} from '../../src/core/errors.js';
import type { Provider } from '../../src/core/provider.js';
import { rejectionOf } from './helpers.js';

/** A store without `update`, as a custom store may be: the flow falls back to a read then a write. */
class PlainStore implements ConfigStore {
  readonly #inner = new MemoryConfigStore();
  get = (provider: string) => this.#inner.get(provider);
  save = (config: ProviderConfig) => this.#inner.save(config);
  delete = (provider: string) => this.#inner.delete(provider);
  list = () => this.#inner.list();
}

/**
 * A provider whose connection test answers what `outcome` says for the key it was built with, optionally
 * the next one waiting while held. `built` lists the keys providers were built from.
 */
function fakeProvider(outcome: (key: string) => HostingError | undefined = () => undefined) {
  const built: string[] = [];
  let gate: { entered: () => void; opened: Promise<void> } | undefined;
  const flow = {
    build(config: ProviderConfig): Provider {
      if (config.extra.base_url === 'not-a-url') throw new ValidationError('Invalid base URL');
      built.push(config.api_key);
      return {
        name: 'tiny',
        displayName: 'Tiny',
        async testConnection() {
          const held = gate;
          gate = undefined;
          if (held) {
            held.entered();
            await held.opened;
          }
          const error = outcome(config.api_key);
          if (error) throw error;
        },
      };
    },
  };
  /** Makes the next test wait; `started` resolves once it is running, `finish()` lets it end. */
  const hold = () => {
    let entered!: () => void;
    let finish!: () => void;
    const started = new Promise<void>((resolve) => (entered = resolve));
    gate = { entered, opened: new Promise<void>((resolve) => (finish = resolve)) };
    return { started, finish };
  };
  return { flow, built, hold };
}

const refused = (key: string) => (key === 'bad' ? new AuthenticationError('The API token was rejected') : undefined);

describe.each([
  ['with update()', () => new MemoryConfigStore()],
  ['without update()', () => new PlainStore()],
])('credential flow on a store %s', (_title, makeStore) => {
  it('a slow test that finishes after a remove leaves the provider removed', async () => {
    const store = makeStore();
    const { flow, hold } = fakeProvider();
    await configureCredentials(store, 'tiny', { api_key: 'k1' }, flow);
    const held = hold();
    const testing = testCredentials(store, 'tiny', flow);
    await held.started;
    await removeCredentials(store, 'tiny');
    held.finish();
    expect(await testing).toMatchObject({ api_key: 'k1', connected: true });
    expect(await store.get('tiny')).toBeUndefined();
  });

  it('a slow refused test that finishes after a new key was configured leaves the new key as configured', async () => {
    const store = makeStore();
    const { flow, hold } = fakeProvider(refused);
    await configureCredentials(store, 'tiny', { api_key: 'bad' }, flow);
    const held = hold();
    const testing = testCredentials(store, 'tiny', flow);
    await held.started;
    await configureCredentials(store, 'tiny', { api_key: 'good' }, flow);
    await testCredentials(store, 'tiny', flow);
    held.finish();
    expect((await rejectionOf(testing)).name).toBe('AuthenticationError');
    expect(await store.get('tiny')).toMatchObject({ api_key: 'good', connected: true });
  });
});

describe('credential flow: what is stored, and when connected changes', () => {
  it('a failure that is not a refusal (a 5xx) leaves connected as it was', async () => {
    const store = new MemoryConfigStore();
    let down = false;
    const { flow } = fakeProvider(() => (down ? new ProviderAPIError('Bad gateway', { status: 502 }) : undefined));
    await configureCredentials(store, 'tiny', { api_key: 'k1' }, flow);
    await testCredentials(store, 'tiny', flow);
    down = true;
    expect((await rejectionOf(testCredentials(store, 'tiny', flow))).name).toBe('ProviderAPIError');
    expect(await store.get('tiny')).toMatchObject({ connected: true });
  });

  it('configure with a test stores nothing when the key is refused, and stores it connected when it works', async () => {
    const store = new MemoryConfigStore();
    const { flow } = fakeProvider(refused);
    const failing = configureCredentials(store, 'tiny', { api_key: 'bad' }, { ...flow, test: true });
    expect((await rejectionOf(failing)).name).toBe('AuthenticationError');
    expect(await store.get('tiny')).toBeUndefined();
    await configureCredentials(store, 'tiny', { api_key: 'k1', extra: { region: 'eu' } }, { ...flow, test: true });
    expect(await store.get('tiny')).toEqual({
      provider: 'tiny',
      api_key: 'k1',
      api_secret: '',
      extra: { region: 'eu' },
      connected: true,
    });
  });

  it('settings the provider refuses are never stored, and the stored config stays as it was', async () => {
    const store = new MemoryConfigStore();
    const { flow, built } = fakeProvider();
    await configureCredentials(store, 'tiny', { api_key: 'k1', extra: { base_url: 'https://a.example' } }, flow);
    const before = await store.get('tiny');
    const bad = configureCredentials(store, 'tiny', { api_key: 'k2', extra: { base_url: 'not-a-url' } }, flow);
    expect(await rejectionOf(bad)).toBeInstanceOf(ValidationError);
    expect(await store.get('tiny')).toEqual(before);
    expect(built).toEqual(['k1']);
  });

  it('no key given and none stored is a ValidationError naming api_key, before any provider is built', async () => {
    const { flow, built } = fakeProvider();
    const error = await rejectionOf(configureCredentials(new MemoryConfigStore(), 'tiny', {}, flow));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fields).toEqual({ api_key: ['is required'] });
    expect(built).toEqual([]);
  });

  it('testing credentials that are not stored records nothing; testing exactly the stored ones does', async () => {
    const store = new MemoryConfigStore();
    const { flow } = fakeProvider();
    await configureCredentials(store, 'tiny', { api_key: 'k1', api_secret: 's1' }, flow);
    await testCredentials(store, 'tiny', { ...flow, input: { api_key: 'k2' } });
    expect(await store.get('tiny')).toMatchObject({ api_key: 'k1', connected: false });
    await testCredentials(store, 'tiny', { ...flow, input: { api_key: 'k1' } });
    expect(await store.get('tiny')).toMatchObject({ api_key: 'k1', api_secret: 's1', connected: true });
  });

  it('testing or removing a provider with nothing stored fails, a ValidationError and a NotFoundError', async () => {
    const store = new MemoryConfigStore();
    const { flow, built } = fakeProvider();
    expect(await rejectionOf(testCredentials(store, 'tiny', flow))).toBeInstanceOf(ValidationError);
    expect(await rejectionOf(removeCredentials(store, 'tiny'))).toBeInstanceOf(NotFoundError);
    expect(built).toEqual([]);
  });
});
