/**
 * `setec-hosting/testing`: tools for testing code that uses the SDK, and for testing providers.
 *
 * - {@link createMemoryProvider}: an in-memory provider with every capability and the SDK's DNS semantics.
 * - {@link testProvider} / {@link runConformance}: the conformance kit every provider (ours or a plugin's) runs.
 * - {@link createHostingerSimulator}: a stateful fake of the Hostinger API (fetch handler, msw handlers or a local server).
 * - {@link createDigitalOceanSimulator}: the same for DigitalOcean's API v2.
 * - {@link createHetznerSimulator}: the same for the Hetzner Cloud API (DNS, servers, SSH keys, prices).
 *
 * Importing this entry needs no test runner: `testProvider` looks vitest up only when it is called,
 * so `require('setec-hosting/testing')` works too (vitest itself refuses `require()`).
 *
 * @example
 * ```ts
 * import { createMemoryProvider, testProvider } from 'setec-hosting/testing';
 *
 * testProvider(() => createMemoryProvider(), { domain: 'example.com', name: 'memory' });
 * ```
 *
 * @module
 */
export { createHostingerSimulator, FAULT_HEADER, DNS_CONFLICT_MESSAGE } from './simulators/hostinger/index.js';
export type {
  HostingerSimulator,
  HostingerSimulatorOptions,
  MswRequestHandler,
  SimulatorFault,
  SimulatorRequestLog,
  SimulatorState,
  SimCatalogItem,
  SimCatalogPrice,
  SimDataCenter,
  SimDomain,
  SimIpAddress,
  SimOrder,
  SimPaymentMethod,
  SimPublicKey,
  SimRecordWire,
  SimRRsetWire,
  SimSubscription,
  SimTemplate,
  SimVirtualMachine,
  SimVmSnapshot,
  SimPostInstallScript,
  SimVmAction,
} from './simulators/hostinger/index.js';
export { createMemoryProvider } from './memory-provider/index.js';
export type { MemoryProviderOptions, MemorySeed, MemorySshKeySeed, MemoryTemplate } from './memory-provider/index.js';
export { conformanceChecks, runConformance, runCheck, testProvider, ConformanceError } from './conformance/index.js';
export type {
  ConformanceCheck,
  ConformanceContext,
  ConformanceOptions,
  ConformanceResult,
  ProviderFactory,
} from './conformance/index.js';
export { createDigitalOceanSimulator } from './simulators/digitalocean/index.js';
export type {
  DigitalOceanSimulator,
  DigitalOceanSimulatorOptions,
  DigitalOceanSimulatorState,
  DoAction,
  DoDomain,
  DoDroplet,
  DoDropletSnapshot,
  DoImage,
  DoRecordWire,
  DoRegion,
  DoSize,
  DoSshKey,
  Progress,
} from './simulators/digitalocean/index.js';
export { createHetznerSimulator } from './simulators/hetzner/index.js';
export type {
  HetznerSimulator,
  HetznerSimulatorOptions,
  HetznerSimulatorState,
  HzAction,
  HzImage,
  HzLocation,
  HzPrice,
  HzRecord,
  HzRRSet,
  HzServer,
  HzServerType,
  HzSshKey,
  HzZone,
} from './simulators/hetzner/index.js';
export type { ProviderSimulator } from './simulators/core/provider-simulator.js';
