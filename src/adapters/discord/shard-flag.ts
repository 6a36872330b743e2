/**
 * The argument `npm run discord:shards` gives every shard process: `main`
 * then starts Discord only (never Slack, never the console). Its own module so
 * that `main` can check it without loading the sharding manager.
 */
export const SHARD_FLAG = '--discord-shard';
