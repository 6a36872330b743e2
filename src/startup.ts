/**
 * Opening the knowledge for an entry point: the default folder, through the
 * index snapshot cache (see `core/retrieval/index-cache.ts`), with a clear error naming
 * the folder when it cannot be loaded.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine, loadEngine, type Engine } from './core/engine.ts';
import { openIndex } from './core/retrieval/index-cache.ts';

/**
 * The project root: the nearest folder above this module holding a
 * `package.json`. Found rather than fixed because this file runs from `src/`
 * (tsx) and from `dist/src/` (`npm run start:prod`), one level deeper.
 */
export function projectRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

const ROOT = projectRoot();

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
  /** Use a matching snapshot but never write one (replicas sharing a prebuilt snapshot). Default false. */
  readOnly?: boolean;
}

/**
 * Loads the engine for a knowledge folder (default: the shipped one), from
 * the snapshot cache when it is current, else by building (and caching) it.
 * @throws KnowledgeError
 */
export async function openEngine(dir?: string, options: OpenOptions = {}): Promise<Engine> {
  const knowledge = dir ? path.resolve(dir) : DEFAULT_KNOWLEDGE_DIR;
  if (options.cacheDir === false) return loadEngine(knowledge);
  const { index } = await openIndex(knowledge, { cacheDir: options.cacheDir ?? DEFAULT_CACHE_DIR, log: options.log, readOnly: options.readOnly });
  return createEngine(index);
}
