import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import { isoNow } from '../core/app.js';
import { nextId, placeOrder } from './billing.js';
import { accepted, type FieldErrors, fieldError, notFound, parseBody, unprocessable } from './responses.js';
import type { SimPublicKey, SimRuntime, SimVirtualMachine } from './state.js';
import { vpsLifecycleRoutes } from './vps-lifecycle.js';

const KeyBody = z.object({ name: z.string().check(z.minLength(1)), key: z.string().check(z.minLength(1)) });

const PurchaseBody = z.object({
  item_id: z.string().check(z.minLength(1)),
  payment_method_id: z.optional(z.int()),
  coupons: z.optional(z.array(z.string())),
  setup: z.object({
    template_id: z.int(),
    data_center_id: z.int(),
    post_install_script_id: z.optional(z.int()),
    password: z.optional(z.string().check(z.minLength(12))),
    hostname: z.optional(z.string()),
    install_monarx: z.optional(z.boolean()),
    enable_backups: z.optional(z.boolean()),
    ns1: z.optional(z.string()),
    ns2: z.optional(z.string()),
    public_key: z.optional(z.object({ name: z.string(), key: z.string() })),
  }),
});

const AttachBody = z.object({ ids: z.array(z.int()).check(z.minLength(1)) });

const SSH_KEY =
  /^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/]+={0,3}( .*)?$/;
const HOSTNAME = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const WEAK_PASSWORDS = new Set(['password1234', '123456789012', 'qwertyuiop12']);

