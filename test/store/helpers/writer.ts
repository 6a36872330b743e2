/**
 * A child process for the SQLite store tests: opens the store on argv[2] and
 * records questions. Modes:
 * - `burst N`: records N questions as fast as it can, flushing every 50, then closes and exits.
 * - `until-sigterm`: records one question a millisecond until SIGTERM, then
 *   prints how many it recorded, closes the store (flushing) and exits 0.
 * Logs go to standard error as JSON lines.
 */
import { openSqliteStore } from '../../../src/store/sqlite.ts';

const [file, mode, n] = process.argv.slice(2);
const tag = String(process.pid);
const store = openSqliteStore(file!, {
  flushDelayMs: 5,
  logger: {
    info: (msg, data) => process.stderr.write(JSON.stringify({ level: 'info', msg, ...data }) + '\n'),
    warn: (msg, data) => process.stderr.write(JSON.stringify({ level: 'warn', msg, ...data }) + '\n'),
    error: (msg, data) => process.stderr.write(JSON.stringify({ level: 'error', msg, ...data }) + '\n'),
  },
});

if (mode === 'burst') {
  const count = Number(n);
  for (let i = 0; i < count; i++) {
    store.recordQuestion({ platform: 'slack', user: `U${tag}`, question: `${tag} ${i}`, kind: 'answer', answered: true, articleIds: ['a'] });
    if (i % 50 === 49) await store.flush();
  }
  await store.close();
  process.stdout.write(`done ${count}\n`);
} else {
  let recorded = 0;
  const timer = setInterval(() => {
    store.recordQuestion({ platform: 'discord', user: tag, question: `tick ${recorded}`, kind: 'answer', answered: true, articleIds: [] });
    recorded++;
    if (recorded === 50) process.stdout.write('recording\n');
  }, 1);
  process.on('SIGTERM', () => {
    clearInterval(timer);
    void store.close().then(() => {
      process.stdout.write(`recorded ${recorded}\n`);
      process.exit(0);
    });
  });
}
