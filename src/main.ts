/**
 * `npm start`: starts every chat platform whose settings are present (Slack,
 * Discord, or both); with none, the console. Never logs a token.
 */
import { readConfig, ConfigError } from './config.ts';
import { createLogger } from './log.ts';
import { DEFAULT_KNOWLEDGE_DIR, openEngine } from './startup.ts';
import { KnowledgeHolder } from './knowledge-watch.ts';
import { runConsole } from './adapters/console.ts';
import { FeedbackLog } from './adapters/feedback.ts';
import { RateLimiter } from './adapters/rate-limit.ts';
import type { AdapterDeps, RunningAdapter } from './adapters/types.ts';
import { KnowledgeError } from './core/model/knowledge-error.ts';

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel, [config.slack?.botToken, config.slack?.appToken, config.slack?.signingSecret, config.discord?.token]);
  const dir = config.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR;
  const first = await openEngine(dir);
  const knowledge = new KnowledgeHolder(first, dir, (d) => openEngine(d), logger);
  const deps: AdapterDeps = {
    engine: knowledge.current,
    logger,
    feedback: new FeedbackLog(config.feedbackFile),
    rateLimiter: new RateLimiter(config.rateLimitPerMinute),
  };

  const running: RunningAdapter[] = [];
  if (config.slack) {
    const { startSlack } = await import('./adapters/slack/index.ts');
    running.push(await startSlack(config.slack, deps));
  }
  if (config.discord) {
    const { startDiscord } = await import('./adapters/discord/index.ts');
    running.push(await startDiscord(config.discord, deps));
  }
  if (running.length === 0) {
    await runConsole(knowledge.current, process.stdin, process.stdout);
    return;
  }
  logger.info('adapters started', { adapters: running.map((a) => a.name), articles: first.corpus.articles.length, facts: first.corpus.facts.length });
  knowledge.watch();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const bounded = new Promise((r) => setTimeout(r, 10_000).unref());
    await Promise.race([Promise.allSettled([knowledge.close(), ...running.map((a) => a.stop())]), bounded]);
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  // Config and knowledge errors are for the operator: print them whole (they never hold secrets).
  if (err instanceof ConfigError || err instanceof KnowledgeError) process.stderr.write(err.message + '\n');
  else process.stderr.write(`dealdesk: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
