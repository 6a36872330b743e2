/**
 * A local stand-in for Discord on 127.0.0.1: the REST API (gateway info,
 * interaction callbacks, webhook edits, channel messages, threads) and the
 * gateway WebSocket (HELLO, READY + GUILD_CREATE on IDENTIFY, RESUMED on
 * RESUME, heartbeat ACKs). The real discord.js client talks to it, so tests
 * exercise our adapter and the library for real. Recipe: DESIGN.md.
 *
 * Sharding as Discord does it: IDENTIFY's `shard: [id, count]` decides which
 * guilds a connection gets (`(guild_id >> 22) % count === id`), a dispatch for
 * a guild goes to the connection of the shard that owns it, and
 * `/gateway/bot` recommends `recommendedShards`.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** Ids the fake world uses. */
export const IDS = {
  app: '100000000000000001',
  bot: '100000000000000002',
  guild: '100000000000000003',
  channel: '100000000000000004',
  /** A channel listed in DISCORD_CHANNELS. */
  listen: '100000000000000005',
  dm: '100000000000000006',
  user: '100000000000000007',
  otherBot: '100000000000000008',
} as const;

/** All permissions, as Discord sends them for an administrator. */
export const ALL_PERMISSIONS = '2251799813685247';

/** One REST request the client made. */
export interface RecordedRequest {
  method: string;
  /** Path without the query, e.g. `/api/v10/interactions/1/tok/callback`. */
  path: string;
  query: URLSearchParams;
  /** The Authorization header, e.g. `Bot <token>` (absent on interaction callbacks). */
  authorization?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** What the fake answered (e.g. the message object a reply created). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  response?: any;
}

/** One gateway payload the client sent. */
export interface GatewayPayload {
  op: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  d: any;
}

/** The bot's user object. */
export const botUser = { id: IDS.bot, username: 'dealdesk', discriminator: '0', global_name: null, avatar: null, bot: true };

let nextSnowflake = 200000000000000000n;
/** A fresh, increasing snowflake id. */
export function snowflake(): string {
  nextSnowflake += 1n;
  return nextSnowflake.toString();
}

/** A message object as the API returns it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function apiMessage(channelId: string, body: any, author: object = botUser): Record<string, unknown> {
  return {
    id: snowflake(),
    channel_id: channelId,
    author,
    content: body?.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: body?.embeds ?? [],
    components: body?.components ?? [],
    pinned: false,
    type: 0,
    flags: body?.flags ?? 0,
  };
}

/** A guild of the fake world and its text channels. */
export interface FakeGuild {
  id: string;
  name?: string;
  channels: { id: string; name: string }[];
}

/** The default world: one guild with a general channel and a listening channel. */
export const DEFAULT_GUILD: FakeGuild = {
  id: IDS.guild,
  name: 'Fake guild',
  channels: [
    { id: IDS.channel, name: 'general' },
    { id: IDS.listen, name: 'trade-questions' },
  ],
};

/** The shard that receives a guild's events, as Discord computes it: `(guild_id >> 22) % shardCount`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Settings of the fake. */
export interface FakeDiscordOptions {
  /** The guilds the bot is in; default `[DEFAULT_GUILD]`. */
  guilds?: FakeGuild[];
  /** `shards` in `/gateway/bot` (what `totalShards: 'auto'` uses); default 1. */
  recommendedShards?: number;
  /** `session_start_limit.max_concurrency` in `/gateway/bot`; default 1. */
  maxConcurrency?: number;
}

/** One IDENTIFY the fake answered: the shard it asked for and the guilds it was given. */
export interface Identified {
  shard: [number, number];
  guilds: string[];
  /** Which connection (1-based count of connections so far). */
  connection: number;
}

