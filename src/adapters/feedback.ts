/**
 * 👍/👎 votes on answers, so maintainers can see which answers helped. Shared
 * by the Slack and Discord adapters, which hand each vote to a `VoteSink`: the
 * event store in production (`StoreVotes`), or a JSON-lines file (`FeedbackLog`,
 * the older format, which the store imports once).
 */
import { appendFile } from 'node:fs/promises';
import type { EventStore } from '../store/types.ts';

/** One vote. */
export interface FeedbackVote {
  platform: 'slack' | 'discord';
  /** The question the answer replied to. */
  question: string;
  /** Article ids the answer cited, in order. */
  articleIds: string[];
  vote: 'up' | 'down';
  /** Platform user id of the voter. */
  user: string;
}

/** Where the adapters send votes. */
export interface VoteSink {
  /** Records one vote; rejects only when the vote could not be accepted. */
  record(vote: FeedbackVote): Promise<void>;
}

/** Votes into the event store (queued there; the user id is stored only as a salted hash). */
export class StoreVotes implements VoteSink {
  constructor(readonly store: EventStore) {}

  async record(vote: FeedbackVote): Promise<void> {
    this.store.recordVote(vote);
  }
}

/** Appends votes to a JSON-lines file. */
export class FeedbackLog implements VoteSink {
  constructor(readonly file: string) {}

  /** Appends one vote with a timestamp. */
  async record(vote: FeedbackVote): Promise<void> {
    await appendFile(this.file, JSON.stringify({ time: new Date().toISOString(), ...vote }) + '\n', 'utf8');
  }
}

/**
 * Packs what a vote must remember into a button value (both platforms cap it:
 * Slack 2,000 characters, Discord custom_id 100): the vote and the cited article ids.
 * The question travels separately (Slack: the message; Discord: a short-lived map).
 */
export function encodeVote(vote: 'up' | 'down', articleIds: readonly string[], limit: number): string {
  let value = `${vote}|${articleIds.join(',')}`;
  while (value.length > limit && value.includes(',')) value = value.slice(0, value.lastIndexOf(','));
  return value.slice(0, limit);
}

/** Reverses `encodeVote`. Returns undefined for a value it did not make. */
export function decodeVote(value: string): { vote: 'up' | 'down'; articleIds: string[] } | undefined {
  const m = /^(up|down)\|(.*)$/s.exec(value);
  if (!m) return undefined;
  return { vote: m[1] as 'up' | 'down', articleIds: m[2] ? m[2].split(',') : [] };
}
