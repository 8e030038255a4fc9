import type { Context, Hono } from 'hono';
import { isoNow } from '../core/app.js';
import { actionOut, assertUnlocked, readAction, startAction } from './actions.js';
import { imageOut, locationOut, serverTypeOut } from './catalog.js';
import { HzHttpError, idParam, invalidInput, jsonBody, listResponse, notFound, notUnique } from './responses.js';
import type { HzAction, HzRuntime, HzServer } from './state.js';

const HOSTNAME = /^(?=.{1,63}$)[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?$/;
const MAX_USER_DATA = 32 * 1024;
/** The status a power action passes through, and the one it ends in. */
const POWER: Record<string, { command: string; via: HzServer['status']; to: HzServer['status'] }> = {
  poweron: { command: 'start_server', via: 'starting', to: 'running' },
  poweroff: { command: 'stop_server', via: 'off', to: 'off' },
  shutdown: { command: 'shutdown_server', via: 'stopping', to: 'off' },
  reboot: { command: 'reboot_server', via: 'running', to: 'running' },
  reset: { command: 'reset_server', via: 'running', to: 'running' },
};

/** Server routes: list, get, create (with its create and start actions), delete and power actions. */
export function serverRoutes(app: Hono, sim: HzRuntime): void {
  const state = () => sim.state;

  /** A read: a pending change moves on (its actions with it) and lands once they have ended. */
  const advance = (server: HzServer): HzServer => {
    if (!server.pending) return server;
    const actions = server.pending.actions.map((id) => state().actions.get(id)).filter((a): a is HzAction => !!a);
    for (const a of actions) if (a.status === 'running') readAction(a);
    if (actions.every((a) => a.status !== 'running')) {
      server.status = server.pending.status;
      delete server.pending;
    }
    return server;
  };

  const wire = (s: HzServer) => {
    const type = state().serverTypes.find((t) => t.name === s.server_type)!;
    const location = state().locations.find((l) => l.name === s.location)!;
    const image = state().images.find((i) => i.id === s.image_id);
    const price = type.prices.find((p) => p.location === s.location);
    return {
      id: s.id,
      name: s.name,
      status: s.status,
      created: s.created,
      public_net: {
        ipv4: { id: s.id + 1, ip: s.ipv4, blocked: false, dns_ptr: `static.${s.ipv4}.clients.your-server.de` },
        ipv6: { id: s.id + 2, ip: s.ipv6, blocked: false, dns_ptr: [] },
        floating_ips: [],
        firewalls: [],
      },
      private_net: [],
      server_type: serverTypeOut(state(), type),
      // Removed from the live API in 2026-07 but still required by the spec: served, never read by the SDK.
      datacenter: {
        id: location.id,
        name: `${location.name}-dc1`,
        description: `${location.description} DC 1`,
        location: locationOut(location),
        server_types: { available: [type.id], available_for_migration: [type.id], supported: [type.id] },
      },
      location: locationOut(location),
      image: image ? imageOut(image) : null,
      iso: null,
      rescue_enabled: false,
      locked: s.locked,
      backup_window: null,
      outgoing_traffic: 0,
      ingoing_traffic: 0,
      included_traffic: price?.included_traffic ?? null,
      protection: s.protection,
      labels: s.labels,
      volumes: [],
      load_balancers: [],
      primary_disk_size: type.disk,
      placement_group: null,
    };
  };

  const serverOf = (c: Context): HzServer => {
    const server = state().servers.get(idParam(c, 'id'));
    if (!server) throw notFound('server');
    return server;
  };

  app.get('/v1/servers', (c) => {
    const name = c.req.query('name');
    const statuses = c.req.queries('status');
    const found = [...state().servers.values()]
      .map(advance)
      .filter((s) => (name === undefined || s.name === name) && (!statuses || statuses.includes(s.status)));
    return listResponse(c, 'servers', found.map(wire));
  });

  app.get('/v1/servers/:id', (c) => c.json({ server: wire(advance(serverOf(c))) }));

  app.post('/v1/servers', async (c) => {
    const body = await jsonBody(c);
    const name = typeof body.name === 'string' ? body.name : '';
    if (!HOSTNAME.test(name)) throw invalidInput('name', 'must be a valid hostname (RFC 1123)');
    if ([...state().servers.values()].some((s) => s.name === name))
      throw notUnique('name', 'server name is already used');
    const typeRef = String(body.server_type ?? '');
    const type = state().serverTypes.find((t) => t.name === typeRef || String(t.id) === typeRef);
    if (!type) throw invalidInput('server_type', 'server type not found');
    const locationRef = body.location === undefined ? type.locations[0]! : String(body.location);
    const location = state().locations.find((l) => l.name === locationRef || String(l.id) === locationRef);
    if (!location) throw invalidInput('location', 'location not found');
    if (!type.locations.includes(location.name))
      throw new HzHttpError(
        412,
        'resource_unavailable',
        `server type ${type.name} is not available in ${location.name}`,
      );
    const imageRef = String(body.image ?? '');
    const images = state().images.filter(
      (i) => String(i.id) === imageRef || (i.type === 'system' && i.name === imageRef),
    );
    const image = images.find((i) => i.architecture === type.architecture);
    if (!image)
      throw invalidInput('image', images.length ? `image is not built for ${type.architecture}` : 'image not found');
    const keys = ((body.ssh_keys as unknown[] | undefined) ?? []).map((ref) => {
      const key = [...state().sshKeys.values()].find((k) => k.name === ref || String(k.id) === String(ref));
      if (!key) throw invalidInput('ssh_keys', `SSH key ${String(ref)} not found`);
      return key.id;
    });
    if (typeof body.user_data === 'string' && Buffer.byteLength(body.user_data) > MAX_USER_DATA)
      throw invalidInput('user_data', 'must be at most 32 KiB');
    const id = state().nextId++;
    const server: HzServer = {
      id,
      name,
      status: 'initializing',
      created: isoNow(),
      server_type: type.name,
      location: location.name,
      image_id: image.id,
      ssh_keys: keys,
      labels: (body.labels as Record<string, string> | undefined) ?? {},
      ipv4: `203.0.113.${(id % 200) + 30}`,
      ipv6: `2001:db8:${(id % 0xffff).toString(16)}::/64`,
      locked: false,
      protection: { delete: false, rebuild: false },
      ...(typeof body.user_data === 'string' ? { user_data: body.user_data } : {}),
    };
    const resources = [{ id, type: 'server' }];
    const created = startAction(state(), 'create_server', resources);
    const start = body.start_after_create === false ? [] : [startAction(state(), 'start_server', resources)];
    server.pending = { actions: [created.id, ...start.map((a) => a.id)], status: start.length ? 'running' : 'off' };
    state().servers.set(id, server);
    return c.json(
      {
        server: wire(server),
        action: actionOut(created),
        next_actions: start.map(actionOut),
        root_password: keys.length > 0 ? null : globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 20),
      },
      201,
    );
  });

  app.delete('/v1/servers/:id', (c) => {
    const server = serverOf(c);
    if (server.protection.delete) throw new HzHttpError(423, 'protected', 'server is protected against deletion');
    state().servers.delete(server.id);
    return c.json(
      { action: actionOut(startAction(state(), 'delete_server', [{ id: server.id, type: 'server' }])) },
      200,
    );
  });

  app.post('/v1/servers/:id/actions/create_image', async (c) => {
    const server = serverOf(c);
    const body = await jsonBody(c);
    if (body.type !== undefined && body.type !== 'snapshot' && body.type !== 'backup')
      throw invalidInput('type', 'must be snapshot or backup');
    assertUnlocked(state(), 'server', server.id);
    const base = state().images.find((i) => i.id === server.image_id);
    const image = {
      id: state().nextId++,
      name: '',
      description: typeof body.description === 'string' ? body.description : `snapshot of ${server.name}`,
      os_flavor: base?.os_flavor ?? 'unknown',
      os_version: base?.os_version ?? '',
      architecture: base?.architecture ?? 'x86',
      type: (body.type as 'snapshot' | 'backup' | undefined) ?? 'snapshot',
      created_from: { id: server.id, name: server.name },
      created: isoNow(),
      image_size: 1.2,
    };
    state().images.push(image);
    const action = startAction(state(), 'create_image', [
      { id: server.id, type: 'server' },
      { id: image.id, type: 'image' },
    ]);
    // The server keeps its status; reading it moves the action on, as time would.
    server.pending = { actions: [action.id], status: server.status };
    return c.json({ image: imageOut(image), action: actionOut(action) }, 201);
  });

  app.post('/v1/servers/:id/actions/rebuild', async (c) => {
    const server = serverOf(c);
    const body = await jsonBody(c);
    const ref = String(body.image ?? '');
    const image = state().images.find((i) => String(i.id) === ref || (i.type === 'system' && i.name === ref));
    if (!image) throw invalidInput('image', 'image not found');
    if (server.protection.rebuild) throw new HzHttpError(423, 'protected', 'server is protected against rebuilds');
    assertUnlocked(state(), 'server', server.id);
    const action = startAction(state(), 'rebuild_server', [{ id: server.id, type: 'server' }]);
    server.image_id = image.id;
    server.status = 'rebuilding';
    server.pending = { actions: [action.id], status: 'running' };
    return c.json({ action: actionOut(action), root_password: null }, 201);
  });

  app.post('/v1/servers/:id/actions/:power', (c) => {
    const server = serverOf(c);
    const power = POWER[c.req.param('power')];
    if (!power) throw notFound('action');
    assertUnlocked(state(), 'server', server.id);
    const action = startAction(state(), power.command, [{ id: server.id, type: 'server' }]);
    server.status = power.via;
    server.pending = { actions: [action.id], status: power.to };
    return c.json({ action: actionOut(action) }, 201);
  });
}
