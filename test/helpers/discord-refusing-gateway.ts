/**
 * A Discord on 127.0.0.1 that refuses the bot token the way the real gateway
 * does: `/gateway/bot` answers, the WebSocket says HELLO, and IDENTIFY is
 * answered by closing with 4004 ("Authentication failed", Discord's Gateway
 * close event codes). Lets tests drive discord.js's own invalid-token path.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

/** A running refusing gateway. Always `close()` it. */
export interface RefusingGateway {
  /** REST base to give the adapter (`DISCORD_API_URL`). */
  apiUrl: string;
  /** Tokens received in IDENTIFY payloads, in order. */
  identified: string[];
  close(): Promise<void>;
}

/** Starts a gateway that closes every IDENTIFY with 4004. */
export async function startRefusingGateway(): Promise<RefusingGateway> {
  const identified: string[] = [];
  const server = createServer((req, res) => {
    if (req.url?.endsWith('/gateway/bot')) {
      const { port } = server.address() as AddressInfo;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ url: `ws://127.0.0.1:${port}/gateway`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: '404: Not Found', code: 0 }));
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => {
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 } }));
    ws.on('message', (data) => {
      const payload = JSON.parse(String(data)) as { op: number; d?: { token?: string } };
      if (payload.op !== 2) return;
      identified.push(String(payload.d?.token));
      ws.close(4004, 'Authentication failed.');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
    identified,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
