/**
 * Discord shards (`npm run discord:shards`): discord.js's own `ShardingManager`
 * runs `src/main` once per shard, each a child process with its own engine
 * (loaded from the shared index snapshot) and only the Discord adapter. A
 * shard that dies is respawned, with a log line. The manager itself holds no
 * engine and no gateway connection.
 *
 * Discord sends a guild's events to shard `(guild_id >> 22) % shard_count`;
 * one shard holds up to 2,500 guilds, and Discord requires sharding from there.
 */
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ShardingManager, type Shard } from 'discord.js';
import type { DiscordConfig } from '../../config.ts';
import type { Logger } from '../../log.ts';
import { SHARD_FLAG } from './shard-flag.ts';


/**
 * Discord allows `max_concurrency` IDENTIFYs per 5 seconds; discord.js waits
 * 5.5 s between shards by default. Shards are started this long divided by
 * `max_concurrency` apart (large bots get a higher concurrency and start faster).
 */
export const IDENTIFY_WINDOW_MS = 5500;

/** What Discord's `GET /gateway/bot` says about sharding this bot. */
export interface GatewayAdvice {
  /** Recommended number of shards. */
  shards: number;
  /** IDENTIFYs allowed per 5 seconds. */
  maxConcurrency: number;
}

/**
 * Asks `GET /gateway/bot` (at `DISCORD_API_URL`, unlike discord.js's own
 * `fetchRecommendedShardCount`, which always asks discord.com).
 * @throws Error "discord-shards: …" when the token is refused or the API is unreachable
 */
export async function gatewayAdvice(config: Pick<DiscordConfig, 'token' | 'apiUrl'>): Promise<GatewayAdvice> {
  const base = (config.apiUrl ?? 'https://discord.com/api').replace(/\/+$/, '');
  let res: Response;
  try {
    res = await fetch(`${base}/v10/gateway/bot`, { headers: { authorization: `Bot ${config.token}` }, signal: AbortSignal.timeout(15_000) });
  } catch (err) {
    throw new Error(`discord-shards: could not reach ${base}/v10/gateway/bot (${(err as Error).message})`);
  }
  if (res.status === 401) throw new Error('discord-shards: the bot token was not accepted (GET /gateway/bot: 401)');
  if (!res.ok) throw new Error(`discord-shards: GET /gateway/bot answered ${res.status}`);
  const body = (await res.json()) as { shards?: unknown; session_start_limit?: { max_concurrency?: unknown } };
  const shards = Number(body.shards);
  const maxConcurrency = Number(body.session_start_limit?.max_concurrency ?? 1);
  return { shards: Number.isInteger(shards) && shards > 0 ? shards : 1, maxConcurrency: Number.isInteger(maxConcurrency) && maxConcurrency > 0 ? maxConcurrency : 1 };
}

/** A running set of shards. */
export interface RunningShards {
  manager: ShardingManager;
  totalShards: number;
  /** Stops respawning, sends SIGTERM to every shard (each drains for its grace period) and waits for them, SIGKILL after `graceMs` + 5 s. */
  stop(graceMs: number): Promise<void>;
}

/**
 * Starts the shards and resolves once every one is ready.
 * @param config Discord settings; without `shards`, as many as Discord recommends
 * @param execArgv node options for the shard processes (the manager's own: tsx's loader under `npm run`, nothing for `dist/`)
 */
export async function startShards(config: DiscordConfig, logger: Logger, execArgv: readonly string[] = process.execArgv): Promise<RunningShards> {
  const advice = await gatewayAdvice(config);
  const totalShards = config.shards ?? advice.shards;
  // main.ts next to the sources under tsx, main.js in dist/.
  const script = fileURLToPath(new URL(`../../main${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
  const manager = new ShardingManager(script, { token: config.token, totalShards, respawn: true, shardArgs: [SHARD_FLAG], execArgv: [...execArgv], mode: 'process' });

  manager.on('shardCreate', (shard: Shard) => {
    // Process mode: every shard is a ChildProcess (never a worker thread).
    shard.on('spawn', (child) => logger.info('discord-shards: shard started', { shard: shard.id, of: totalShards, pid: (child as ChildProcess).pid }));
    shard.on('ready', () => logger.info('discord-shards: shard ready', { shard: shard.id, of: totalShards }));
    shard.on('death', (dead) => {
      const child = dead as ChildProcess;
      if (manager.respawn) logger.error('discord-shards: shard died; respawning', { shard: shard.id, pid: child.pid, code: child.exitCode, signal: child.signalCode });
      else logger.info('discord-shards: shard exited', { shard: shard.id, pid: child.pid, code: child.exitCode, signal: child.signalCode });
    });
    shard.on('error', (error: Error) => logger.error('discord-shards: shard error', { shard: shard.id, error }));
  });

  const delay = Math.ceil(IDENTIFY_WINDOW_MS / advice.maxConcurrency);
  logger.info('discord-shards: starting', { totalShards, recommended: advice.shards, maxConcurrency: advice.maxConcurrency, delayMs: delay });
  await manager.spawn({ amount: totalShards, delay, timeout: 60_000 });
  logger.info('discord-shards: all shards ready', { totalShards });

  return {
    manager,
    totalShards,
    async stop(graceMs) {
      manager.respawn = false;
      const exits = [...manager.shards.values()].map((shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
        return new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      });
      const hardStop = setTimeout(() => {
        for (const shard of manager.shards.values()) shard.process?.kill('SIGKILL');
      }, graceMs + 5000);
      await Promise.all(exits);
      clearTimeout(hardStop);
    },
  };
}
