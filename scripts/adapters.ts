/**
 * The adapters this repository ships: one line each. The `exports` map, `sideEffects`, the tsup entries,
 * the size budgets, the README feature table, typedoc, the path aliases and the CLI's registered providers
 * follow this list; test/package/adapter-list.test.ts fails when one of them disagrees.
 */
import type { Provider } from 'setec-hosting';
import { createDigitalOceanProvider } from 'setec-hosting/digitalocean';
import { createHetznerProvider } from 'setec-hosting/hetzner';
import { createHostingerProvider } from 'setec-hosting/hostinger';
import { createPowerDnsProvider } from 'setec-hosting/powerdns';

/** One adapter: its folder under `src/` (also its registry name), its label and a provider for the feature table. */
export interface AdapterEntry {
  name: string;
  displayName: string;
  /** The factory a consumer calls (a size budget measures it). */
  factory: string;
  /** Builds a provider for the feature table; nothing is sent. */
  sample: () => Provider;
  /** Methods present but answering `ErrNotSupported`. */
  unsupported?: string[];
}

export const ADAPTERS: AdapterEntry[] = [
  {
    name: 'hostinger',
    displayName: 'Hostinger',
    factory: 'createHostingerProvider',
    sample: () => createHostingerProvider({ apiKey: 'unused' }),
    // Hostinger's machines are subscriptions: vps.delete is there and throws ErrNotSupported.
    unsupported: ['vps.delete'],
  },
  {
    name: 'digitalocean',
    displayName: 'DigitalOcean',
    factory: 'createDigitalOceanProvider',
    sample: () => createDigitalOceanProvider({ apiKey: 'unused' }),
    unsupported: ['listSubscriptions'],
  },
  {
    name: 'hetzner',
    displayName: 'Hetzner',
    factory: 'createHetznerProvider',
    sample: () => createHetznerProvider({ apiKey: 'unused' }),
    unsupported: ['listSubscriptions'],
  },
  {
    name: 'powerdns',
    displayName: 'PowerDNS',
    factory: 'createPowerDnsProvider',
    sample: () => createPowerDnsProvider({ apiKey: 'unused', baseUrl: 'http://127.0.0.1:8081' }),
  },
];
