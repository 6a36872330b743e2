import { z } from 'zod';
import { MAX_QUESTION_LENGTH } from '../src/core/engine.ts';
import type { Command } from './types.ts';

/** `/ask question`: an answer quoted from the sources, or a plain "no source". */
export const ask: Command<{ question: string }> = {
  name: 'ask',
  description: 'Ask a question about the trade deals; the answer quotes its sources',
  examples: ['/ask <question>'],
  options: [{ name: 'question', description: 'Your question', required: true, maxLength: MAX_QUESTION_LENGTH }],
  input: z.object({ question: z.string() }),
  ephemeral: false,
  run({ engine }, { question }) {
    return engine.ask(question);
  },
};
