import { isErrNotSupported, isNotFoundError, isValidationError } from '../../core/errors.js';
import { requireCapability } from '../../core/provider.js';
import { ensure, rejection, show } from './assert.js';
import type { ConformanceCheck } from './types.js';

/** An id no provider hands out; power actions on it must fail without touching a real machine. */
const ABSENT_VM = '987654321';

/**
 * VPS rules that are safe against a real account: no check creates, powers or snapshots a real machine.
 * Actions are only called on a VM id that does not exist, and the one `create` has an empty plan.
 */
export const vpsChecks: ConformanceCheck[] = [
  {
    name: 'vps: start, stop and restart of a VM that does not exist are NotFoundErrors',
    requires: 'vps',
    async run(provider) {
      const vps = requireCapability(provider, 'vps');
      for (const action of ['start', 'stop', 'restart'] as const) {
        const error = await rejection(vps[action](ABSENT_VM), `vps.${action}('${ABSENT_VM}')`);
        ensure(
          isNotFoundError(error),
          `vps.${action} of an absent VM should be a NotFoundError, got ${show(String(error))}`,
        );
      }
    },
  },
  {
    name: 'vps: waitFor, delete and the snapshot calls on a VM that does not exist are NotFoundErrors',
    requires: 'vps',
    async run(provider) {
      const vps = requireCapability(provider, 'vps');
      const calls: Array<[string, () => Promise<unknown>]> = [
        ['waitFor', () => vps.waitFor(ABSENT_VM, 'running', { timeoutMs: 30_000, intervalMs: 10 })],
        ['delete', () => vps.delete(ABSENT_VM)],
        ['listSnapshots', () => vps.listSnapshots(ABSENT_VM)],
        ['createSnapshot', () => vps.createSnapshot(ABSENT_VM, { name: 'conformance' })],
        ['restoreSnapshot', () => vps.restoreSnapshot(ABSENT_VM, '1')],
        ['deleteSnapshot', () => vps.deleteSnapshot(ABSENT_VM, '1')],
      ];
      for (const [method, call] of calls) {
        const error = await rejection(call(), `vps.${method}('${ABSENT_VM}')`);
        // A provider without the operation says so; one with it must not find the machine.
        ensure(
          isNotFoundError(error) || (method !== 'waitFor' && isErrNotSupported(error)),
          `vps.${method} of an absent VM should be a NotFoundError, got ${show(String(error))}`,
        );
      }
    },
  },
  {
    name: 'vps: bad wait options and user data over every limit are ValidationErrors before anything is sent',
    requires: 'vps',
    async run(provider) {
      const vps = requireCapability(provider, 'vps');
      // Had it been sent, a start of the absent VM would be a NotFoundError.
      const badWait = await rejection(vps.start(ABSENT_VM, { wait: { timeoutMs: -1 } }), 'vps.start with timeoutMs -1');
      ensure(
        isValidationError(badWait),
        `a negative timeoutMs should be a ValidationError, got ${show(String(badWait))}`,
      );
      // An empty plan too, so that no provider could ever buy a machine here.
      const request = { plan: '', data_center_id: '', template: '', password: '', hostname: '' };
      const userData = `#cloud-config\n# ${'x'.repeat(1024 * 1024)}`;
      const tooBig = await rejection(
        vps.create({ ...request, user_data: userData }),
        'vps.create with 1 MiB of user data',
      );
      ensure(isValidationError(tooBig), `1 MiB of user_data should be a ValidationError, got ${show(String(tooBig))}`);
      ensure(
        'user_data' in tooBig.fields,
        `the ValidationError should name user_data, named ${show(Object.keys(tooBig.fields))}`,
      );
    },
  },
  {
    name: 'vps: a wait whose signal has aborted rejects with its reason, without polling',
    requires: 'vps',
    async run(provider) {
      const vps = requireCapability(provider, 'vps');
      const reason = new Error('conformance: caller gave up');
      const error = await rejection(
        vps.waitFor(ABSENT_VM, 'running', { signal: AbortSignal.abort(reason) }),
        'vps.waitFor with an aborted signal',
      );
      ensure(error === reason, `an aborted wait should reject with the signal's reason, got ${show(String(error))}`);
    },
  },
];
