import type { Hono } from 'hono';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * For a path no route answers with the request's method: the methods that do have a route there
 * (`GET, HEAD, POST`), so a wrong method is a 405 with `Allow` rather than a 404. Call it once every
 * route is registered.
 */
export function methodsByPath(app: Hono): (path: string) => string[] {
  const routes = app.routes
    .filter((route) => route.method !== 'ALL')
    .map((route) => ({
      method: route.method,
      pattern: new RegExp(
        `^${route.path
          .split(/(:[A-Za-z_]+)/)
          .map((part) => (part.startsWith(':') ? '[^/]+' : escape(part)))
          .join('')}/?$`,
      ),
    }));
  return (path) => {
    const methods = new Set(routes.filter((route) => route.pattern.test(path)).map((route) => route.method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}
