import type { Context } from 'hono';
import type * as z from 'zod/mini';
import type { VmWait } from '../core/vps.js';
import { callOptions, capability, pathParam, type HostingApp, type RouteContext } from './context.js';
import { createSnapshotBody, createVmBody, parseJsonText, readJson, vmActionBody, vmWaitBody } from './schemas.js';
import { withMaxPrice } from './spending.js';

const PREFIX = '/providers/:provider';

/** A body that may be empty: `{}` when it is. */
async function optionalJson<T>(c: Context, schema: z.ZodMiniType<T>): Promise<T> {
  const text = await c.req.text();
  return parseJsonText(text.trim() === '' ? '{}' : text, schema);
}

/** The REST `wait` (`timeout_ms`, `interval_ms`) as the SDK's `wait` option. */
function sdkWait(wait: boolean | { timeout_ms?: number; interval_ms?: number } | undefined): VmWait | undefined {
  if (wait === undefined || typeof wait === 'boolean') return wait;
  return {
    ...(wait.timeout_ms !== undefined ? { timeoutMs: wait.timeout_ms } : {}),
    ...(wait.interval_ms !== undefined ? { intervalMs: wait.interval_ms } : {}),
  };
}

/**
 * VPS: list, details, create, power actions, waits, delete, snapshots, data centers. Every wait ends when the
 * client goes away (the request's signal).
 */
export function registerVpsRoutes(app: HostingApp, ctx: RouteContext): void {
  const vmId = (c: Context) => pathParam(c, 'id', 'id', 128);

  app.get(`${PREFIX}/vms`, async (c) => {
    const vps = await capability(ctx, c, 'vps');
    return c.json(await vps.list(callOptions(c)));
  });

  app.post(`${PREFIX}/vms`, async (c) => {
    const vps = await capability(ctx, c, 'vps');
    const { max_price, wait, ...request } = await readJson(c, createVmBody);
    const waiting = sdkWait(wait);
    const vm = await withMaxPrice(c, max_price, (options) =>
      vps.create(request, waiting === undefined ? options : { ...options, wait: waiting }),
    );
    return c.json(vm, 201);
  });

  app.get(`${PREFIX}/vms/:id`, async (c) => {
    const id = vmId(c);
    const vps = await capability(ctx, c, 'vps');
    return c.json(await vps.get(id, callOptions(c)));
  });

  app.delete(`${PREFIX}/vms/:id`, async (c) => {
    const id = vmId(c);
    const vps = await capability(ctx, c, 'vps');
    await vps.delete(id, callOptions(c));
    return c.json({ status: 'deleted' });
  });

  for (const action of ['start', 'stop', 'restart'] as const) {
    app.post(`${PREFIX}/vms/:id/${action}`, async (c) => {
      const id = vmId(c);
      const { wait } = await optionalJson(c, vmActionBody);
      const vps = await capability(ctx, c, 'vps');
      const vm = await vps[action](id, { ...callOptions(c), wait: sdkWait(wait) ?? false });
      return c.json(vm ? { status: 'ok', vm } : { status: 'ok' });
    });
  }

  app.post(`${PREFIX}/vms/:id/wait`, async (c) => {
    const id = vmId(c);
    const body = await readJson(c, vmWaitBody);
    const vps = await capability(ctx, c, 'vps');
    const timing = sdkWait({ timeout_ms: body.timeout_ms, interval_ms: body.interval_ms }) as object;
    return c.json(await vps.waitFor(id, body.status, { ...callOptions(c), ...timing }));
  });

  app.get(`${PREFIX}/vms/:id/snapshots`, async (c) => {
    const id = vmId(c);
    const vps = await capability(ctx, c, 'vps');
    return c.json(await vps.listSnapshots(id, callOptions(c)));
  });

  app.post(`${PREFIX}/vms/:id/snapshots`, async (c) => {
    const id = vmId(c);
    const { name, wait } = await optionalJson(c, createSnapshotBody);
    const vps = await capability(ctx, c, 'vps');
    const options = { ...callOptions(c), wait: sdkWait(wait) ?? false, ...(name !== undefined ? { name } : {}) };
    const snapshot = await vps.createSnapshot(id, options);
    return c.json(snapshot && options.wait ? { status: 'created', snapshot } : { status: 'accepted' }, 201);
  });

  app.post(`${PREFIX}/vms/:id/snapshots/:snapshotId/restore`, async (c) => {
    const id = vmId(c);
    const snapshotId = pathParam(c, 'snapshotId', 'snapshotId', 128);
    const { wait } = await optionalJson(c, vmActionBody);
    const vps = await capability(ctx, c, 'vps');
    const vm = await vps.restoreSnapshot(id, snapshotId, { ...callOptions(c), wait: sdkWait(wait) ?? false });
    return c.json(vm ? { status: 'ok', vm } : { status: 'ok' });
  });

  app.delete(`${PREFIX}/vms/:id/snapshots/:snapshotId`, async (c) => {
    const id = vmId(c);
    const snapshotId = pathParam(c, 'snapshotId', 'snapshotId', 128);
    const vps = await capability(ctx, c, 'vps');
    await vps.deleteSnapshot(id, snapshotId, callOptions(c));
    return c.json({ status: 'deleted' });
  });

  app.get(`${PREFIX}/datacenters`, async (c) => {
    const vps = await capability(ctx, c, 'vps');
    return c.json(await vps.listDataCenters(callOptions(c)));
  });
}
