/**
 * A small HTTP load balancer on 127.0.0.1 for replica tests, behaving as the
 * usual ones do: an active health check (`GET /healthz` on every upstream
 * every `HEALTH_EVERY_MS`; only those answering 200 get traffic), requests to
 * the healthy upstreams in turn, and a passive check on top (an upstream that
 * refuses the connection is skipped for the next one: safe, the request never
 * reached it). One fresh connection per request. Counts what each upstream served.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How often each upstream's health is checked, ms. */
export const HEALTH_EVERY_MS = 100;

/** The running proxy. */
export interface RoundRobinProxy {
  port: number;
  /** Requests each upstream port answered. */
  served: Map<number, number>;
  /** Requests no upstream could take (every one refused). */
  refusedEverywhere: number;
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function forward(port: number, method: string, path: string, headers: IncomingHttpHeaders, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Starts a proxy over `upstreams` (ports on 127.0.0.1), tried in turn. */
export async function startRoundRobinProxy(upstreams: readonly number[]): Promise<RoundRobinProxy> {
  let next = 0;
  const served = new Map<number, number>(upstreams.map((p) => [p, 0]));
  const healthy = new Set<number>(upstreams);
  const check = () =>
    Promise.all(
      upstreams.map((port) =>
        forward(port, 'GET', '/healthz', { connection: 'close' }, Buffer.alloc(0)).then(
          (r) => (r.status === 200 ? healthy.add(port) : healthy.delete(port)),
          () => healthy.delete(port),
        ),
      ),
    );
  const timer = setInterval(() => void check(), HEALTH_EVERY_MS);
  const proxy: RoundRobinProxy = { port: 0, served, refusedEverywhere: 0, close: async () => {} };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    // Healthy upstreams first; the others only if none is healthy.
    const order = [...upstreams.filter((p) => healthy.has(p)), ...upstreams.filter((p) => !healthy.has(p))];
    const live = Math.max(1, upstreams.filter((p) => healthy.has(p)).length);
    const first = next++ % live;
    const tries = [...order.slice(first, live), ...order.slice(0, first), ...order.slice(live)];
    for (const port of tries) {
      try {
        const answer = await forward(port, req.method ?? 'GET', req.url ?? '/', { ...req.headers, connection: 'close' }, body);
        served.set(port, (served.get(port) ?? 0) + 1);
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
        return;
      } catch (error) {
        // Only a refused connection is safe to retry elsewhere: the request never reached the replica.
        if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') continue;
        res.writeHead(502);
        res.end();
        return;
      }
    }
    proxy.refusedEverywhere++;
    res.writeHead(503);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as AddressInfo).port;
  proxy.close = async () => {
    clearInterval(timer);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return proxy;
}
