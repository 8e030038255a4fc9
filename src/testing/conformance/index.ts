/**
 * The provider conformance kit: the named checks, a programmatic runner and the vitest wrapper.
 *
 * @module
 */
export { conformanceChecks, runConformance, runCheck } from './run.js';
export type { ProviderFactory } from './run.js';
export { testProvider } from './test-provider.js';
export { ConformanceError } from './assert.js';
export type { ConformanceCheck, ConformanceContext, ConformanceOptions, ConformanceResult } from './types.js';
