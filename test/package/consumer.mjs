// Runs under plain Node (not vitest) so resolution is exactly what a consumer gets: the package's own
// `exports` map, self-referenced by name. Prints one JSON line for the test to check.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const entries = [
  'setec-hosting',
  'setec-hosting/hostinger',
  'setec-hosting/hostinger/register',
  'setec-hosting/http',
  'setec-hosting/testing',
  'setec-hosting/zone',
  'setec-hosting/unstorage',
  'setec-hosting/digitalocean',
  'setec-hosting/digitalocean/register',
  'setec-hosting/hetzner',
  'setec-hosting/hetzner/register',
  'setec-hosting/provider-kit',
  'setec-hosting/powerdns',
  'setec-hosting/powerdns/register',
  'setec-hosting/acme',
];
const report = { esm: {}, cjs: {} };
for (const entry of entries) {
  report.esm[entry] = Object.keys(await import(entry)).sort();
  report.cjs[entry] = Object.keys(require(entry)).sort();
}

const esm = await import('setec-hosting');
const cjs = require('setec-hosting');
esm.registerProvider({ name: 'from-esm', displayName: 'ESM', create: () => ({}) }, { replace: true });
report.cjsSeesEsmProvider = cjs.listProviders().some((d) => d.name === 'from-esm');
report.sameDefaultRegistry = esm.defaultRegistry() === cjs.defaultRegistry();
report.crossInstanceof = new esm.ErrNotSupported('x', 'vps.create') instanceof cjs.ErrNotSupported;
report.crossGuard = cjs.isRateLimitError(new esm.RateLimitError('slow', { retryAfter: 2 }));
report.crossGuardNegative = cjs.isRateLimitError(new esm.ValidationError('bad'));
report.registeredByImport = cjs.listProviders().map((d) => d.name);
console.log(JSON.stringify(report));
