/**
 * The event store: what the bot was asked, whether it answered, and how people
 * voted. One interface, several back ends (SQLite embedded by default; a
 * shared PostgreSQL server for several processes). Adapters record through it,
 * `npm run report` reads from it.
 *
 * Contract every implementation keeps:
 * - `recordQuestion` and `recordVote` return at once and never throw: events
 *   are queued in memory and written in batches later, off the answer path.
 * - A write that fails (locked, unwritable or vanished database) is logged and
 *   retried at the next flush; answering is never slowed or broken by it.
 * - Raw user ids are never stored: only a salted hash (see `hashUser`).
 * - `flush()` and `close()` write everything queued before resolving, so a
 *   process that closes its store on SIGTERM loses nothing.
 */

/** Where an event came from. */
export type Platform = 'console' | 'cli' | 'slack' | 'discord';

/** The verdict of a claim check (`/deal check …`), when the answer was one. */
export type Verdict = 'supported' | 'contradicted' | 'differs-by-date' | 'no-source';

/** A question as the adapter saw it, before hashing. */
export interface QuestionEvent {
  /** When it was asked; default: when it was recorded. */
  time?: Date;
  platform: Platform;
  /** Platform user id. Hashed with the store's salt before it is written; never stored. */
  user: string;
  /** The question as typed (trimmed). */
  question: string;
  /** Kind of reply: `answer`, `briefing`, `abstain`, … (the core's `AnswerKind`). */
  kind: string;
  /** True when the reply carried cited content; false when the bot abstained. */
  answered: boolean;
  /** Cited article ids, in citation order, without repeats. */
  articleIds: readonly string[];
  /** Set for claim checks. */
  verdict?: Verdict;
}

/** A 👍/👎 on an answer, before hashing. */
export interface VoteEvent {
  /** When the vote was cast; default: when it was recorded. */
  time?: Date;
  platform: Platform;
  /** Platform user id. Hashed like `QuestionEvent.user`. */
  user: string;
  /** The question the voted answer replied to. */
  question: string;
  /** Article ids the voted answer cited, in order. */
  articleIds: readonly string[];
  vote: 'up' | 'down';
}

/** A question as stored. */
export interface StoredQuestion {
  /** ISO 8601 time, UTC. */
  time: string;
  platform: Platform;
  /** Salted hash of the user id (hex). */
  userHash: string;
  question: string;
  kind: string;
  answered: boolean;
  articleIds: string[];
  verdict?: Verdict;
}

/** A vote as stored. */
export interface StoredVote {
  /** ISO 8601 time, UTC. */
  time: string;
  platform: Platform;
  /** Salted hash of the user id (hex). */
  userHash: string;
  question: string;
  articleIds: string[];
  vote: 'up' | 'down';
}

/** Everything recorded in a period, oldest first; `npm run report` aggregates it. */
export interface StoredEvents {
  questions: StoredQuestion[];
  votes: StoredVote[];
}

/** The event store every back end implements. */
export interface EventStore {
  /** Back end name for logs, e.g. `sqlite`. */
  readonly kind: string;

  /** Queues a question; returns at once, never throws. */
  recordQuestion(event: QuestionEvent): void;

  /** Queues a vote; returns at once, never throws. */
  recordVote(event: VoteEvent): void;

  /**
   * Records votes from an older source (the `feedback.jsonl` file) once: a
   * second call with the same `source` key (e.g. a hash of the file) records
   * nothing. All or nothing.
   * @returns the number of votes recorded (0 when `source` was already imported)
   */
  importVotes(source: string, votes: readonly VoteEvent[]): Promise<number>;

  /**
   * Every question and vote recorded at or after `since`, oldest first.
   * Queued events are flushed first, so the result includes them.
   */
  report(since: Date): Promise<StoredEvents>;

  /** Deletes events older than `before`; returns how many went. Implementations also prune by their retention on their own. */
  prune(before: Date): Promise<number>;

  /**
   * Writes everything queued so far. Resolves once written, or once the
   * failure has been logged (the events then stay queued for the next try).
   */
  flush(): Promise<void>;

  /** Flushes, stops the timers and releases the database. Idempotent. */
  close(): Promise<void>;
}

/** Settings common to every back end. */
export interface StoreOptions {
  /**
   * Secret mixed into user-id hashes. When absent, a random salt is generated
   * on first use and kept in the store itself, so hashes stay stable.
   */
  salt?: string;
  /** Events older than this many days are deleted (at open and daily). Default 90. */
  retainDays?: number;
  /** How long events wait in memory before a batched write, in ms. Default `FLUSH_DELAY_MS`. */
  flushDelayMs?: number;
  /** Where write failures are reported. */
  logger?: StoreLogger;
}

/** The part of the app logger a store uses. */
export interface StoreLogger {
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}
