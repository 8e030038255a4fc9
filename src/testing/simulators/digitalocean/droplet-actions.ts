import type { Context, Hono } from 'hono';
import { isoNow, SimulatorHttpError } from '../core/app.js';
import { noContent } from './dns.js';
import { jsonBody, listResponse, notFound, unprocessable } from './responses.js';
import type { DoAction, DoDroplet, DoRuntime } from './state.js';

/** What each action leaves the droplet as; the droplet keeps its status (and is locked) for two polls first. */
const SETTLES_AS: Record<string, DoDroplet['status'] | 'same'> = {
  power_on: 'active',
  power_off: 'off',
  shutdown: 'off',
  reboot: 'active',
  power_cycle: 'active',
  snapshot: 'same',
  restore: 'active',
};

/** Droplet actions (followed over a few polls), droplet snapshots, and snapshot deletion. */
export function dropletActionRoutes(app: Hono, sim: DoRuntime, dropletOf: (c: Context) => DoDroplet): void {
  const regionOf = (slug: string) => sim.state.regions.find((r) => r.slug === slug)!;

  const wire = (action: DoAction) => {
    const droplet = sim.state.droplets.get(action.droplet_id);
    const region = droplet ? regionOf(droplet.region_slug) : null;
    return {
      id: action.id,
      status: action.status,
      type: action.type,
      started_at: action.started_at,
      completed_at: action.status === 'in-progress' ? null : isoNow(),
      resource_id: action.droplet_id,
      resource_type: 'droplet',
      region,
      region_slug: region?.slug ?? null,
    };
  };

  const snapshotImage = (droplet: DoDroplet, raw: unknown) => {
    const id = typeof raw === 'number' ? raw : /^\d+$/.test(String(raw)) ? Number(raw) : NaN;
    const snap = sim.state.snapshots.find((s) => s.id === id && s.droplet_id === droplet.id);
    if (!snap) throw unprocessable('image must be a snapshot or backup of this droplet');
    return snap;
  };

  app.post('/v2/droplets/:id/actions', async (c) => {
    const droplet = dropletOf(c);
    const body = await jsonBody(c);
    const type = body.type;
    if (typeof type !== 'string') throw unprocessable('Type is required');
    const settles = SETTLES_AS[type];
    if (settles === undefined) throw new SimulatorHttpError(422, `The simulator does not model the action ${type}`);
    if (droplet.locked) throw unprocessable('Droplet is currently locked: another action is in progress');
    if (droplet.status === 'new') throw unprocessable('Droplet is still being created');
    if (type === 'snapshot' && (typeof body.name !== 'string' || body.name === ''))
      throw unprocessable('Name is required');
    if (type === 'restore') snapshotImage(droplet, body.image);
    const action: DoAction = {
      id: sim.state.nextId++,
      type,
      status: 'in-progress',
      droplet_id: droplet.id,
      started_at: isoNow(),
    };
    sim.state.actions.push(action);
    const after = settles === 'same' ? droplet.status : settles;
    sim.state.progress.begin(droplet.id, [droplet.status, droplet.status, after], () => {
      action.status = 'completed';
      if (type === 'snapshot') {
        const size = sim.state.sizes.find((s) => s.slug === droplet.size_slug);
        sim.state.snapshots.push({
          id: sim.state.nextId++,
          name: String(body.name),
          created_at: isoNow(),
          regions: [droplet.region_slug],
          min_disk_size: size?.disk ?? 25,
          size_gigabytes: 1.42,
          type: 'snapshot',
          droplet_id: droplet.id,
        });
      }
    });
    return c.json({ action: wire(action) }, 201);
  });

  app.get('/v2/droplets/:id/actions/:actionId', (c) => {
    const droplet = dropletOf(c);
    const action = sim.state.actions.find(
      (a) => a.id === Number(c.req.param('actionId')) && a.droplet_id === droplet.id,
    );
    if (!action) throw notFound();
    sim.state.progress.tick(droplet.id);
    return c.json({ action: wire(action) });
  });

  app.get('/v2/actions/:actionId', (c) => {
    const action = sim.state.actions.find((a) => a.id === Number(c.req.param('actionId')));
    if (!action) throw notFound();
    sim.state.progress.tick(action.droplet_id);
    return c.json({ action: wire(action) });
  });

  app.get('/v2/droplets/:id/snapshots', (c) => {
    const droplet = dropletOf(c);
    sim.state.progress.tick(droplet.id);
    const own = sim.state.snapshots.filter((s) => s.droplet_id === droplet.id);
    return listResponse(
      c,
      'snapshots',
      own.map(({ droplet_id: _d, ...snap }) => snap),
    );
  });

  app.delete('/v2/snapshots/:snapshotId', (c) => {
    const raw = c.req.param('snapshotId');
    const at = sim.state.snapshots.findIndex((s) => String(s.id) === raw);
    if (at === -1) throw notFound();
    sim.state.snapshots.splice(at, 1);
    return noContent();
  });
}
