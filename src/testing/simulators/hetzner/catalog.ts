import type { Hono } from 'hono';
import { HzHttpError, idParam, listResponse, notFound } from './responses.js';
import type { HetznerSimulatorState, HzImage, HzLocation, HzRuntime, HzServerType } from './state.js';

const CREATED = '2026-05-02T08:14:09Z';

/** A server type as Hetzner answers it, with `available`/`recommended` per location as the live API has. */
export function serverTypeOut(state: HetznerSimulatorState, type: HzServerType) {
  return {
    id: type.id,
    name: type.name,
    description: type.description,
    category: 'Shared vCPU',
    cores: type.cores,
    memory: type.memory,
    disk: type.disk,
    cpu_type: type.cpu_type,
    storage_type: type.storage_type,
    architecture: type.architecture,
    deprecated: false,
    deprecation: null,
    locations: type.locations.map((name) => ({
      id: state.locations.find((l) => l.name === name)?.id ?? 0,
      name,
      deprecation: null,
      available: true,
      recommended: name === type.locations[0],
    })),
    prices: type.prices.map((p) => structuredClone(p)),
  };
}

/** An image as Hetzner answers it. */
export const imageOut = (image: HzImage) => ({
  id: image.id,
  type: image.type,
  status: 'available',
  name: image.type === 'system' ? image.name : null,
  description: image.description,
  image_size: image.image_size ?? null,
  disk_size: 10,
  created: image.created ?? CREATED,
  created_from: image.created_from ?? null,
  bound_to: null,
  os_flavor: image.os_flavor,
  os_version: image.os_version,
  rapid_deploy: image.type === 'system',
  protection: { delete: false },
  deprecated: null,
  deleted: null,
  labels: {},
  architecture: image.architecture,
});

export const locationOut = (location: HzLocation) => ({ ...location });

/** Locations, server types, images, prices and the deprecated data centers. */
export function catalogRoutes(app: Hono, sim: HzRuntime): void {
  app.get('/v1/locations', (c) => {
    const name = c.req.query('name');
    const found = sim.state.locations.filter((l) => name === undefined || l.name === name);
    return listResponse(c, 'locations', found.map(locationOut));
  });

  app.get('/v1/server_types', (c) => {
    const name = c.req.query('name');
    const found = sim.state.serverTypes.filter((t) => name === undefined || t.name === name);
    return listResponse(
      c,
      'server_types',
      found.map((t) => serverTypeOut(sim.state, t)),
    );
  });

  app.get('/v1/images', (c) => {
    const name = c.req.query('name');
    const architecture = c.req.query('architecture');
    const types = c.req.queries('type');
    const sort = c.req.query('sort');
    const found = sim.state.images.filter(
      (i) =>
        (name === undefined || (i.type === 'system' && i.name === name)) &&
        (architecture === undefined || i.architecture === architecture) &&
        (!types || types.includes(i.type)),
    );
    if (sort?.startsWith('created')) found.sort((a, b) => ((a.created ?? CREATED) < (b.created ?? CREATED) ? -1 : 1));
    return listResponse(c, 'images', found.map(imageOut));
  });

  app.get('/v1/pricing', (c) => {
    const euro = (net: string, gross: string) => ({ net, gross });
    const locations = sim.state.locations.map((l) => l.name);
    return c.json({
      pricing: {
        currency: sim.state.currency,
        vat_rate: sim.state.vatRate,
        image: { price_per_gb_month: euro('0.0119000000', '0.0141610000000000') },
        volume: { price_per_gb_month: euro('0.0440000000', '0.0523600000000000') },
        server_backup: { percentage: '20.0000000000' },
        floating_ip: { price_monthly: euro('3.0000000000', '3.5700000000000000') },
        floating_ips: [],
        primary_ips: [
          {
            type: 'ipv4',
            prices: locations.map((location) => ({
              location,
              price_hourly: euro('0.0010000000', '0.0011900000000000'),
              price_monthly: euro('0.5000000000', '0.5950000000000000'),
            })),
          },
        ],
        load_balancer_types: [],
        server_types: sim.state.serverTypes.map((t) => ({ id: t.id, name: t.name, prices: structuredClone(t.prices) })),
      },
    });
  });

  app.delete('/v1/images/:id', (c) => {
    const id = idParam(c, 'id');
    const image = sim.state.images.find((i) => i.id === id);
    if (!image) throw notFound('image');
    if (image.type === 'system') throw new HzHttpError(403, 'forbidden', 'system images cannot be deleted');
    sim.state.images = sim.state.images.filter((i) => i.id !== id);
    return new Response(null, { status: 204 });
  });

  // Deprecated since 2026-06 and announced to answer 410: served as Hetzner answers after that date.
  app.get('/v1/datacenters', (c) =>
    c.json(
      {
        error: {
          code: 'deprecated_api_endpoint',
          message: 'data centers are deprecated; use locations',
          details: { announcement: 'https://docs.hetzner.cloud/changelog' },
        },
      },
      410,
    ),
  );
}
