/**
 * Opening the knowledge for an entry point: the default folder, with a clear
 * error naming the folder when it cannot be loaded.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine, type Engine } from './core/engine.ts';

/** The shipped knowledge folder (next to `src/`). */
export const DEFAULT_KNOWLEDGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'knowledge');

/** Loads the engine for a knowledge folder (default: the shipped one). @throws KnowledgeError */
export async function openEngine(dir?: string): Promise<Engine> {
  return loadEngine(dir ? path.resolve(dir) : DEFAULT_KNOWLEDGE_DIR);
}
