/**
 * A local stand-in for Slack on 127.0.0.1: the Web API (`/api/<method>`),
 * `response_url`s (`/respond/<id>`) and, for Socket Mode, `apps.connections.open`
 * plus a WebSocket that sends `hello`, delivers envelopes and collects acks.
 * Our code and Bolt run for real against it.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One request the fake received. */
export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `respond`. */
  method: string;
  path: string;
  /** Parsed body: JSON, or form fields with JSON-looking values parsed. */
  body: Record<string, any>;
  headers: Record<string, string | string[] | undefined>;
}

/** What a handler answers: status (default 200), JSON body and extra headers (e.g. `retry-after`). */
export interface ApiReply {
  status?: number;
  json: unknown;
  headers?: Record<string, string>;
}

/**
 * Answers a Web API call (or a `respond`); the default is `{ ok: true }` plus a `ts`.
 * May answer late (a promise), or never (a promise that never settles: a hanging server).
 */
export type ApiHandler = (body: Record<string, any>, call: RecordedCall) => ApiReply | Promise<ApiReply>;

/** The running fake. */
export interface FakeSlack {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Web API base to give Bolt as `slackApiUrl`. */
  apiUrl: string;
  /** A `response_url` that records what is posted to it. */
  responseUrl(id: string): string;
  calls: RecordedCall[];
  /** Overrides the answer to one Web API method (or `respond`). */
  on(method: string, handler: ApiHandler): void;
  /** Waits for a call matching `predicate` (default 2 s). */
  waitForCall(predicate: (c: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Socket Mode: what the client sent back on the socket (acks). */
  socketMessages: any[];
  /** Socket Mode: resolves once a client has connected and been sent `hello`. */
  connected(): Promise<void>;
  /** Socket Mode: sends an envelope to the connected client. */
  send(envelope: unknown): void;
  /** Socket Mode: waits for the ack of an envelope. */
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<any>;
  /** Resolves when the socket client has closed its connection. */
  clientClosed(): Promise<void>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string, type: string | undefined): Record<string, any> {
  if (!raw) return {};
  if (type?.includes('application/json')) return JSON.parse(raw);
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

/** Polls `check` until it returns a value (or times out). */
export async function waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = 2000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Starts the fake on an ephemeral port. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const handlers = new Map<string, ApiHandler>();
  const socketMessages: any[] = [];
  let socket: WebSocket | undefined;
  let hello = false;
  let closed = false;
  let ts = 1700000000;

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const method = path.startsWith('/api/') ? path.slice(5) : path.startsWith('/respond/') ? 'respond' : path;
    const body = parseBody(raw, req.headers['content-type']);
    calls.push({ method, path, body, headers: req.headers });
    let reply: ApiReply;
    const handler = handlers.get(method);
    if (handler) reply = await handler(body, calls.at(-1)!);
    else if (method === 'apps.connections.open') reply = { json: { ok: true, url: `ws://127.0.0.1:${port}/link` } };
    else reply = { json: { ok: true, channel: body.channel, ts: `${ts++}.000100` } };
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.json));
  });
  const wss = new WebSocketServer({ server, path: '/link' });
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => socketMessages.push(JSON.parse(data.toString())));
    ws.on('close', () => {
      closed = true;
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A_FAKE' } }));
    hello = true;
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    apiUrl: `${url}/api/`,
    responseUrl: (id) => `${url}/respond/${id}`,
    calls,
    socketMessages,
    on: (method, handler) => void handlers.set(method, handler),
    waitForCall: (predicate, timeoutMs) => waitFor(() => calls.find(predicate), 'a matching Slack call', timeoutMs),
    connected: () => waitFor(() => hello, 'the socket client').then(() => undefined),
    send: (envelope) => {
      if (!socket) throw new Error('fake slack: no socket client connected');
      socket.send(JSON.stringify(envelope));
    },
    waitForAck: (id, timeoutMs) => waitFor(() => socketMessages.find((m) => m.envelope_id === id), `ack of ${id}`, timeoutMs),
    clientClosed: () => waitFor(() => closed || !socket, 'the socket client to close').then(() => undefined),
    async close() {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
