import { z } from 'zod';
import { MAX_QUESTION_LENGTH } from '../src/core/engine.ts';
import type { Command } from './types.ts';

/** `/deal check <claim>` (Discord: `/check claim:`): is the claim right? A verdict with the quotes that decide it. */
export const check: Command<{ claim: string }> = {
  name: 'check',
  description: 'Check a claim against the sources: supported, contradicted, differs by date, or no source',
  examples: ['/deal check <claim>', '/check claim: (Discord)', 'check: <claim> (after a mention)'],
  options: [{ name: 'claim', description: 'The claim, e.g. a figure with what it is about', required: true, maxLength: MAX_QUESTION_LENGTH }],
  input: z.object({ claim: z.string() }),
  ephemeral: false,
  run({ engine }, { claim }) {
    return engine.check(claim);
  },
};
