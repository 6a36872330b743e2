import { z } from 'zod';
import type { Command } from './types.ts';

/** `/deal timeline <partner> [topic]` (Discord: `/timeline partner: topic:`): the dated events, oldest first, by era. */
export const timeline: Command<{ partner?: string; topic?: string }> = {
  name: 'timeline',
  description: 'Dated events of a partner’s deals, oldest first, by era; a topic narrows it',
  examples: ['/deal timeline <partner> [topic]', '/timeline partner: topic: (Discord)'],
  options: [
    { name: 'partner', description: 'Trading partner or deal name', required: false, autocomplete: 'partner', maxLength: 100 },
    { name: 'topic', description: 'Only events on this topic, e.g. tariffs', required: false, autocomplete: 'topic', maxLength: 200 },
  ],
  input: z.object({ partner: z.string().max(100).optional(), topic: z.string().max(200).optional() }),
  ephemeral: false,
  run({ engine }, { partner, topic }) {
    return engine.timeline([partner, topic].filter(Boolean).join(' ').trim());
  },
};
