import { z } from 'zod';
import type { Command } from './types.ts';

/** `/sources`: the articles the bot quotes, with publisher, date and reliability. */
export const sources: Command<Record<string, never>> = {
  name: 'sources',
  description: 'List the sources I quote, with publisher, date and reliability',
  examples: ['/sources'],
  options: [],
  input: z.object({}),
  ephemeral: true,
  run({ engine }) {
    return engine.sources();
  },
};
