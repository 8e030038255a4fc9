import { defaultRegistry, type ProviderRegistry } from '../core/registry.js';
import type { Provider } from '../core/provider.js';
import type { ConfigStore } from './config-store.js';

/**
 * The usual start-up step: builds a configured {@link Provider} for every stored
 * config whose provider is registered. Configs of unregistered providers are skipped.
 *
 * @example
 * ```ts
 * import 'setec-hosting/hostinger/register';
 * const providers = await configureFromStore(new FileConfigStore('/opt/app/data/hosting'));
 * ```
 */
export async function configureFromStore(
  store: ConfigStore,
  registry: ProviderRegistry = defaultRegistry(),
): Promise<Provider[]> {
  const registered = new Set(registry.listProviders().map((d) => d.name));
  const configs = await store.list();
  return configs.filter((c) => registered.has(c.provider)).map((c) => registry.createProvider(c.provider, c));
}
