/**
 * A stateful in-memory fake of the DigitalOcean API v2 for tests: `fetch`, msw handlers or a real HTTP server.
 * @module
 */
export {
  createDigitalOceanSimulator,
  type DigitalOceanSimulator,
  type DigitalOceanSimulatorOptions,
} from './simulator.js';
export type {
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
} from './state.js';
export type { Progress } from '../core/progress.js';
