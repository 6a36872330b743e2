/**
 * Child process for the PostgreSQL migration race: connects, says "ready",
 * waits for "go" on standard input (so two processes migrate at the same
 * moment), opens the store (which migrates), records one question, closes,
 * and prints what happened as one JSON line.
 * Usage: node --import tsx test/store/helpers/pg-open.ts URL NAME
 */
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { PostgresStore } from '../../../src/store/postgres.ts';

async function main(): Promise<void> {
  const [url, name] = process.argv.slice(2) as [string, string];
  const errors: string[] = [];
  const logger = { info: () => {}, warn: (m: string) => errors.push(m), error: (m: string, d?: unknown) => errors.push(`${m} ${JSON.stringify(d)}`) };
  // Connected before the signal, so the race is about migrating, not connecting.
  const probe = new Client({ connectionString: url });
  await probe.connect();
  const store = new PostgresStore(url, { logger, flushDelayMs: 10 });
  process.stdout.write('ready\n');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) if (line.trim() === 'go') break;
  // Standard input would keep the process alive.
  lines.close();
  process.stdin.destroy();
  const opened = await store.open();
  store.recordQuestion({ platform: 'slack', user: `U_${name}`, question: `from ${name}`, kind: 'answer', answered: true, articleIds: [] });
  await store.close();
  await probe.end();
  process.stdout.write(JSON.stringify({ name, opened, errors }) + '\n');
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
