import { z } from 'zod';
import { MAX_PARTNER_LENGTH, MAX_TOPIC_LENGTH } from './limits.ts';
import type { Command } from './types.ts';

/** `/deal [partner] [topic]`: a briefing; with no words, the deals the bot knows. */
export const deal: Command<{ partner?: string; topic?: string }> = {
  name: 'deal',
  description: 'Briefing on a trade deal: partner and optional topic (no words: the deals I know)',
  examples: ['/deal', '/deal <partner> <topic>', '/deal <question>?'],
  options: [
    { name: 'partner', description: 'Trading partner or deal name', required: false, autocomplete: 'partner', maxLength: MAX_PARTNER_LENGTH },
    { name: 'topic', description: 'Topic, e.g. tariffs or agriculture', required: false, autocomplete: 'topic', maxLength: MAX_TOPIC_LENGTH },
  ],
  input: z.object({ partner: z.string().max(MAX_PARTNER_LENGTH).optional(), topic: z.string().max(MAX_TOPIC_LENGTH).optional() }),
  ephemeral: false,
  run({ engine }, { partner, topic }) {
    const words = [partner, topic].filter(Boolean).join(' ').trim();
    return words ? engine.brief(words) : engine.deals();
  },
};
