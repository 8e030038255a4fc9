import { createHostingerProvider } from '../../src/hostinger/index.js';
import { testProvider } from '../../src/testing/index.js';
import { useSimulatorServer } from '../support/msw.js';

// The Hostinger adapter runs the same conformance kit as every provider, against the simulator
// (every request it sends is checked against Hostinger's OpenAPI spec by useSimulatorServer).
const { sim, baseUrl } = useSimulatorServer();
testProvider(() => createHostingerProvider({ apiKey: sim.token, baseUrl }), {
  domain: 'example.com',
  name: 'hostinger',
});
