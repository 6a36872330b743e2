/**
 * 👍/👎 buttons under answers and what a click needs to be logged: the vote
 * and article ids travel in the button's custom_id (Discord caps it at 100
 * characters), the question in a small bounded memory keyed by message id
 * (falling back to the embed title, which holds the question, after a restart).
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { Answer } from '../../core/model/types.ts';
import { decodeVote, encodeVote } from '../feedback.ts';

/** Prefix that marks our vote buttons (other bots' or future buttons are ignored). */
export const VOTE_PREFIX = 'vote:';
/** Discord's longest custom_id. */
export const CUSTOM_ID_MAX = 100;

/** The cited article ids, in order, without repeats. */
export function articleIdsOf(answer: Answer): string[] {
  return [...new Set(answer.citations.map((c) => c.articleId))];
}

/** True when an answer gets vote buttons: it carries quotes. */
export function wantsVotes(answer: Answer): boolean {
  return answer.answered && answer.citations.length > 0 && answer.kind !== 'error';
}

/** The 👍/👎 action row for an answer, or no rows when it has nothing to vote on. */
export function voteRows(answer: Answer): APIActionRowComponent<APIButtonComponent>[] {
  if (!wantsVotes(answer)) return [];
  const ids = articleIdsOf(answer);
  const button = (vote: 'up' | 'down', emoji: string, label: string): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: VOTE_PREFIX + encodeVote(vote, ids, CUSTOM_ID_MAX - VOTE_PREFIX.length),
    emoji: { name: emoji },
    label,
  });
  return [{ type: ComponentType.ActionRow, components: [button('up', '👍', 'Helpful'), button('down', '👎', 'Not helpful')] }];
}

/** Reads a vote button's custom_id; undefined for buttons that are not ours. */
export function parseVoteId(customId: string): { vote: 'up' | 'down'; articleIds: string[] } | undefined {
  return customId.startsWith(VOTE_PREFIX) ? decodeVote(customId.slice(VOTE_PREFIX.length)) : undefined;
}

/** What we remember about a sent answer. */
export interface Remembered {
  question: string;
  articleIds: string[];
}

/**
 * A bounded memory of recent answers by message id (oldest forgotten first), so
 * a vote can be logged with the full question and every cited article.
 * @param capacity entries kept; default 1,000
 */
export class AnswerMemory {
  private readonly map = new Map<string, Remembered>();
  constructor(readonly capacity = 1000) {}

  /** Remembers an answer sent as message `messageId`. */
  remember(messageId: string, answer: Answer): void {
    this.map.delete(messageId);
    this.map.set(messageId, { question: answer.question, articleIds: articleIdsOf(answer) });
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }

  /** The answer sent as `messageId`, if still remembered. */
  get(messageId: string): Remembered | undefined {
    return this.map.get(messageId);
  }

  /** Entries held (for tests). */
  get size(): number {
    return this.map.size;
  }
}
