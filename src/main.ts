/**
 * `npm start`: starts every chat platform whose settings are present (Slack,
 * Discord, or both); with none, the console. Never logs a token.
 */
import { userInfo } from 'node:os';
import { readConfig, ConfigError } from './config.ts';
import { createLogger } from './log.ts';
import { DEFAULT_KNOWLEDGE_DIR, openEngine, type OpenOptions } from './startup.ts';
import { KnowledgeHolder } from './knowledge-watch.ts';
import { openEngineOffThread } from './off-thread-engine.ts';
import { runConsole } from './adapters/console.ts';
import { StoreVotes } from './adapters/feedback.ts';
import { SHARD_FLAG } from './adapters/discord/shard-flag.ts';
import { Health } from './adapters/health.ts';
import { RateLimiter, SharedRateLimiter } from './adapters/rate-limit.ts';
import type { AdapterDeps, RunningAdapter } from './adapters/types.ts';
import { KnowledgeError } from './core/model/knowledge-error.ts';
import { openStore } from './store/index.ts';
import type { PostgresStore } from './store/postgres.ts';
import { importFeedbackFile } from './store/import-feedback.ts';

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel, [config.slack?.botToken, config.slack?.appToken, config.slack?.signingSecret, config.discord?.token, config.store.salt, ...databaseSecrets(config.store.databaseUrl)]);
  // A promise rejected with no handler (in a library or our own code) is logged, and never ends the process.
  process.on('unhandledRejection', (reason) => logger.error('unhandled promise rejection; still running', { error: reason }));
  // A shard process of `npm run discord:shards` runs Discord only.
  const slackConfig = process.argv.includes(SHARD_FLAG) ? undefined : config.slack;
  const dir = config.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR;
  const cache: OpenOptions = { cacheDir: config.indexCache.dir, readOnly: config.indexCache.readOnly };
  const health = new Health();
  let knowledge: KnowledgeHolder | undefined;
  // The event store: questions and votes for `npm run report`. Opening never fails start-up (problems are logged).
  const events = await openStore(config.store, logger);
  // With PostgreSQL the per-user limit is shared by every replica and shard; otherwise it is this process's own.
  const localLimit = new RateLimiter(config.rateLimitPerMinute);
  const rateLimiter = events.kind === 'postgres' ? new SharedRateLimiter(events as PostgresStore, localLimit, logger) : localLimit;
  if (config.store.enabled) await importFeedbackFile(events, config.feedbackFile, logger);
  const deps: AdapterDeps = {
    engine: () => {
      if (!knowledge) throw new Error('main: the engine is not loaded yet');
      return knowledge.current();
    },
    logger,
    feedback: new StoreVotes(events),
    rateLimiter,
    events,
    health,
  };

  const running: RunningAdapter[] = [];
  // Slack first: in HTTP mode its server answers GET /healthz with 503 while the engine loads (requests that arrive meanwhile wait for it).
  if (slackConfig) {
    const { startSlack } = await import('./adapters/slack/index.ts');
    running.push(await startSlack(slackConfig, deps));
  }
  const first = await openEngine(dir, cache);
  // Reloads build in a worker thread: acks keep going out while a big change is indexed.
  knowledge = new KnowledgeHolder(first, dir, (d) => openEngineOffThread(d, cache), logger);
  health.loaded();
  if (config.discord) {
    const { startDiscord } = await import('./adapters/discord/index.ts');
    running.push(await startDiscord(config.discord, deps));
  }
  if (running.length === 0) {
    // The console reloads too: edits to the knowledge show in the next answer.
    knowledge.watch();
    await runConsole(knowledge.current, process.stdin, process.stdout, { events, user: consoleUser() });
    await knowledge.close();
    await events.close();
    return;
  }
  logger.info('adapters started', { adapters: running.map((a) => a.name), articles: first.corpus.articles.length, facts: first.corpus.facts.length });
  const loaded = knowledge;
  loaded.watch();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const graceMs = config.shutdownGraceMs;
    logger.info('shutting down', { signal, graceMs });
    health.draining();
    // Each adapter lets answers in flight finish for at most the grace period, then disconnects; the outer bound covers a disconnect that hangs.
    const bounded = new Promise((r) => setTimeout(r, graceMs + 5_000).unref());
    await Promise.race([Promise.allSettled([loaded.close(), ...running.map((a) => a.stop(graceMs))]), bounded]);
    // After the answers in flight: write every queued event before exiting.
    await events.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** The connection string and its password, for the logger to mask (a driver error could quote either). */
function databaseSecrets(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password ? [url, password] : [url];
  } catch {
    return [url];
  }
}

/** Who is at the console (recorded only as a salted hash); some containers have no user name. */
function consoleUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'console';
  }
}

main().catch((err) => {
  // Config and knowledge errors are for the operator: print them whole (they never hold secrets).
  if (err instanceof ConfigError || err instanceof KnowledgeError) process.stderr.write(err.message + '\n');
  else process.stderr.write(`dealdesk: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
