/**
 * A stateful in-memory fake of the Hostinger API for tests: `fetch`, msw handlers or a real HTTP server.
 * @module
 */
export { createHostingerSimulator, type HostingerSimulator, type HostingerSimulatorOptions } from './simulator.js';
export type { MswRequestHandler, SimulatorRequestLog } from '../core/provider-simulator.js';
export { FAULT_HEADER, type SimulatorFault } from '../core/faults.js';
export { DNS_CONFLICT_MESSAGE } from './dns.js';
export type {
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
  SimulatorState,
  SimVirtualMachine,
  SimVmSnapshot,
  SimPostInstallScript,
  SimVmAction,
} from './state.js';
