import { z } from 'zod';
import type { Command } from './types.ts';

/** `/deal [partner] [topic]`: a briefing; with no words, the deals the bot knows. */
export const deal: Command<{ partner?: string; topic?: string }> = {
  name: 'deal',
  description: 'Briefing on a trade deal: partner and optional topic (no words: the deals I know)',
  examples: ['/deal', '/deal <partner> <topic>', '/deal <question>?'],
  options: [
    { name: 'partner', description: 'Trading partner or deal name', required: false, autocomplete: 'partner', maxLength: 100 },
    { name: 'topic', description: 'Topic, e.g. tariffs or agriculture', required: false, autocomplete: 'topic', maxLength: 200 },
  ],
  input: z.object({ partner: z.string().max(100).optional(), topic: z.string().max(200).optional() }),
  ephemeral: false,
  run({ engine }, { partner, topic }) {
    const words = [partner, topic].filter(Boolean).join(' ').trim();
    return words ? engine.brief(words) : engine.deals();
  },
};
