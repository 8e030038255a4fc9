import { callOptions, capability, pathParam, type HostingApp, type RouteContext } from './context.js';
import { createRecordBody, deleteRecordQuery, parseWith, readJson, updateRecordsBody } from './schemas.js';

const PREFIX = '/providers/:provider/dns/:domain';

/** DNS: list, create, batch update, delete by name + type (+ content), reset. */
export function registerDnsRoutes(app: HostingApp, ctx: RouteContext): void {
  app.get(PREFIX, async (c) => {
    const domain = pathParam(c, 'domain');
    const dns = await capability(ctx, c, 'dns');
    return c.json(await dns.list(domain, callOptions(c)));
  });

  app.post(PREFIX, async (c) => {
    const domain = pathParam(c, 'domain');
    const dns = await capability(ctx, c, 'dns');
    const { id: _id, ...record } = await readJson(c, createRecordBody);
    await dns.create(domain, record, callOptions(c));
    return c.json({ status: 'created' }, 201);
  });

  app.put(PREFIX, async (c) => {
    const domain = pathParam(c, 'domain');
    const dns = await capability(ctx, c, 'dns');
    const body = await readJson(c, updateRecordsBody);
    const records = body.records.map(({ id: _id, ...record }) => record);
    await dns.update(domain, records, { ...callOptions(c), overwrite: body.overwrite ?? false });
    return c.json({ status: 'updated' });
  });

  app.delete(PREFIX, async (c) => {
    const domain = pathParam(c, 'domain');
    const dns = await capability(ctx, c, 'dns');
    const query = parseWith(deleteRecordQuery, c.req.query(), 'query string', 'query');
    const options = query.content === undefined ? callOptions(c) : { ...callOptions(c), content: query.content };
    await dns.delete(domain, query.name, query.type, options);
    return c.json({ status: 'deleted' });
  });

  app.post(`${PREFIX}/reset`, async (c) => {
    const domain = pathParam(c, 'domain');
    const dns = await capability(ctx, c, 'dns');
    await dns.reset(domain, callOptions(c));
    return c.json({ status: 'reset' });
  });
}
