import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// `VERSION` (src/version.ts) is package.json's version, written into the build.
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const define = { __SETEC_HOSTING_VERSION__: JSON.stringify(version) };

const shared: Options = {
  entry: {
    index: 'src/index.ts',
    'hostinger/index': 'src/hostinger/index.ts',
    'hostinger/register': 'src/hostinger/register.ts',
    'http/index': 'src/http/index.ts',
    'testing/index': 'src/testing/index.ts',
    'zone/index': 'src/zone/index.ts',
    'unstorage/index': 'src/unstorage/index.ts',
    'digitalocean/index': 'src/digitalocean/index.ts',
    'digitalocean/register': 'src/digitalocean/register.ts',
    'hetzner/index': 'src/hetzner/index.ts',
    'hetzner/register': 'src/hetzner/register.ts',
    'provider-kit/index': 'src/provider-kit/index.ts',
    'powerdns/index': 'src/powerdns/index.ts',
    'powerdns/register': 'src/powerdns/register.ts',
    'acme/index': 'src/acme/index.ts',
    // Internal (not in `exports`): one file per Hostinger capability, so that a bundler drops the
    // groups a consumer does not use (e.g. `createHostingerDns` alone bundles no VPS or billing code).
    'hostinger/internal/dns': 'src/hostinger/dns.ts',
    'hostinger/internal/domains': 'src/hostinger/domains.ts',
    'hostinger/internal/vps': 'src/hostinger/vps.ts',
    'hostinger/internal/ssh-keys': 'src/hostinger/ssh-keys.ts',
    'hostinger/internal/billing': 'src/hostinger/billing.ts',
  },
  dts: true,
  // Shared chunks keep one copy of core code per format, so the registry and error brands are defined
  // once per build; global symbols make the two builds agree with each other.
  splitting: true,
  treeshake: true,
  target: 'node20',
  sourcemap: false,
  external: ['vitest', 'msw', 'msw/node'],
  define,
};

export default defineConfig([
  { ...shared, format: 'esm' },
  {
    ...shared,
    format: 'cjs',
    // ky 1.x ships ESM only: `require('ky')` needs Node >= 20.19 (require(esm)) and fails under tsx's
    // CJS loader. Bundling it into the CJS build keeps `require('setec-hosting/hostinger')` working on
    // every Node 20 release.
    noExternal: ['ky'],
  },
  {
    // The `setec-hosting` bin: its own build, so no library entry bundles CLI code. Commands load the
    // adapters through dynamic imports (separate chunks), which keeps `--help` fast; ky and zod are bundled
    // into the adapter chunk because resolving and compiling zod's many files cost a cold `dns list` about
    // 200 ms of CPU (bench/cli-start.bench.ts).
    entry: { index: 'src/cli/bin.ts' },
    outDir: 'dist/cli',
    format: 'esm',
    splitting: true,
    treeshake: true,
    target: 'node20',
    sourcemap: false,
    dts: false,
    external: ['vitest', 'msw', 'msw/node'],
    noExternal: ['ky', 'zod'],
    define,
  },
]);
