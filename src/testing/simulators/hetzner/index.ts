/**
 * A stateful in-memory fake of the Hetzner Cloud API for tests: `fetch`, msw handlers or a real HTTP server.
 * @module
 */
export { createHetznerSimulator, type HetznerSimulator, type HetznerSimulatorOptions } from './simulator.js';
export type {
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
} from './state.js';
