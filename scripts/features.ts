/**
 * Builds the README's feature table from the code: for each provider, which capability groups it has
 * and which of their methods are implemented. `npx tsx scripts/features.ts` prints it; `--write`
 * replaces the table between the markers in README.md; test/readme.test.ts fails when they differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CAPABILITY_NAMES, type CapabilityName, type Provider } from 'setec-hosting';
import { createMemoryProvider } from 'setec-hosting/testing';
import { createPocketDns } from '../examples/custom-provider.js';
import { ADAPTERS } from './adapters.js';

const GROUPS: Record<CapabilityName, { label: string; methods: string[] }> = {
  dns: { label: 'DNS', methods: ['list', 'create', 'update', 'delete', 'reset'] },
  domains: {
    label: 'Domains',
    methods: [
      'list',
      'get',
      'checkAvailability',
      'purchase',
      'setNameservers',
      'enableLock',
      'disableLock',
      'enablePrivacy',
      'disablePrivacy',
    ],
  },
  vps: {
    label: 'VPS',
    methods: [
      'list',
      'get',
      'create',
      'listDataCenters',
      'start',
      'stop',
      'restart',
      'waitFor',
      'delete',
      'listSnapshots',
      'createSnapshot',
      'restoreSnapshot',
      'deleteSnapshot',
    ],
  },
  sshKeys: { label: 'SSH keys', methods: ['list', 'add', 'delete'] },
  billing: { label: 'Billing', methods: ['listSubscriptions', 'getCatalog'] },
};

/** The markdown table, one row per capability group, one column per provider. */
export function featureTable(): string {
  const providers: [string, Provider, string[]?][] = [
    // One column per adapter of the list; a method answering ErrNotSupported is not counted.
    ...ADAPTERS.map((a): [string, Provider, string[]?] => [a.displayName, a.sample(), a.unsupported]),
    ['Memory (`setec-hosting/testing`)', createMemoryProvider()],
    ['Pocket DNS (example plugin)', createPocketDns()],
  ];
  const header = `| Capability | ${providers.map(([label]) => label).join(' | ')} |`;
  const rule = `|---|${providers.map(() => '---').join('|')}|`;
  const rows = CAPABILITY_NAMES.map((group) => {
    const { label, methods } = GROUPS[group];
    const cells = providers.map(([, provider, unsupported = []]) => {
      const impl = provider[group] as Record<string, unknown> | undefined;
      if (!impl) return '— (`ErrNotSupported`)';
      const have = methods.filter(
        (m) => typeof impl[m] === 'function' && !unsupported.includes(m) && !unsupported.includes(`${group}.${m}`),
      );
      return have.length === methods.length ? '✅ all' : `${have.length}/${methods.length}`;
    });
    return `| ${label}: ${methods.join(', ')} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}

const START = '<!-- features:start -->';
const END = '<!-- features:end -->';

/** README.md with its feature table replaced by {@link featureTable}. */
export function readmeWithTable(readme: string): string {
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  return `${readme.slice(0, from + START.length)}\n${featureTable()}\n${readme.slice(to)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--write')) {
    const path = new URL('../README.md', import.meta.url);
    writeFileSync(path, readmeWithTable(readFileSync(path, 'utf8')));
    console.log('README.md feature table updated');
  } else {
    console.log(featureTable());
  }
}
