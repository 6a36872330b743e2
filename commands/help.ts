import { z } from 'zod';
import type { Command } from './types.ts';

/** `/help`: what the bot does, its commands and what it covers. */
export const help: Command<Record<string, never>> = {
  name: 'help',
  description: 'How to use me',
  examples: ['/help'],
  options: [],
  input: z.object({}),
  ephemeral: true,
  run({ engine, commands }) {
    const { deals, topics, articles } = engine.corpus;
    const lines = [
      'I answer questions about trade deals with word-for-word quotes from named, dated sources. If I have no source, I say so.',
      ...commands.map((c) => `${c.examples.join('  |  ')}: ${c.description}`),
      `For example: /deal ${engine.exampleBriefing()}`,
      `Check a claim: /deal check ${engine.exampleClaim()}. See what happened when: /deal timeline ${engine.exampleBriefing()}`,
      'Or just ask a question. Add a year ("in 2020") or "now" to pick an era; each quote says which era it belongs to.',
    ];
    if (deals.length) lines.push(`Deals: ${deals.map((d) => d.name).join('; ')}.`);
    if (topics.length) lines.push(`Topics: ${topics.map((t) => t.id).join(', ')}.`);
    lines.push(`Sources: ${articles.length} article(s); low-reliability sources are flagged ⚠.`);
    return { kind: 'help', question: '', answered: true, headline: 'dealdesk: cited answers on trade deals', citations: [], facts: [], notes: [], lines };
  },
};
