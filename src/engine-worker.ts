/**
 * Worker thread entry for `openEngineOffThread`: opens a knowledge folder
 * through the index cache (loading, validating, splitting and indexing on a
 * miss, and saving the snapshot), then sends the snapshot file's bytes back,
 * transferred rather than copied. Messages: `{ log }` for each cache notice,
 * then `{ ok: true, bytes }` or `{ ok: false, problems? , message }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { realpath } from 'node:fs/promises';
import { KnowledgeError } from './core/model/knowledge-error.ts';
import { snapshotIndex } from './core/retrieval/corpus-index.ts';
import { cacheKey, encodeSnapshot, openIndex } from './core/retrieval/index-cache.ts';
import { loadCorpus } from './core/knowledge/load.ts';
import { buildIndex } from './core/retrieval/corpus-index.ts';

/** What the main thread sends (`workerData`). */
export interface EngineWorkerInput {
  dir: string;
  /** Snapshot folder, or false to build without the cache. */
  cacheDir: string | false;
  readOnly: boolean;
}

async function run(input: EngineWorkerInput): Promise<Buffer> {
  const log = (line: string) => parentPort!.postMessage({ log: line });
  if (input.cacheDir === false) {
    const corpus = await loadCorpus(input.dir);
    const index = buildIndex(corpus);
    return encodeSnapshot(await cacheKey(await realpath(input.dir), index.sentences.kind), corpus, snapshotIndex(index));
  }
  const { index } = await openIndex(input.dir, { cacheDir: input.cacheDir, readOnly: input.readOnly, log });
  return encodeSnapshot(await cacheKey(await realpath(input.dir), index.sentences.kind), index.corpus, snapshotIndex(index));
}

run(workerData as EngineWorkerInput).then(
  (bytes) => {
    // A buffer this large owns its memory: hand it over without a copy.
    const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Buffer.from(bytes);
    parentPort!.postMessage({ ok: true, bytes: owned }, [owned.buffer as ArrayBuffer]);
  },
  (err: unknown) => {
    parentPort!.postMessage({ ok: false, problems: err instanceof KnowledgeError ? err.problems : undefined, message: err instanceof Error ? err.message : String(err) });
  },
);
