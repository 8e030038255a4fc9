/**
 * A stateful in-memory fake of the Hostinger API for tests: `fetch`, msw handlers or a real HTTP server.
 * @module
 */
export {
  createHostingerSimulator,
  type HostingerSimulator,
  type HostingerSimulatorOptions,
  type MswRequestHandler,
  type SimulatorRequestLog,
} from './simulator.js';
export { FAULT_HEADER, type SimulatorFault } from './faults.js';
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
} from './state.js';
