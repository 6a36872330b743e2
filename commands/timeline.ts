import { z } from 'zod';
import { MAX_PARTNER_LENGTH, MAX_TOPIC_LENGTH } from './limits.ts';
import type { Command } from './types.ts';

/** `/deal timeline <partner> [topic]` (Discord: `/timeline partner: topic:`): the dated events, oldest first, by era. */
export const timeline: Command<{ partner?: string; topic?: string }> = {
  name: 'timeline',
  description: 'Dated events of a partner’s deals, oldest first, by era; a topic narrows it',
  examples: ['/deal timeline <partner> [topic]', '/timeline partner: topic: (Discord)'],
  options: [
    { name: 'partner', description: 'Trading partner or deal name', required: false, autocomplete: 'partner', maxLength: MAX_PARTNER_LENGTH },
    { name: 'topic', description: 'Only events on this topic, e.g. tariffs', required: false, autocomplete: 'topic', maxLength: MAX_TOPIC_LENGTH },
  ],
  input: z.object({ partner: z.string().max(MAX_PARTNER_LENGTH).optional(), topic: z.string().max(MAX_TOPIC_LENGTH).optional() }),
  ephemeral: false,
  run({ engine }, { partner, topic }) {
    return engine.timeline([partner, topic].filter(Boolean).join(' ').trim());
  },
};
