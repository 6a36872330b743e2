/** What the Discord handlers share. */
import type { AdapterDeps } from '../types.ts';
import type { AnswerMemory } from './votes.ts';

/** Shared state for the Discord handlers. */
export interface DiscordContext {
  deps: AdapterDeps;
  /** Recent answers by message id, for votes. */
  memory: AnswerMemory;
  /** Channel ids where questions are answered without a mention. */
  channels: ReadonlySet<string>;
}