/** VPS routes under `/api/vps/v1`: virtual machines, data centers, templates and public keys. */
export function vpsRoutes(app: Hono, sim: SimRuntime): void {
  const vmOf = (c: Context, param: string): SimVirtualMachine => {
    const raw = c.req.param(param) ?? '';
    const vm = /^\d+$/.test(raw) ? sim.state.vms.get(Number(raw)) : undefined;
    if (!vm) throw notFound('Virtual machine not found');
    return vm;
  };

  const addKey = (name: string, key: string, field: string): SimPublicKey => {
    const trimmed = key.trim();
    if (!SSH_KEY.test(trimmed)) throw fieldError(field, `The ${field} must be a valid public SSH key.`);
    const id = nextId(sim);
    const stored = { id, name, key: trimmed };
    sim.state.publicKeys.set(id, stored);
    return stored;
  };

  const action = (name: string, vmId?: number) => {
    const now = isoNow();
    const id = nextId(sim);
    if (vmId !== undefined) sim.state.vmActions.set(id, { id, vm_id: vmId, name, created_at: now });
    return { id, name, state: 'success' as const, created_at: now, updated_at: now };
  };

  // Each read of a machine moves an action under way one step (see `progress`).
  app.get('/api/vps/v1/virtual-machines', (c) => {
    for (const id of sim.state.vms.keys()) sim.state.progress.tick(id);
    return c.json([...sim.state.vms.values()]);
  });
  app.get('/api/vps/v1/virtual-machines/:id', (c) => {
    const vm = vmOf(c, 'id');
    sim.state.progress.tick(vm.id);
    return c.json(vm);
  });

  app.post('/api/vps/v1/virtual-machines', async (c) => {
    const body = await parseBody(c, PurchaseBody);
    const { setup } = body;
    const errors: FieldErrors = {};
    const template = sim.state.templates.find((t) => t.id === setup.template_id);
    if (!template) errors['setup.template_id'] = ['The selected setup.template_id is invalid.'];
    if (!sim.state.dataCenters.some((d) => d.id === setup.data_center_id))
      errors['setup.data_center_id'] = ['The selected setup.data_center_id is invalid.'];
    if (setup.password && WEAK_PASSWORDS.has(setup.password))
      errors['setup.password'] = ['The given setup.password has appeared in a data leak.'];
    if (setup.hostname !== undefined && !HOSTNAME.test(setup.hostname))
      errors['setup.hostname'] = ['The setup.hostname must be a valid host name.'];
    if (setup.public_key && !SSH_KEY.test(setup.public_key.key.trim()))
      errors['setup.public_key.key'] = ['The setup.public_key.key must be a valid public SSH key.'];
    if (setup.post_install_script_id !== undefined && !sim.state.postInstallScripts.has(setup.post_install_script_id))
      errors['setup.post_install_script_id'] = ['The selected setup.post_install_script_id is invalid.'];
    if (Object.keys(errors).length > 0) throw unprocessable(errors);
    const placed = placeOrder(sim, { itemId: body.item_id, category: 'VPS', paymentMethodId: body.payment_method_id });
    const id = nextId(sim);
    const meta = placed.item.metadata ?? {};
    const vm: SimVirtualMachine = {
      id,
      firewall_group_id: null,
      subscription_id: placed.order.subscription_id,
      data_center_id: setup.data_center_id,
      plan: placed.item.name,
      hostname: setup.hostname ?? `srv${id}.hstgr.cloud`,
      state: placed.pending ? 'initial' : 'creating',
      actions_lock: placed.pending ? 'unlocked' : 'locked',
      cpus: Number(meta.cpus ?? 1),
      memory: Number(meta.memory ?? 4096),
      disk: Number(meta.disk_space ?? 51200),
      bandwidth: Number(meta.bandwidth ?? 4194304),
      ns1: setup.ns1 ?? null,
      ns2: setup.ns2 ?? null,
      ipv4: [{ id: nextId(sim), address: `203.0.113.${(id % 200) + 30}`, ptr: null }],
      ipv6: [{ id: nextId(sim), address: `2001:db8:${(id % 0xffff).toString(16)}::1`, ptr: null }],
      template: template ? { ...template } : null,
      created_at: isoNow(),
    };
    if (placed.pending) return c.json({ order: placed.order, virtual_machine: vm }, 202);
    sim.state.vms.set(id, { ...vm });
    sim.state.progress.begin(id, ['creating', 'creating', 'running']);
    if (setup.public_key)
      sim.state.vmKeys.set(id, [addKey(setup.public_key.name, setup.public_key.key, 'setup.public_key.key').id]);
    return c.json({ order: placed.order, virtual_machine: vm });
  });

  // Power actions: the machine goes through the intermediate states over the next polls, locked meanwhile;
  // the answer is the Action, `sent` until the machine gets there.
  const POWER = {
    start: ['starting', 'starting', 'running'],
    stop: ['stopping', 'stopping', 'stopped'],
    restart: ['stopping', 'starting', 'running'],
  } as const;
  for (const [verb, states] of Object.entries(POWER)) {
    app.post(`/api/vps/v1/virtual-machines/:id/${verb}`, (c) => {
      const vm = vmOf(c, 'id');
      if (vm.actions_lock === 'locked')
        throw fieldError('virtualMachineId', 'The virtual machine is locked by another action.');
      const answer = { ...action(`${verb}_vm`, vm.id), state: 'sent' as const };
      sim.state.progress.begin(vm.id, [...states]);
      return c.json(answer);
    });
  }
  vpsLifecycleRoutes(app, sim, vmOf, action);

  app.get('/api/vps/v1/data-centers', (c) => c.json(sim.state.dataCenters));
  app.get('/api/vps/v1/templates', (c) => c.json(sim.state.templates));

  app.get('/api/vps/v1/public-keys', (c) => {
    const raw = c.req.query('page');
    if (raw !== undefined && !/^\d+$/.test(raw)) throw fieldError('page', 'The page field must be an integer.');
    const page = Math.max(1, Number(raw ?? 1));
    const keys = [...sim.state.publicKeys.values()];
    const start = (page - 1) * sim.pageSize;
    return c.json({
      data: keys.slice(start, start + sim.pageSize),
      meta: { current_page: page, per_page: sim.pageSize, total: keys.length },
    });
  });

  app.post('/api/vps/v1/public-keys', async (c) => {
    const body = await parseBody(c, KeyBody);
    return c.json(addKey(body.name, body.key, 'key'));
  });

  app.delete('/api/vps/v1/public-keys/:id', (c) => {
    const id = Number(c.req.param('id'));
    if (!sim.state.publicKeys.delete(id)) throw notFound('Public key not found');
    return accepted(c);
  });

  app.post('/api/vps/v1/public-keys/attach/:id', async (c) => {
    const vm = vmOf(c, 'id');
    const body = await parseBody(c, AttachBody);
    const errors: FieldErrors = {};
    body.ids.forEach((id, i) => {
      if (!sim.state.publicKeys.has(id)) errors[`ids.${i}`] = [`The selected ids.${i} is invalid.`];
    });
    if (Object.keys(errors).length > 0) throw unprocessable(errors);
    const attached = new Set(sim.state.vmKeys.get(vm.id) ?? []);
    for (const id of body.ids) attached.add(id);
    sim.state.vmKeys.set(vm.id, [...attached]);
    return c.json(action('ssh_key_attach'));
  });
}
