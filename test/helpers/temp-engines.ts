/** Engines over small temp knowledge folders, removed after the test file. */
import { rm } from 'node:fs/promises';
import { afterAll } from 'vitest';
import { loadEngine, type Engine } from '../../src/core/engine.ts';
import { makeKnowledge, type KnowledgeFiles } from './knowledge.ts';

/** Call at the top of a test file: returns `engineFor(files)`, whose folders are deleted in `afterAll`. */
export function tempEngines(): (files: KnowledgeFiles) => Promise<Engine> {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });
  return async (files) => {
    const dir = await makeKnowledge(files);
    dirs.push(dir);
    return loadEngine(dir);
  };
}
