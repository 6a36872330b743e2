/**
 * `npm run report -- [--since 30d] [--json] [--knowledge DIR] [--data FILE]`:
 * what the bot could not answer and what people disliked, from the event
 * store. Plain text for people; `--json` prints one object (see `Report`).
 * Standard output carries only the report; notes and errors go to standard error.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { loadCorpus } from '../core/knowledge/load.ts';
import { createLogger } from '../log.ts';
import { buildReport, totals } from '../report/build.ts';
import { parseSince } from '../report/since.ts';
import { renderReportText } from '../report/text.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../startup.ts';
import { importFeedbackFile } from '../store/import-feedback.ts';
import { openStore } from '../store/index.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import type { StoredEvents } from '../store/types.ts';

const USAGE = 'usage: npm run report -- [--since 30d|12h|8w|YYYY-MM-DD] [--json] [--knowledge DIR] [--data FILE]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: { since: { type: 'string' }, json: { type: 'boolean', default: false }, knowledge: { type: 'string' }, data: { type: 'string' }, help: { type: 'boolean', default: false } },
      allowPositionals: false,
    }).values;
  } catch (err) {
    process.stderr.write(`report: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const since = parseSince(args.since);
  const config = readConfig();
  const logger = createLogger(config.logLevel, [config.store.salt, config.store.databaseUrl]);
  const file = args.data ?? config.store.dataFile;

  let events: StoredEvents = { questions: [], votes: [] };
  if (!config.store.enabled) process.stderr.write('report: STORE=off: nothing is being recorded\n');
  else if (config.store.databaseUrl && !args.data) {
    // The shared store of every replica and shard.
    const store = await openStore(config.store, logger);
    try {
      events = await store.report(since.from);
    } finally {
      await store.close();
    }
  }
  else if (!existsSync(file) && !existsSync(config.feedbackFile)) process.stderr.write(`report: no event store at ${file} yet: nothing recorded\n`);
  else {
    const store = openSqliteStore(file, { salt: config.store.salt, retainDays: config.store.retainDays, logger });
    try {
      await importFeedbackFile(store, config.feedbackFile, logger);
      events = await store.report(since.from);
    } finally {
      await store.close();
    }
  }
  const corpus = await loadCorpus(args.knowledge ?? config.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR);
  const report = buildReport(events, corpus);
  process.stdout.write(args.json ? JSON.stringify(report) + '\n' : renderReportText(report, totals(events), since.label));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`report: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
