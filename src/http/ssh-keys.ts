import { callOptions, capability, pathParam, type HostingApp, type RouteContext } from './context.js';
import { addSshKeyBody, readJson } from './schemas.js';

const PREFIX = '/providers/:provider/ssh-keys';

/** SSH keys: list, add, delete. */
export function registerSshKeyRoutes(app: HostingApp, ctx: RouteContext): void {
  app.get(PREFIX, async (c) => {
    const keys = await capability(ctx, c, 'sshKeys');
    return c.json(await keys.list(callOptions(c)));
  });

  app.post(PREFIX, async (c) => {
    const keys = await capability(ctx, c, 'sshKeys');
    const body = await readJson(c, addSshKeyBody);
    return c.json(await keys.add(body.name, body.public_key, callOptions(c)), 201);
  });

  app.delete(`${PREFIX}/:id`, async (c) => {
    const id = pathParam(c, 'id', 'id', 128);
    const keys = await capability(ctx, c, 'sshKeys');
    await keys.delete(id, callOptions(c));
    return c.json({ status: 'deleted' });
  });
}
