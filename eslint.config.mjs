// Lint rules that keep the layout honest: small files, and imports that point one way between layers
// (core imports nothing outside core; the adapter kit knows no adapter; entries do not reach into each
// other). Formatting is prettier's job (`npm run format:check`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Import patterns a layer must not use. */
const outside = (...folders) => folders.flatMap((f) => [`../${f}/*`, `../../${f}/*`, `../${f}`, `../../${f}`]);

export default tseslint.config(
  { ignores: ['dist/**', 'docs/api/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Input checks match control characters on purpose, to refuse them.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...outside(
                  'config',
                  'kit',
                  'hostinger',
                  'digitalocean',
                  'hetzner',
                  'powerdns',
                  'http',
                  'testing',
                  'zone',
                  'cli',
                  'unstorage',
                ),
                'ky',
                'zod',
                'zod/*',
                'hono',
                'hono/*',
              ],
              message: 'core/ is the model: it imports nothing outside core/ but Node built-ins.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/kit/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: outside(
                'config',
                'hostinger',
                'digitalocean',
                'hetzner',
                'powerdns',
                'http',
                'testing',
                'zone',
                'cli',
                'unstorage',
              ),
              message: 'The adapter kit is shared by every adapter: it imports only core/ and libraries.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/hostinger/**/*.ts', 'src/digitalocean/**/*.ts', 'src/hetzner/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: outside('http', 'testing', 'zone', 'cli', 'unstorage', 'config', 'powerdns'),
              message: 'An adapter builds on core/ and kit/ only; other entries use it, not the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    // PowerDNS is the proof that a provider needs nothing but the public entries.
    files: ['src/powerdns/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Anything above this folder but the two entry files.
              regex: '^\\.\\./(?!(index|provider-kit/index)\\.js$)',
              message:
                'The PowerDNS adapter is built on the public entries only: setec-hosting (../index.js) and setec-hosting/provider-kit (../provider-kit/index.js).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/testing/simulators/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: outside('hostinger', 'digitalocean', 'hetzner'),
              message: 'The simulator core is shared by every provider simulator: it knows none of them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/testing/simulators/hostinger/**/*.ts',
      'src/testing/simulators/digitalocean/**/*.ts',
      'src/testing/simulators/hetzner/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: outside('hostinger', 'digitalocean', 'hetzner'),
              message: 'A provider simulator builds on simulators/core/ only, never on another provider simulator.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'examples/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.config.*'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // A test file reads as one behaviour's story; it may run longer than a source file.
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
);
