/** From an `Answer` to what the adapter sends: the rendered message plus vote buttons. */
import type { Answer } from '../../core/model/types.ts';
import { renderDiscord, type DiscordMessage } from '../../render/discord.ts';
import { voteRows } from './votes.ts';

/** The exact body sent for an answer: `renderDiscord(answer)` plus the 👍/👎 row when it has quotes. */
export type AnswerPayload = DiscordMessage & { components: ReturnType<typeof voteRows> };

/** `renderDiscord(answer)` (what `npm run ask -- --render discord` prints) with the vote buttons. */
export function answerPayload(answer: Answer): AnswerPayload {
  return { ...renderDiscord(answer), components: voteRows(answer) };
}
