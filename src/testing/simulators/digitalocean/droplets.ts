import type { Context, Hono } from 'hono';
import { isoNow } from '../core/app.js';
import { dropletActionRoutes } from './droplet-actions.js';
import { noContent } from './dns.js';
import { jsonBody, listResponse, notFound, unprocessable } from './responses.js';
import type { DoAction, DoDroplet, DoRuntime } from './state.js';

const NAME = /^[a-zA-Z0-9]?[a-z0-9A-Z.-]*[a-z0-9A-Z]$/;
const MAX_USER_DATA = 64 * 1024;
/** Droplet, action, region, size and image routes. */
export function dropletRoutes(app: Hono, sim: DoRuntime): void {
  const regionOf = (slug: string) => sim.state.regions.find((r) => r.slug === slug);

  // A fresh droplet is `new` without addresses; it becomes `active` with its IPs after `readsUntilActive` reads.
  const read = (droplet: DoDroplet): DoDroplet => {
    sim.state.progress.tick(droplet.id);
    if (droplet.status === 'new') {
      if (droplet.readsUntilActive > 0) droplet.readsUntilActive -= 1;
      else {
        droplet.status = 'active';
        const created = sim.state.actions.find((a) => a.droplet_id === droplet.id && a.type === 'create');
        if (created) created.status = 'completed';
        droplet.ipv4 = `203.0.113.${(droplet.id % 200) + 30}`;
        droplet.ipv6 = `2001:db8:${(droplet.id % 0xffff).toString(16)}::1`;
      }
    }
    return droplet;
  };

  const wire = (d: DoDroplet) => {
    const size = sim.state.sizes.find((s) => s.slug === d.size_slug)!;
    const image = sim.state.images.find((i) => i.id === d.image_id)!;
    const region = regionOf(d.region_slug)!;
    const v4 = d.ipv4 ? [{ ip_address: d.ipv4, netmask: '255.255.240.0', gateway: '203.0.113.1', type: 'public' }] : [];
    const v6 = d.ipv6 ? [{ ip_address: d.ipv6, netmask: 64, gateway: '2001:db8::1', type: 'public' }] : [];
    return {
      id: d.id,
      name: d.name,
      memory: size.memory,
      vcpus: size.vcpus,
      disk: size.disk,
      locked: d.locked,
      status: d.status,
      created_at: d.created_at,
      features: d.ipv6 ? ['ipv6'] : [],
      backup_ids: [],
      next_backup_window: null,
      snapshot_ids: sim.state.snapshots.filter((s) => s.droplet_id === d.id).map((s) => s.id),
      image,
      volume_ids: [],
      size,
      size_slug: d.size_slug,
      networks: { v4, v6 },
      region,
      tags: d.tags,
    };
  };

  const dropletOf = (c: Context): DoDroplet => {
    const raw = c.req.param('id') ?? '';
    const droplet = /^\d+$/.test(raw) ? sim.state.droplets.get(Number(raw)) : undefined;
    if (!droplet) throw notFound();
    return droplet;
  };

  app.get('/v2/droplets', (c) => {
    const name = c.req.query('name')?.toLowerCase();
    const tag = c.req.query('tag_name');
    const found = [...sim.state.droplets.values()].filter(
      (d) => (name === undefined || d.name.toLowerCase() === name) && (tag === undefined || d.tags.includes(tag)),
    );
    return listResponse(c, 'droplets', found.map(read).map(wire));
  });

  app.get('/v2/droplets/:id', (c) => c.json({ droplet: wire(read(dropletOf(c))) }));

  app.post('/v2/droplets', async (c) => {
    const body = await jsonBody(c);
    const names = Array.isArray(body.names) ? body.names : [body.name];
    if (names.length === 0 || names.length > 10) throw unprocessable('names must list 1 to 10 names');
    for (const name of names)
      if (typeof name !== 'string' || name.length > 255 || !NAME.test(name))
        throw unprocessable('Name is not a valid host name');
    const size = sim.state.sizes.find((s) => s.slug === body.size);
    if (!size || !size.available) throw unprocessable('Size is not available');
    const image = sim.state.images.find((i) => i.slug === body.image || i.id === body.image);
    if (!image) throw unprocessable('Image is not available');
    const regionSlug = body.region === undefined ? size.regions[0] : String(body.region);
    if (!regionSlug || !regionOf(regionSlug) || !size.regions.includes(regionSlug))
      throw unprocessable('Region is not available for this size');
    const keyIds = ((body.ssh_keys as unknown[] | undefined) ?? []).map((ref) => {
      const key = [...sim.state.sshKeys.values()].find((k) => k.id === ref || k.fingerprint === ref);
      if (!key) throw unprocessable(`SSH key ${String(ref)} was not found on the account`);
      return key.id;
    });
    if (typeof body.user_data === 'string' && Buffer.byteLength(body.user_data) > MAX_USER_DATA)
      throw unprocessable('user_data must be at most 64 KiB');
    const created = (names as string[]).map((name) => {
      const droplet: DoDroplet = {
        id: sim.state.nextId++,
        name,
        status: 'new',
        locked: false,
        created_at: isoNow(),
        size_slug: size.slug,
        region_slug: regionSlug,
        image_id: image.id,
        ssh_key_ids: keyIds,
        tags: (body.tags as string[] | null | undefined) ?? [],
        ipv4: null,
        ipv6: null,
        readsUntilActive: 2,
        ...(typeof body.user_data === 'string' ? { user_data: body.user_data } : {}),
      };
      sim.state.droplets.set(droplet.id, droplet);
      return droplet;
    });
    const origin = new URL(c.req.url).origin;
    const actions = created.map((d) => {
      const action = record(d, 'create');
      return { id: action.id, rel: 'create', href: `${origin}/v2/actions/${action.id}` };
    });
    const payload = Array.isArray(body.names)
      ? { droplets: created.map(wire), links: { actions } }
      : { droplet: wire(created[0]!), links: { actions } };
    return c.json(payload, 202);
  });

  app.delete('/v2/droplets/:id', (c) => {
    sim.state.droplets.delete(dropletOf(c).id);
    return noContent();
  });

  const record = (droplet: DoDroplet, type: string): DoAction => {
    const action: DoAction = {
      id: sim.state.nextId++,
      type,
      status: 'in-progress',
      droplet_id: droplet.id,
      started_at: isoNow(),
    };
    sim.state.actions.push(action);
    return action;
  };

  dropletActionRoutes(app, sim, dropletOf);

  app.get('/v2/regions', (c) => listResponse(c, 'regions', sim.state.regions));
  app.get('/v2/sizes', (c) => listResponse(c, 'sizes', sim.state.sizes));
  app.get('/v2/images', (c) => {
    const type = c.req.query('type');
    const images = sim.state.images.filter(
      () => c.req.query('private') !== 'true' && (type === undefined || type === 'distribution'),
    );
    return listResponse(c, 'images', images);
  });
}
