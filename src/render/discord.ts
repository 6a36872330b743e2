/** Discord rendering of an `Answer` (owned by the Discord adapter work). */
import type { Answer } from '../core/types.ts';

/** A Discord message payload (interaction reply / channel message body). */
export interface DiscordMessage {
  content: string;
  embeds: Record<string, unknown>[];
  allowedMentions: { parse: [] };
}

/** Renders an answer as a Discord message. First version: to be finished by the Discord issue. */
export function renderDiscord(answer: Answer): DiscordMessage {
  return { content: answer.headline.slice(0, 2000), embeds: [], allowedMentions: { parse: [] } };
}
