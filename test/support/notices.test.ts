import { afterEach, describe, expect, it, vi } from 'vitest';
import { missingInputNotices } from './notices.js';
import { createSpecChecker } from './openapi.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('test support: notices for missing optional inputs', () => {
  it('a spec checker without its variable skips silently: the notice is printed once per run, not per file', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    createSpecChecker('SETEC_TEST_UNSET_OPENAPI', 'https://example.invalid');
    createSpecChecker('SETEC_TEST_UNSET_OPENAPI', 'https://example.invalid');
    expect(warn).not.toHaveBeenCalled();
  });

  it('lists one line per missing variable, and none when all are set', () => {
    expect(missingInputNotices({})).toEqual([
      'HOSTINGER_OPENAPI is not set: OpenAPI spec checks are skipped.',
      'DIGITALOCEAN_OPENAPI is not set: OpenAPI spec checks are skipped.',
      'HETZNER_OPENAPI is not set: OpenAPI spec checks are skipped.',
    ]);
    const all = { HOSTINGER_OPENAPI: '/x.json', DIGITALOCEAN_OPENAPI: '/y.json', HETZNER_OPENAPI: '/z.json' };
    expect(missingInputNotices(all)).toEqual([]);
  });
});
