import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'hostinger/index': 'src/hostinger/index.ts',
    'hostinger/register': 'src/hostinger/register.ts',
    'http/index': 'src/http/index.ts',
    'testing/index': 'src/testing/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  // Shared chunks keep one copy of core code per format, so the registry and error brands
  // are defined once per build; the global symbols make the two builds agree with each other.
  splitting: true,
  treeshake: true,
  target: 'node20',
  sourcemap: false,
  external: ['vitest', 'msw', 'msw/node'],
});
