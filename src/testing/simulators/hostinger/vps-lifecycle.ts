import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import { isoNow } from '../core/app.js';
import { nextId } from './billing.js';
import { fieldError, notFound, parseBody } from './responses.js';
import type { SimRuntime, SimVirtualMachine } from './state.js';

type Action = { id: number; name: string; state: 'success' | 'sent'; created_at: string; updated_at: string };

const ScriptBody = z.object({
  name: z.string().check(z.minLength(1)),
  content: z.string().check(z.minLength(1), z.maxLength(48 * 1024)),
});
const DAY_MS = 86_400_000;

/**
 * Actions, the one snapshot per VM (taken, restored and deleted through actions that take a few polls)
 * and post-install scripts, under `/api/vps/v1`.
 */
export function vpsLifecycleRoutes(
  app: Hono,
  sim: SimRuntime,
  vmOf: (c: Context, param: string) => SimVirtualMachine,
  action: (name: string, vmId?: number) => Action,
): void {
  /** Starts an action that keeps the machine's state, locked for two polls, then runs `effect`. */
  const locked = (c: Context, vm: SimVirtualMachine, name: string, states: string[], effect?: () => void) => {
    if (vm.actions_lock === 'locked')
      throw fieldError('virtualMachineId', 'The virtual machine is locked by another action.');
    const answer = { ...action(name, vm.id), state: 'sent' as const };
    sim.state.progress.begin(vm.id, states, effect);
    return c.json(answer);
  };

  app.get('/api/vps/v1/virtual-machines/:id/actions/:actionId', (c) => {
    const vm = vmOf(c, 'id');
    const found = sim.state.vmActions.get(Number(c.req.param('actionId')));
    if (!found || found.vm_id !== vm.id) throw notFound('Action not found');
    sim.state.progress.tick(vm.id);
    // Only one action runs at a time (the machine is locked meanwhile): the newest one is the one running.
    const newest = Math.max(...[...sim.state.vmActions.values()].filter((a) => a.vm_id === vm.id).map((a) => a.id));
    const running = sim.state.progress.busy(vm.id) && found.id === newest;
    const { vm_id: _vm, ...wire } = found;
    return c.json({ ...wire, state: running ? 'sent' : 'success', updated_at: isoNow() });
  });

  app.get('/api/vps/v1/virtual-machines/:id/snapshot', (c) => {
    const vm = vmOf(c, 'id');
    sim.state.progress.tick(vm.id);
    const snapshot = sim.state.vmSnapshots.get(vm.id);
    if (!snapshot) throw notFound('Snapshot not found');
    return c.json(snapshot);
  });

  app.post('/api/vps/v1/virtual-machines/:id/snapshot', (c) => {
    const vm = vmOf(c, 'id');
    // The new snapshot replaces the old one once it is taken.
    return locked(c, vm, 'snapshot_create', [vm.state, vm.state, vm.state], () => {
      const now = new Date();
      sim.state.vmSnapshots.set(vm.id, {
        id: nextId(sim),
        restore_time: 1800,
        created_at: now.toISOString().replace(/\.\d+Z$/, 'Z'),
        expires_at: new Date(now.getTime() + 20 * DAY_MS).toISOString().replace(/\.\d+Z$/, 'Z'),
      });
    });
  });

  app.post('/api/vps/v1/virtual-machines/:id/snapshot/restore', (c) => {
    const vm = vmOf(c, 'id');
    if (!sim.state.vmSnapshots.has(vm.id)) throw notFound('Snapshot not found');
    return locked(c, vm, 'snapshot_restore', ['restoring', 'restoring', 'running']);
  });

  app.delete('/api/vps/v1/virtual-machines/:id/snapshot', (c) => {
    const vm = vmOf(c, 'id');
    if (!sim.state.vmSnapshots.has(vm.id)) throw notFound('Snapshot not found');
    return locked(c, vm, 'snapshot_delete', [vm.state, vm.state], () => sim.state.vmSnapshots.delete(vm.id));
  });

  app.get('/api/vps/v1/post-install-scripts', (c) =>
    c.json({
      data: [...sim.state.postInstallScripts.values()],
      meta: { current_page: 1, per_page: 50, total: sim.state.postInstallScripts.size },
    }),
  );

  app.post('/api/vps/v1/post-install-scripts', async (c) => {
    const body = await parseBody(c, ScriptBody);
    const now = isoNow();
    const script = { id: nextId(sim), name: body.name, content: body.content, created_at: now, updated_at: now };
    sim.state.postInstallScripts.set(script.id, script);
    return c.json(script);
  });
}
