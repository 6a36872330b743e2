/** What every chat adapter is given, and what it hands back. */
import type { Engine } from '../core/engine.ts';
import type { Logger } from '../log.ts';
import type { EventStore } from '../store/types.ts';
import type { VoteSink } from './feedback.ts';
import type { RateLimiter } from './rate-limit.ts';

/** Shared services for adapters. */
export interface AdapterDeps {
  /** The current engine; a getter because knowledge can be reloaded while running. */
  engine: () => Engine;
  logger: Logger;
  /** Where 👍/👎 votes go (the event store in production). */
  feedback: VoteSink;
  rateLimiter: RateLimiter;
  /** Where questions are recorded (`recordAnswer`); none in tests that do not need it. */
  events?: EventStore;
}

/** A started adapter. */
export interface RunningAdapter {
  name: string;
  /** Stops taking new work, finishes what is in flight, disconnects. */
  stop(): Promise<void>;
}

/** The fixed, friendly message users see when something fails inside a handler (never raw error text). */
export const FRIENDLY_ERROR = 'Sorry, something went wrong while answering. Please try again in a moment.';

/** The message for a user over the rate limit. */
export function rateLimitedMessage(retryAfterSeconds: number): string {
  return `You're asking faster than I can keep up with. Please try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`;
}
