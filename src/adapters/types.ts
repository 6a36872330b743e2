/** What every chat adapter is given, and what it hands back. */
import type { Engine } from '../core/engine.ts';
import type { Logger } from '../log.ts';
import type { EventStore } from '../store/types.ts';
import type { VoteSink } from './feedback.ts';
import type { Health } from './health.ts';
import type { RateLimit } from './rate-limit.ts';

/** Shared services for adapters. */
export interface AdapterDeps {
  /** The current engine; a getter because knowledge can be reloaded while running. */
  engine: () => Engine;
  logger: Logger;
  /** Where 👍/👎 votes go (the event store in production). */
  feedback: VoteSink;
  /** Per-user limit: in memory by default, shared in PostgreSQL with `DATABASE_URL`. */
  rateLimiter: RateLimit;
  /** Where questions are recorded (`recordAnswer`); none in tests that do not need it. */
  events?: EventStore;
  /**
   * Readiness for health checks (`GET /healthz`). When given, a request that
   * arrives before the engine is loaded is acknowledged and waits for it.
   */
  health?: Health;
}

/**
 * How long a stopping adapter lets answers in flight finish before it
 * disconnects anyway: 10 s, the same for Slack and Discord (`SHUTDOWN_GRACE_SECONDS`).
 * Within what orchestrators give by default before a hard kill (Kubernetes: 30 s).
 */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** A started adapter. */
export interface RunningAdapter {
  name: string;
  /**
   * Stops taking new work, lets what is in flight finish for at most
   * `graceMs` (default `DEFAULT_SHUTDOWN_GRACE_MS`), then disconnects.
   */
  stop(graceMs?: number): Promise<void>;
}

/** The fixed, friendly message users see when something fails inside a handler (never raw error text). */
export const FRIENDLY_ERROR = 'Sorry, something went wrong while answering. Please try again in a moment.';

/** The message for a user over the rate limit. */
export function rateLimitedMessage(retryAfterSeconds: number): string {
  return `You're asking faster than I can keep up with. Please try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`;
}
