/**
 * Child process of `npm run bench`: opens one snapshot file as a starting
 * replica does (read, check, map the arrays, make the engine) and prints, as
 * one JSON line, how long that took and the memory it holds afterwards. A
 * process of its own, so the figure is what a replica pays and nothing the
 * benchmark built along the way is counted.
 * Usage: node --import tsx src/bench/load-snapshot.ts FILE
 */
import { readFile } from 'node:fs/promises';
import { createEngine } from '../core/engine.ts';
import { decodeSnapshot } from '../core/retrieval/index-cache.ts';
import { loadIndex } from '../core/retrieval/corpus-index.ts';
import { liveBytes } from './stats.ts';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('load-snapshot: usage: load-snapshot.ts FILE');
  const before = liveBytes();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const decoded = decodeSnapshot(await readFile(file));
  const engine = createEngine(loadIndex(decoded.corpus, decoded.snapshot));
  const loadMs = performance.now() - started;
  // CPU time too: on a busy machine the wall time also counts waiting for a core.
  const used = process.cpuUsage(cpu);
  const loadCpuMs = (used.user + used.system) / 1000;
  const heapBytes = liveBytes() - before;
  const { rss } = process.memoryUsage();
  // The engine is used after the measurement, so it is still held when memory is counted.
  process.stdout.write(JSON.stringify({ loadMs, loadCpuMs, heapBytes, rssBytes: rss, articles: engine.corpus.articles.length }) + '\n');
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
