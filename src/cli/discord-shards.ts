/**
 * `npm run discord:shards`: the Discord bot as several shards (discord.js's
 * `ShardingManager`), `DISCORD_SHARDS` of them or, by default, as many as
 * Discord recommends. Each shard is a `src/main` process running Discord only;
 * a shard that dies is respawned. SIGTERM/SIGINT stop the shards (each drains
 * for `SHUTDOWN_GRACE_SECONDS`) and then the manager. Run Slack separately.
 */
import { readConfig, ConfigError } from '../config.ts';
import { createLogger } from '../log.ts';
import { startShards } from '../adapters/discord/sharding.ts';

async function main(): Promise<void> {
  const config = readConfig();
  if (!config.discord) throw new ConfigError(['DISCORD_TOKEN: required by discord:shards']);
  const logger = createLogger(config.logLevel, [config.discord.token]);
  const shards = await startShards(config.discord, logger);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('discord-shards: shutting down', { signal });
    await shards.stop(config.shutdownGraceMs);
    logger.info('discord-shards: stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
