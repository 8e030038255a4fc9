/**
 * The real HTTP server both simulators listen with on 127.0.0.1.
 * @internal
 * @module
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** What the simulator answers a request with; `'network-error'` drops the connection. */
export type SimAnswer = Response | 'network-error';

async function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  let body: Buffer | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    body = Buffer.concat(chunks);
  }
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: body?.length ? new Uint8Array(body) : null,
    signal,
  });
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => headers.push([name, value]));
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Serves `answer` over real HTTP on 127.0.0.1 (node:http, loaded lazily so the simulator also runs where
 * there is no node:http, through `fetch` and msw).
 * @returns the server and its origin (`http://127.0.0.1:<port>`)
 * @throws the listen error (e.g. `EADDRINUSE`) when the port is taken
 */
export async function startServer(
  answer: (request: Request) => Promise<SimAnswer>,
  port = 0,
): Promise<{ server: Server; origin: string }> {
  const { createServer } = await import('node:http');
  let origin = '';
  const server = createServer((req, res) => {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort(new Error('client disconnected'));
    });
    void (async () => {
      try {
        const result = await answer(await toRequest(req, origin, controller.signal));
        if (result === 'network-error') req.socket.destroy();
        else await writeResponse(res, result);
      } catch {
        if (!res.headersSent && !controller.signal.aborted) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: 'Server Error' }));
        } else {
          req.socket.destroy();
        }
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('simulator: server has no TCP address');
  origin = `http://127.0.0.1:${address.port}`;
  return { server, origin };
}

/** Closes `server`, dropping idle and in-flight connections. */
export function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
