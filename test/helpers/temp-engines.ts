/** Engines over small temp knowledge folders, removed after the test file. */
import { loadEngine, type Engine } from '../../src/core/engine.ts';
import { tempKnowledge, type KnowledgeFiles } from './knowledge.ts';

/** Call at the top of a test file: returns `engineFor(files)`, whose folders are deleted in `afterAll`. */
export function tempEngines(): (files: KnowledgeFiles) => Promise<Engine> {
  const make = tempKnowledge();
  return async (files) => loadEngine(await make(files));
}
