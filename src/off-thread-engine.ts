/**
 * Builds an engine in a worker thread, so the event loop keeps acknowledging
 * Slack and Discord requests while a knowledge folder is loaded and indexed
 * (a 4 MB article takes seconds to index; Slack and Discord want an ack within
 * 3 s). The worker sends back the snapshot file's bytes (`engine-worker.ts`);
 * this thread only decodes them, which is a checksum, one JSON parse and
 * typed-array views (a few hundred milliseconds for 40k sentences).
 */
import { Worker } from 'node:worker_threads';
import { createEngine, type Engine } from './core/engine.ts';
import { KnowledgeError } from './core/model/knowledge-error.ts';
import { loadIndex } from './core/retrieval/corpus-index.ts';
import { decodeSnapshot } from './core/retrieval/index-cache.ts';
import type { EngineWorkerInput } from './engine-worker.ts';
import { DEFAULT_CACHE_DIR, type OpenOptions } from './startup.ts';

/** Run from the TypeScript sources (tsx) the worker needs the same loader; compiled (`dist/`) it does not. */
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const WORKER = new URL(FROM_SOURCES ? './engine-worker.ts' : './engine-worker.js', import.meta.url);

/**
 * Like `openEngine`, but the loading, validation and indexing happen in a
 * worker thread; the returned engine lives in this thread.
 * @throws KnowledgeError when the knowledge is invalid; Error when the worker fails
 */
export function openEngineOffThread(dir: string, options: OpenOptions = {}): Promise<Engine> {
  const input: EngineWorkerInput = { dir, cacheDir: options.cacheDir ?? DEFAULT_CACHE_DIR, readOnly: options.readOnly ?? false };
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  return new Promise<Engine>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    const worker = FROM_SOURCES
      ? // A worker does not inherit tsx's loader: start it through tsx's API.
        new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.tsImport(${JSON.stringify(WORKER.href)}, ${JSON.stringify(import.meta.url)}))`, { eval: true, workerData: input })
      : new Worker(WORKER, { workerData: input });
    worker.on('message', (m: { log?: string; ok?: boolean; bytes?: Uint8Array; problems?: string[]; message?: string }) => {
      if (m.log !== undefined) return log(m.log);
      if (m.ok && m.bytes) {
        const bytes = Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
        settle(() => {
          try {
            const { corpus, snapshot } = decodeSnapshot(bytes);
            resolve(createEngine(loadIndex(corpus, snapshot)));
          } catch (err) {
            reject(err);
          }
        });
      } else settle(() => reject(m.problems ? new KnowledgeError(m.problems) : new Error(`knowledge worker: ${m.message ?? 'failed'}`)));
    });
    worker.on('error', (err) => settle(() => reject(new Error(`knowledge worker: ${err.message}`))));
    worker.on('exit', (code) => settle(() => reject(new Error(`knowledge worker: exited with code ${code} before answering`))));
  });
}
