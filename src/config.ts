/**
 * Reads the environment once (dotenv + zod). Only entry points call this;
 * nothing else reads `process.env`. Empty strings count as unset, and every
 * problem is reported in one message. Secrets are never included in errors.
 */
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

const optionalString = z.string().optional();
const optionalUrl = z.string().url().optional();
const optionalPort = z.coerce.number().int().min(0).max(65535).optional();
const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no'], 'must be true or false').optional();

const schema = z.object({
  KNOWLEDGE_DIR: optionalString,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  FEEDBACK_FILE: optionalString,
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(10),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must start with xoxb-').optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must start with xapp-').optional(),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_PORT: optionalPort,
  SLACK_API_URL: optionalUrl,
  DISCORD_TOKEN: optionalString,
  DISCORD_APP_ID: z.string().regex(/^\d+$/, 'must be a numeric id').optional(),
  DISCORD_GUILD_ID: z.string().regex(/^\d+$/, 'must be a numeric id').optional(),
  DISCORD_CHANNELS: z.string().regex(/^\d+(\s*,\s*\d+)*$/, 'must be comma-separated numeric ids').optional(),
  DISCORD_API_URL: optionalUrl,
  DISCORD_SHARDS: z.coerce.number().int('must be a whole number of shards').min(1).max(65535).optional(),
  INDEX_CACHE_DIR: optionalString,
  INDEX_CACHE_READONLY: flag,
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(10),
  STORE: z.enum(['on', 'off'], 'must be on or off').default('on'),
  DATA_FILE: optionalString,
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// connection string').optional(),
  RETAIN_DAYS: z.coerce.number().int().min(1).max(36500).default(90),
  STORE_SALT: z.string().min(16, 'must be at least 16 characters').optional(),
});

/** Slack settings; present only when a bot token is configured. */
export interface SlackConfig {
  botToken: string;
  /** Socket Mode when set (the default way to run). */
  appToken?: string;
  /** HTTP mode (used when there is no app token). */
  signingSecret?: string;
  /** HTTP mode port; default 3000. */
  port: number;
  /** Web API base, e.g. `https://slack.com/api/` (the default when absent). */
  apiUrl?: string;
}

/** Discord settings; present only when a token is configured. */
export interface DiscordConfig {
  token: string;
  appId?: string;
  guildId?: string;
  /** Channel ids where any question is answered without a mention. */
  channels: string[];
  /** REST base without version, e.g. `https://discord.com/api` (the default when absent). */
  apiUrl?: string;
  /** `npm run discord:shards`: how many shards. Default: as many as Discord recommends for the bot (`/gateway/bot`). */
  shards?: number;
}

/** Where the index snapshot is kept (see `core/retrieval/index-cache.ts`). */
export interface IndexCacheConfig {
  /** Snapshot folder; default `.cache/` in the project root. */
  dir?: string;
  /**
   * Use a matching snapshot, never write one: on a miss (other code or
   * knowledge) rebuild in memory. For replicas sharing a prebuilt snapshot
   * (`npm run index -- --cache-dir DIR` at deploy time). Default false.
   */
  readOnly: boolean;
}

/** The event store (questions and votes, read by `npm run report`). */
export interface StoreConfig {
  /** False with `STORE=off`: nothing is recorded. */
  enabled: boolean;
  /** SQLite file; default `data/dealdesk.sqlite` (relative to the working folder). */
  dataFile: string;
  /**
   * PostgreSQL connection string (`DATABASE_URL`); when set, the store and the
   * per-user rate limit live there, shared by every replica and shard, and `dataFile` is not used.
   */
  databaseUrl?: string;
  /** Events older than this many days are deleted; default 90. */
  retainDays: number;
  /** Secret for hashing user ids; when absent the store makes one and keeps it in the database. */
  salt?: string;
}

/** Everything the entry points need, parsed and checked. */
export interface AppConfig {
  /** Knowledge folder; default `knowledge` next to the project root. */
  knowledgeDir?: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Old JSON-lines file of 👍/👎 votes, imported into the store once at start-up; default `feedback.jsonl`. */
  feedbackFile: string;
  /** Questions per user per minute before a polite refusal; default 10. */
  rateLimitPerMinute: number;
  slack?: SlackConfig;
  discord?: DiscordConfig;
  store: StoreConfig;
  indexCache: IndexCacheConfig;
  /** How long answers in flight may take to finish on SIGTERM, for every platform; default 10 s (`SHUTDOWN_GRACE_SECONDS`). */
  shutdownGraceMs: number;
}

/** Thrown when the environment is invalid; lists every problem, never a secret value. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`config: ${problems.length} problem(s) in the environment:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses an environment (default: `.env` merged into `process.env`).
 * @throws ConfigError listing every invalid or missing variable.
 */
export function readConfig(env?: Record<string, string | undefined>): AppConfig {
  if (!env) {
    loadDotenv({ quiet: true });
    env = process.env;
  }
  // Treat empty strings as unset so a blank line in .env does not count as a value.
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key]?.trim();
    if (value) cleaned[key] = value;
  }
  const parsed = schema.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.')}: ${issue.message}`);
    }
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  let slack: SlackConfig | undefined;
  if (e.SLACK_BOT_TOKEN || e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET) {
    if (!e.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN: required when other SLACK_ settings are set');
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      problems.push('SLACK_APP_TOKEN or SLACK_SIGNING_SECRET: one is required (Socket Mode or HTTP mode)');
    }
    if (e.SLACK_BOT_TOKEN) {
      slack = {
        botToken: e.SLACK_BOT_TOKEN,
        appToken: e.SLACK_APP_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        port: e.SLACK_PORT ?? 3000,
        apiUrl: e.SLACK_API_URL,
      };
    }
  }
  let discord: DiscordConfig | undefined;
  if (e.DISCORD_TOKEN || e.DISCORD_APP_ID || e.DISCORD_GUILD_ID || e.DISCORD_CHANNELS) {
    if (!e.DISCORD_TOKEN) problems.push('DISCORD_TOKEN: required when other DISCORD_ settings are set');
    else {
      discord = {
        token: e.DISCORD_TOKEN,
        appId: e.DISCORD_APP_ID,
        guildId: e.DISCORD_GUILD_ID,
        channels: e.DISCORD_CHANNELS ? e.DISCORD_CHANNELS.split(',').map((s) => s.trim()) : [],
        apiUrl: e.DISCORD_API_URL,
        shards: e.DISCORD_SHARDS,
      };
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    knowledgeDir: e.KNOWLEDGE_DIR,
    logLevel: e.LOG_LEVEL,
    feedbackFile: e.FEEDBACK_FILE ?? 'feedback.jsonl',
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    slack,
    discord,
    indexCache: { dir: e.INDEX_CACHE_DIR, readOnly: ['true', '1', 'yes'].includes(e.INDEX_CACHE_READONLY ?? 'false') },
    shutdownGraceMs: Math.round(e.SHUTDOWN_GRACE_SECONDS * 1000),
    store: { enabled: e.STORE === 'on', dataFile: e.DATA_FILE ?? 'data/dealdesk.sqlite', databaseUrl: e.DATABASE_URL, retainDays: e.RETAIN_DAYS, salt: e.STORE_SALT },
  };
}
