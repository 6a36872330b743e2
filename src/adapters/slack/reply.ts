/**
 * From chat text to the Slack payload: answer with the core (through the
 * command router), pick public or private, render. Shared by every listener.
 */
import { answerLine, errorAnswer } from '../../../commands/index.ts';
import type { Engine } from '../../core/engine.ts';
import type { Answer } from '../../core/model/types.ts';
import { isEphemeral, renderSlack, type SlackMessage } from '../../render/slack.ts';
import { inTurn } from '../answer-queue.ts';
import { recordAnswer } from '../record.ts';
import { FRIENDLY_ERROR, rateLimitedMessage, type AdapterDeps } from '../types.ts';

/** What to send: exactly `renderSlack(answer)`, and whether it goes privately. */
export interface SlackReply {
  answer: Answer;
  message: SlackMessage;
  ephemeral: boolean;
}

/** Wraps an answer for sending. */
export function replyFor(answer: Answer): SlackReply {
  return { answer, message: renderSlack(answer), ephemeral: isEphemeral(answer) };
}

/**
 * Answers chat text as `runText` routes it (`/deal japan autos`, a question,
 * `help`, `sources`), after the user's rate limit. User errors and the rate
 * limit become private error replies; other errors propagate to the handler's catch.
 * The answer is computed in its own event-loop turn (`inTurn`), so acks keep
 * going out during bursts; before the engine is loaded it waits (`deps.health`).
 */
export async function answerFor(deps: AdapterDeps, user: string, raw: string): Promise<SlackReply> {
  const text = decodeSlackEntities(raw);
  // A request that reached a replica still loading its engine (already acknowledged) waits for it.
  await deps.health?.whenLoaded();
  const limit = await deps.rateLimiter.check(user);
  if (!limit.ok) return replyFor(errorAnswer(text.trim(), rateLimitedMessage(limit.retryAfterSeconds)));
  return inTurn(() => {
    const engine: Engine = deps.engine();
    const answer = answerLine(engine, text);
    recordAnswer(deps.events, 'slack', user, answer);
    return replyFor(answer);
  });
}

/** The fixed private message for failures inside a handler (never the raw error). */
export function friendlyError(): SlackMessage {
  return renderSlack(errorAnswer('', FRIENDLY_ERROR));
}

/**
 * Slack sends the `&`, `<` and `>` a user types as `&amp;`, `&lt;` and `&gt;` (its only escapes, so
 * that real angle brackets are always markup); decoded, "US &amp; Japan" is read as typed.
 */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&(lt|gt|amp);/g, (_, e: string) => (e === 'lt' ? '<' : e === 'gt' ? '>' : '&'));
}

/** Removes mentions of the bot (`<@U123>` or `<@U123|name>`) from message text. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim();
  const escaped = botUserId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`<@${escaped}(\\|[^>]*)?>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/** Short description of an answer for logs (never the user's words in full). */
export function logFields(reply: SlackReply): Record<string, unknown> {
  return { kind: reply.answer.kind, answered: reply.answer.answered, citations: reply.answer.citations.length, ephemeral: reply.ephemeral };
}
