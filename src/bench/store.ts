/**
 * `npm run bench:store`: what the event store costs. Prints, on a real SQLite
 * file in a temp folder:
 * - the answer path: answering shipped-knowledge questions with and without
 *   recording (`recordAnswer` only queues, so the difference is the queue push);
 * - write latency: one batched flush of 1, 100 and 500 events (the time the
 *   event loop is held by the synchronous SQLite transaction);
 * - throughput: events written per second in full batches;
 * - report: reading back and aggregating 100,000 events.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answerLine } from '../../commands/index.ts';
import { recordAnswer } from '../adapters/record.ts';
import { buildReport } from '../report/build.ts';
import { openEngine } from '../startup.ts';
import { MAX_BATCH } from '../store/queue.ts';
import { openSqliteStore } from '../store/sqlite.ts';

const QUESTIONS = ['what tariff do cars pay now?', 'who pays for the investment?', 'what about rice?', 'is there a quota on beef?', 'what does the deal say about semiconductors?', 'when was it signed?', 'how much will be invested?', 'what tariff on bananas?'];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const fmt = (ms: number) => (ms < 0.1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dealdesk-bench-store-'));
  try {
    const engine = await openEngine();
    const store = openSqliteStore(path.join(dir, 'bench.sqlite'), { flushDelayMs: 60_000 });
    const rounds = 2000;
    // Alternating with and without recording, so machine load affects both alike.
    const without: number[] = [];
    const withStore: number[] = [];
    for (let i = 0; i < rounds * 2 + 200; i++) {
      const record = i % 2 === 1;
      const t = performance.now();
      const answer = answerLine(engine, QUESTIONS[Math.floor(i / 2) % QUESTIONS.length]!);
      if (record) recordAnswer(store, 'slack', `U${i % 50}`, answer);
      if (i >= 200) (record ? withStore : without).push(performance.now() - t);
    }
    without.sort((a, b) => a - b);
    withStore.sort((a, b) => a - b);
    await store.flush();
    const pushes: number[] = [];
    const sample = answerLine(engine, QUESTIONS[0]!);
    for (let i = 0; i < 100_000; i++) {
      const t = performance.now();
      recordAnswer(store, 'discord', String(i), sample);
      pushes.push(performance.now() - t);
    }
    pushes.sort((a, b) => a - b);
    const flushStart = performance.now();
    await store.flush();
    const bulkMs = performance.now() - flushStart;

    const flushOf = async (n: number) => {
      const times: number[] = [];
      for (let r = 0; r < 20; r++) {
        for (let i = 0; i < n; i++) recordAnswer(store, 'slack', `U${i}`, sample);
        const t = performance.now();
        await store.flush();
        times.push(performance.now() - t);
      }
      return times.sort((a, b) => a - b);
    };
    const rows: string[][] = [];
    rows.push(['answer path p50 / p99, no store', `${fmt(percentile(without, 50))} / ${fmt(percentile(without, 99))}`]);
    rows.push(['answer path p50 / p99, recording', `${fmt(percentile(withStore, 50))} / ${fmt(percentile(withStore, 99))}`]);
    rows.push(['recordAnswer alone p50 / p99', `${fmt(percentile(pushes, 50))} / ${fmt(percentile(pushes, 99))}`]);
    for (const n of [1, 10, MAX_BATCH]) {
      const t = await flushOf(n);
      rows.push([`flush of ${n} event(s) p50 / max (loop held)`, `${fmt(percentile(t, 50))} / ${fmt(t.at(-1)!)}`]);
    }
    rows.push([`write throughput (100,000 events, batches of ${MAX_BATCH})`, `${Math.round(100_000 / (bulkMs / 1000)).toLocaleString('en-US')} events/s`]);
    const rt = performance.now();
    const events = await store.report(new Date(0));
    const readMs = performance.now() - rt;
    const bt = performance.now();
    buildReport(events, engine.corpus);
    const buildMs = performance.now() - bt;
    rows.push([`report: read ${events.questions.length.toLocaleString('en-US')} events / aggregate`, `${fmt(readMs)} / ${fmt(buildMs)}`]);
    await store.close();
    const width = Math.max(...rows.map((r) => r[0]!.length));
    process.stdout.write(rows.map(([k, v]) => `${k!.padEnd(width)}  ${v}`).join('\n') + '\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`bench:store: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