function guildCreate(guild: FakeGuild = DEFAULT_GUILD): Record<string, unknown> {
  const channel = (id: string, name: string, position: number) => ({ id, type: 0, name, position, permission_overwrites: [], guild_id: guild.id, nsfw: false, topic: null, last_message_id: null, rate_limit_per_user: 0, parent_id: null });
  return {
    id: guild.id,
    name: guild.name ?? 'Fake guild',
    icon: null,
    owner_id: IDS.user,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id: guild.id, name: '@everyone', permissions: ALL_PERMISSIONS, position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_id: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    nsfw_level: 0,
    unavailable: false,
    large: false,
    member_count: 2,
    joined_at: new Date().toISOString(),
    channels: guild.channels.map((c, i) => channel(c.id, c.name, i)),
    threads: [],
    members: [{ user: botUser, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** What a REST route handler may answer. */
export interface FakeResponse {
  status: number;
  body?: unknown;
  /** Extra response headers (e.g. `retry-after` on a 429). */
  headers?: Record<string, string>;
}

/** The fake Discord. Create with `startFakeDiscord()`, always `close()`. */
export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly received: GatewayPayload[] = [];
  /** Every IDENTIFY answered, in order. */
  readonly identified: Identified[] = [];
  /** WebSocket connections opened so far. */
  connections = 0;
  /** Set to answer some requests differently (return undefined for the default). */
  override?: (req: RecordedRequest) => FakeResponse | undefined;
  private seq = 0;
  private socket?: WebSocket;
  /** The open connection of each shard id that identified. */
  private readonly shardSockets = new Map<number, { socket: WebSocket; count: number }>();
  private readonly waiters: (() => void)[] = [];
  readonly guilds: FakeGuild[];

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    readonly port: number,
    private readonly options: FakeDiscordOptions,
  ) {
    this.guilds = options.guilds ?? [DEFAULT_GUILD];
  }

  /** REST base to give discord.js (`rest.api`), i.e. `DISCORD_API_URL`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Starts the fake on a free port. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const wss = new WebSocketServer({ server });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeDiscord(server, wss, (server.address() as AddressInfo).port, options);
    server.on('request', (req, res) => {
      void fake.onRequest(req).then(({ status, body, headers }) => {
        res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      });
    });
    wss.on('connection', (ws) => fake.onConnection(ws));
    return fake;
  }

  private async onRequest(req: IncomingMessage): Promise<FakeResponse> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, authorization: req.headers.authorization, body: text ? JSON.parse(text) : undefined };
    const response = this.override?.(recorded) ?? this.route(recorded);
    recorded.response = response.body;
    this.requests.push(recorded);
    this.notify();
    return response;
  }

  private route({ method, path, body }: RecordedRequest): FakeResponse {
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/api/v10/gateway/bot') {
      const shards = this.options.recommendedShards ?? 1;
      return { status: 200, body: { url: this.gatewayUrl, shards, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: this.options.maxConcurrency ?? 1 } } };
    }
    if (method === 'POST' && /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    if ((m = /^\/api\/v10\/webhooks\/\d+\/[^/]+\/messages\/(%40original|@original)$/.exec(path))) {
      if (method === 'DELETE') return { status: 204 };
      return { status: 200, body: apiMessage(IDS.channel, body) };
    }
    if (method === 'POST' && /^\/api\/v10\/webhooks\/\d+\/[^/]+$/.test(path)) return { status: 200, body: apiMessage(IDS.channel, body) };
    if (method === 'POST' && (m = /^\/api\/v10\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path))) {
      return { status: 201, body: { id: snowflake(), type: 11, guild_id: IDS.guild, parent_id: m[1], name: body?.name, owner_id: IDS.bot, thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false }, message_count: 0, member_count: 1, rate_limit_per_user: 0, flags: 0 } };
    }
    if (method === 'POST' && (m = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path))) return { status: 200, body: apiMessage(m[1]!, body) };
    if (method === 'PUT' && (m = /^\/api\/v10\/applications\/(\d+)\/(?:guilds\/(\d+)\/)?commands$/.exec(path))) {
      const registered = (body as object[]).map((c) => ({ ...c, id: snowflake(), application_id: m![1], ...(m![2] ? { guild_id: m![2] } : {}), version: snowflake() }));
      return { status: 200, body: registered };
    }
    return { status: 404, body: { message: 'Unknown route (fake Discord)', code: 0 } };
  }

  private onConnection(ws: WebSocket): void {
    const connection = ++this.connections;
    this.socket = ws;
    const send = (payload: object) => ws.send(JSON.stringify(payload));
    ws.on('close', () => {
      for (const [id, s] of this.shardSockets) if (s.socket === ws) this.shardSockets.delete(id);
    });
    ws.on('message', (data) => {
      const payload = JSON.parse(String(data)) as GatewayPayload;
      this.received.push(payload);
      if (payload.op === 1) send({ op: 11, d: null });
      if (payload.op === 2) {
        const shard: [number, number] = Array.isArray(payload.d?.shard) ? [Number(payload.d.shard[0]), Number(payload.d.shard[1])] : [0, 1];
        const mine = this.guilds.filter((g) => shardOf(g.id, shard[1]) === shard[0]);
        this.shardSockets.set(shard[0], { socket: ws, count: shard[1] });
        this.identified.push({ shard, guilds: mine.map((g) => g.id), connection });
        const ready = { v: 10, user: botUser, guilds: mine.map((g) => ({ id: g.id, unavailable: true })), session_id: 'fake-session', resume_gateway_url: this.gatewayUrl, shard, application: { id: IDS.app, flags: 0 }, private_channels: [], relationships: [], presences: [], geo_ordered_rtc_regions: [], guild_join_requests: [], session_type: 'normal', user_settings: {}, auth: {} };
        send({ op: 0, t: 'READY', s: ++this.seq, d: ready });
        for (const g of mine) send({ op: 0, t: 'GUILD_CREATE', s: ++this.seq, d: guildCreate(g) });
      }
      this.notify();
      if (payload.op === 6) send({ op: 0, t: 'RESUMED', s: ++this.seq, d: {} });
    });
    send({ op: 10, d: { heartbeat_interval: 41250 } });
  }

  private notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /**
   * Sends a gateway dispatch (e.g. INTERACTION_CREATE, MESSAGE_CREATE): to the
   * connection of the shard that owns `d.guild_id` when shards identified,
   * else to the latest connection.
   */
  dispatch(t: string, d: object): void {
    const socket = this.socketFor((d as { guild_id?: unknown }).guild_id);
    if (!socket) throw new Error('fake-discord: no gateway connection');
    socket.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  private socketFor(guildId: unknown): WebSocket | undefined {
    if (typeof guildId === 'string') {
      for (const [id, s] of this.shardSockets) if (s.count > 1 && shardOf(guildId, s.count) === id) return s.socket;
    }
    return this.socket;
  }

  /** Resolves with the first IDENTIFY from index `since` on (of `identified`) that asked for shard `id`. */
  async identify(id: number, since = 0, timeoutMs = 4000): Promise<Identified> {
    return this.waitFor(() => this.identified.slice(since).find((i) => i.shard[0] === id), timeoutMs, `IDENTIFY of shard ${id}`);
  }

  /** Sends a raw gateway payload (e.g. `{ op: 9, d: false }`: invalid session) to the connected client. */
  sendRaw(payload: object): void {
    if (!this.socket) throw new Error('fake-discord: no gateway connection');
    this.socket.send(JSON.stringify(payload));
  }

  /** Closes the gateway connection from the server side, as Discord does on trouble. */
  dropConnection(code = 4000): void {
    this.socket?.close(code, 'fake-discord: dropped');
  }

  /** Resolves with the first request from index `since` on that matches, waiting up to `timeoutMs`. */
  async request(match: (r: RecordedRequest) => boolean, since = 0, timeoutMs = 4000): Promise<RecordedRequest> {
    return this.waitFor(() => this.requests.slice(since).find(match), timeoutMs, 'request');
  }

  /** Resolves with the first gateway payload from index `since` on with opcode `op`. */
  async op(op: number, since = 0, timeoutMs = 4000): Promise<GatewayPayload> {
    return this.waitFor(() => this.received.slice(since).find((p) => p.op === op), timeoutMs, `op ${op}`);
  }

  private async waitFor<T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake-discord: timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Closes every connection and the server. */
  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
