import { ValidationError } from '../../core/errors.js';
import { requireCapability } from '../../core/provider.js';
import { NAMESERVER_COUNT, SSH_KEY_NAME_MAX_LENGTH, VM_PASSWORD_MIN_LENGTH } from '../../core/validation/inputs.js';
import { ensure, ensureError, ensureFieldNamed, rejection, show } from './assert.js';
import { freshPublicKey } from './model-checks.js';
import type { ConformanceCheck } from './types.js';

/** Every field a ValidationError names, for messages. */
const fieldsOf = (error: unknown) => Object.keys((error as { fields?: object }).fields ?? {});

/**
 * The domain, VPS and SSH-key input rules every provider applies before sending anything: a VM root
 * password of at least 12 characters and a host name of letters, digits and `-`; SSH key names of
 * 1 to 255 characters; 2 to 4 nameservers, each a host name. Each refusal is a ValidationError
 * naming the field, and nothing is created.
 */
export const inputChecks: ConformanceCheck[] = [
  {
    name: `inputs: vps.create refuses a password under ${VM_PASSWORD_MIN_LENGTH} characters and a bad host name`,
    requires: 'vps',
    async run(provider) {
      const vps = requireCapability(provider, 'vps');
      const before = (await vps.list()).length;
      const request = {
        plan: 'conformance-plan',
        data_center_id: '1',
        template: 'conformance-template',
        password: 'p'.repeat(VM_PASSWORD_MIN_LENGTH - 1),
        hostname: 'bad host!',
      };
      const error = await rejection(vps.create(request), 'vps.create(short password, bad host name)');
      ensureError(error, ValidationError, 'vps.create(short password, bad host name)');
      ensureFieldNamed(error, ['password'], 'vps.create(short password)');
      ensureFieldNamed(error, ['hostname'], 'vps.create(bad host name)');
      ensure((await vps.list()).length === before, 'vps.create with bad input created a VM');
    },
  },
  {
    name: `inputs: sshKeys.add refuses an empty name and one over ${SSH_KEY_NAME_MAX_LENGTH} characters`,
    requires: 'sshKeys',
    async run(provider, ctx) {
      const keys = requireCapability(provider, 'sshKeys');
      const before = (await keys.list()).length;
      const line = freshPublicKey(`${ctx.uniqueName()}@conformance`);
      for (const name of ['   ', 'k'.repeat(SSH_KEY_NAME_MAX_LENGTH + 1)]) {
        const what = `sshKeys.add(${show(name.slice(0, 10))}${name.length > 10 ? `… (${name.length} chars)` : ''})`;
        const error = await rejection(keys.add(name, line), what);
        ensureError(error, ValidationError, what);
        ensureFieldNamed(error, ['name'], what);
      }
      ensure((await keys.list()).length === before, 'sshKeys.add with a bad name added a key');
    },
  },
  {
    name: `inputs: domains.setNameservers takes ${NAMESERVER_COUNT.min} to ${NAMESERVER_COUNT.max} host names`,
    requires: 'domains',
    async run(provider, ctx) {
      const domains = requireCapability(provider, 'domains');
      const hosts = (n: number) => Array.from({ length: n }, (_, i) => `ns${i + 1}.example.net`);
      for (const list of [hosts(NAMESERVER_COUNT.min - 1), hosts(NAMESERVER_COUNT.max + 1)]) {
        const what = `domains.setNameservers(${list.length} host names)`;
        const error = await rejection(domains.setNameservers(ctx.domain, list), what);
        ensureError(error, ValidationError, what);
        ensureFieldNamed(error, ['nameservers'], what);
      }
      const what = 'domains.setNameservers([a host, "bad host!"])';
      const error = await rejection(domains.setNameservers(ctx.domain, ['ns1.example.net', 'bad host!']), what);
      ensureError(error, ValidationError, what);
      ensure(
        fieldsOf(error).includes('nameservers.1'),
        `${what} should name nameservers.1; got ${show(fieldsOf(error))}`,
      );
    },
  },
];
