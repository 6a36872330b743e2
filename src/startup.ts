/**
 * Opening the knowledge for an entry point: the default folder, through the
 * index snapshot cache (see `core/retrieval/index-cache.ts`), with a clear error naming
 * the folder when it cannot be loaded.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine, loadEngine, type Engine } from './core/engine.ts';
import { openIndex } from './core/retrieval/index-cache.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The shipped knowledge folder (next to `src/`). */
export const DEFAULT_KNOWLEDGE_DIR = path.join(ROOT, 'knowledge');

/** Where index snapshots are kept by default: `.cache/` in the project root (git-ignored). */
export const DEFAULT_CACHE_DIR = path.join(ROOT, '.cache');

/** Options of `openEngine`. */
export interface OpenOptions {
  /** Snapshot folder; `false` builds in memory every time. Default `DEFAULT_CACHE_DIR`. */
  cacheDir?: string | false;
  /** Receives the cache's one-line notices (missing, stale, corrupt). Default: standard error. */
  log?: (line: string) => void;
}

/**
 * Loads the engine for a knowledge folder (default: the shipped one), from
 * the snapshot cache when it is current, else by building (and caching) it.
 * @throws KnowledgeError
 */
export async function openEngine(dir?: string, options: OpenOptions = {}): Promise<Engine> {
  const knowledge = dir ? path.resolve(dir) : DEFAULT_KNOWLEDGE_DIR;
  if (options.cacheDir === false) return loadEngine(knowledge);
  const { index } = await openIndex(knowledge, { cacheDir: options.cacheDir ?? DEFAULT_CACHE_DIR, log: options.log });
  return createEngine(index);
}
