/**
 * Votes used to be appended to `feedback.jsonl` (one JSON object a line:
 * `{ time, platform, question, articleIds, vote, user }`). At start-up an
 * existing file is read once and its votes imported into the store (keyed by
 * the file's content hash, so the same file is never imported twice), then
 * renamed to `<file>.imported` so it is plain that it has moved.
 */
import { createHash } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import type { EventStore, StoreLogger, VoteEvent } from './types.ts';

/** What reading an old feedback file found. */
export interface FeedbackFile {
  votes: VoteEvent[];
  /** Lines that are not a vote, as `line N: why`. */
  skipped: string[];
  /** sha-256 of the bytes, hex. */
  hash: string;
}

/** Parses the lines of an old feedback file; lines that are not votes are listed, not fatal. */
export function parseFeedback(text: string): FeedbackFile {
  const votes: VoteEvent[] = [];
  const skipped: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(line) as Record<string, unknown>;
    } catch {
      skipped.push(`line ${i + 1}: not JSON`);
      return;
    }
    const time = typeof v.time === 'string' ? new Date(v.time) : undefined;
    const ok =
      time && !Number.isNaN(time.getTime()) && (v.platform === 'slack' || v.platform === 'discord') && typeof v.question === 'string' &&
      Array.isArray(v.articleIds) && v.articleIds.every((a) => typeof a === 'string') && (v.vote === 'up' || v.vote === 'down') && typeof v.user === 'string';
    if (!ok) {
      skipped.push(`line ${i + 1}: not a vote (needs time, platform, question, articleIds, vote, user)`);
      return;
    }
    votes.push({ time, platform: v.platform as 'slack' | 'discord', question: v.question as string, articleIds: v.articleIds as string[], vote: v.vote as 'up' | 'down', user: v.user as string });
  });
  return { votes, skipped, hash: createHash('sha256').update(text).digest('hex') };
}

/**
 * Imports `file` into the store once, then renames it to `<file>.imported`.
 * A missing file is not an error. Problems are logged, never thrown: start-up goes on.
 * @returns votes imported (0 when there was nothing new)
 */
export async function importFeedbackFile(store: EventStore, file: string, logger?: StoreLogger): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger?.warn('store: could not read the old feedback file', { file, error });
    return 0;
  }
  const parsed = parseFeedback(text);
  if (parsed.skipped.length) logger?.warn('store: lines of the old feedback file that are not votes were skipped', { file, skipped: parsed.skipped.slice(0, 20), count: parsed.skipped.length });
  let count: number;
  try {
    count = await store.importVotes(`feedback:${parsed.hash}`, parsed.votes);
  } catch (error) {
    logger?.error('store: could not import the old feedback file; it is left in place and will be tried at the next start', { file, error });
    return 0;
  }
  if (count) logger?.info('store: imported votes from the old feedback file', { file, votes: count });
  if (store.kind !== 'off') {
    await rename(file, `${file}.imported`).catch((error: unknown) => logger?.warn('store: imported the old feedback file but could not rename it', { file, error }));
  }
  return count;
}
