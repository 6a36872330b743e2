/** From an `Answer` to what the adapter sends: the rendered message plus vote buttons. */
import { UserError, type Answer } from '../../core/types.ts';
import { renderDiscord, type DiscordMessage } from '../../render/discord.ts';
import { voteRows } from './votes.ts';

/** The exact body sent for an answer: `renderDiscord(answer)` plus the 👍/👎 row when it has quotes. */
export type AnswerPayload = DiscordMessage & { components: ReturnType<typeof voteRows> };

/** `renderDiscord(answer)` (what `npm run ask -- --render discord` prints) with the vote buttons. */
export function answerPayload(answer: Answer): AnswerPayload {
  return { ...renderDiscord(answer), components: voteRows(answer) };
}

/** An answer that only carries a message for the user (rendered as ephemeral content). */
export function errorAnswer(question: string, message: string): Answer {
  return { kind: 'error', question, answered: false, headline: message, citations: [], facts: [], notes: [], lines: [] };
}

/**
 * Runs a command; a `UserError` (bad input) becomes an `error` answer for the
 * user, anything else propagates to the adapter's top-level catch.
 */
export function answerOrUserError(question: string, run: () => Answer): Answer {
  try {
    const answer = run();
    return { ...answer, question: answer.question || question };
  } catch (err) {
    if (err instanceof UserError) return errorAnswer(question, err.message);
    throw err;
  }
}
