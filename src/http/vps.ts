import { callOptions, capability, pathParam, type HostingApp, type RouteContext } from './context.js';
import { createVmBody, readJson } from './schemas.js';
import { withMaxPrice } from './spending.js';

const PREFIX = '/providers/:provider';

/** VPS: list, details, create, power actions (start, stop, restart), data centers. */
export function registerVpsRoutes(app: HostingApp, ctx: RouteContext): void {
  app.get(`${PREFIX}/vms`, async (c) => {
    const vps = await capability(ctx, c, 'vps');
    return c.json(await vps.list(callOptions(c)));
  });

  app.post(`${PREFIX}/vms`, async (c) => {
    const vps = await capability(ctx, c, 'vps');
    const { max_price, ...request } = await readJson(c, createVmBody);
    return c.json(await withMaxPrice(c, max_price, (options) => vps.create(request, options)), 201);
  });

  app.get(`${PREFIX}/vms/:id`, async (c) => {
    const id = pathParam(c, 'id', 'id', 128);
    const vps = await capability(ctx, c, 'vps');
    return c.json(await vps.get(id, callOptions(c)));
  });

  for (const action of ['start', 'stop', 'restart'] as const) {
    app.post(`${PREFIX}/vms/:id/${action}`, async (c) => {
      const id = pathParam(c, 'id', 'id', 128);
      const vps = await capability(ctx, c, 'vps');
      await vps[action](id, callOptions(c));
      return c.json({ status: 'ok' });
    });
  }

  app.get(`${PREFIX}/datacenters`, async (c) => {
    const vps = await capability(ctx, c, 'vps');
    return c.json(await vps.listDataCenters(callOptions(c)));
  });
}
