/**
 * Answers each Slack delivery once.
 *
 * Why: the Events API sends an event again (`X-Slack-Retry-Num`, or
 * `retry_attempt` on a Socket Mode envelope) when it did not see a 200 within
 * 3 s: immediately, after a minute and after five, even when the first
 * delivery is being answered. Socket Mode can also redeliver an envelope.
 * Bolt only passes the retry number on (`context.retryNum`); it answers every
 * copy. `dropDuplicates`, a global middleware (so HTTP and Socket Mode
 * alike), remembers the ids it let through for `DEDUP_WINDOW_MS` and
 * acknowledges a repeat without passing it to the listeners, so Slack stops
 * resending and the user gets one answer.
 *
 * The memory is per process: a retry that the load balancer sends to another
 * replica than the first delivery is answered there again. Ruling that out
 * needs the ids in a store the replicas share (one `INSERT … ON CONFLICT DO
 * NOTHING` per delivery in PostgreSQL).
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../log.ts';

/** How long a delivery id is remembered: Slack's last retry comes about 5 minutes after the first attempt. */
export const DEDUP_WINDOW_MS = 10 * 60_000;

/**
 * Most ids remembered at once; past it the oldest are forgotten early. Why a
 * bound: memory must not grow with traffic. 20,000 keys take under 5 MB
 * (4.5 MB measured with 150-character keys, a command's; an event's is 20)
 * and cover 33 deliveries a second over the whole window (Slack's Events API
 * sends a workspace at most 30,000 events an hour, about 8 a second).
 */
export const DEDUP_MAX_IDS = 20_000;

/** Settings for the duplicate filter (defaults: the constants above, `Date.now`). */
export interface DedupOptions {
  windowMs?: number;
  maxIds?: number;
  /** The clock, in ms (tests move it instead of waiting). */
  now?: () => number;
}

/** Ids seen within a time window, at most `maxIds` of them, oldest forgotten first. */
export class RecentIds {
  /** Id → when first seen; a Map keeps insertion order, which is time order, so the oldest is always first. */
  private readonly seen = new Map<string, number>();
  private readonly windowMs: number;
  private readonly maxIds: number;
  private readonly now: () => number;

  constructor(options: DedupOptions = {}) {
    this.windowMs = options.windowMs ?? DEDUP_WINDOW_MS;
    this.maxIds = Math.max(1, options.maxIds ?? DEDUP_MAX_IDS);
    this.now = options.now ?? Date.now;
  }

  /** True the first time `key` is offered within the window (and remembers it); false for a repeat. */
  firstSight(key: string): boolean {
    const now = this.now();
    for (const [old, at] of this.seen) {
      if (now - at < this.windowMs) break;
      this.seen.delete(old);
    }
    if (this.seen.has(key)) return false;
    for (const old of this.seen.keys()) {
      if (this.seen.size < this.maxIds) break;
      this.seen.delete(old);
    }
    this.seen.set(key, now);
    return true;
  }

  /** How many ids are remembered now. */
  get size(): number {
    return this.seen.size;
  }
}

/** What identifies one delivery: `key` for the memory; `kind` and `id` for the log (never the `response_url`, which grants posting). */
export interface DeliveryId {
  kind: 'event' | 'interaction';
  id: string;
  key: string;
}

/**
 * The id of a delivery, or undefined when it has none (then it is never
 * treated as a repeat). Events: `event_id`, the same on every retry and
 * replica. Slash commands and clicks: `trigger_id` with the `response_url`,
 * both unique to one invocation in Slack, so a repeat has both equal; the pair
 * stays right for senders that reuse one of them (our test fakes reuse the
 * `trigger_id`).
 */
export function deliveryId(body: unknown): DeliveryId | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { type?: unknown; event_id?: unknown; trigger_id?: unknown; response_url?: unknown };
  if (b.type === 'event_callback') return typeof b.event_id === 'string' && b.event_id ? { kind: 'event', id: b.event_id, key: `event ${b.event_id}` } : undefined;
  if (typeof b.trigger_id !== 'string' || !b.trigger_id) return undefined;
  const url = typeof b.response_url === 'string' ? b.response_url : '';
  return { kind: 'interaction', id: b.trigger_id, key: `interaction ${b.trigger_id} ${url}` };
}

/**
 * Global middleware: a delivery whose id was let through within the window is
 * acknowledged (Bolt has already acknowledged events: HTTP 200 or the socket
 * ack), logged with Slack's retry number and reason, and goes no further.
 */
export function dropDuplicates(seen: RecentIds, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const id = deliveryId(args.body);
    if (!id || seen.firstSight(id.key)) return args.next();
    logger.info('slack: ignored a repeated delivery', { kind: id.kind, id: id.id, retryNum: args.context.retryNum, retryReason: args.context.retryReason || undefined });
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
  };
}
