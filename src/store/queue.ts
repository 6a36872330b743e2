/**
 * The write queue every store back end uses to keep writes off the answer
 * path: events wait in memory and are written in batches, after a short delay
 * (or at once when a batch is full). A failed write is logged and retried
 * later with a growing delay; the events stay queued. Only `flush()` and
 * `close()` wait for the database.
 */
import type { QuestionEvent, StoreLogger, VoteEvent } from './types.ts';

/** How long events wait before a batched write, in ms (one transaction per batch). */
export const FLUSH_DELAY_MS = 1000;
/**
 * Events per write transaction; a full batch is written on the next event-loop
 * turn. SQLite writes are synchronous, so a batch holds the event loop while it
 * is written (about 6 ms for 100 events on a busy 2-core machine, see
 * `npm run bench:store`); the queue yields to the loop between batches so
 * answers go out in between.
 */
export const MAX_BATCH = 100;
/**
 * Most events kept in memory while the database cannot be written. Beyond it
 * the oldest are dropped (and the drop is logged), so a database that is gone
 * for days cannot exhaust memory.
 */
export const MAX_PENDING = 100_000;
/** Longest wait between two retries of a failing write, in ms. */
export const MAX_RETRY_DELAY_MS = 60_000;

/** A queued event, with its time fixed when it was recorded. */
export type PendingEvent = { type: 'question'; event: QuestionEvent & { time: Date } } | { type: 'vote'; event: VoteEvent & { time: Date } };

/** Options of `WriteQueue`. */
export interface WriteQueueOptions {
  /** Delay before a batched write, ms. Default `FLUSH_DELAY_MS`. */
  delayMs?: number;
  /** Used in log lines, e.g. `store (sqlite)`. */
  name: string;
  logger?: StoreLogger;
}

/** Batches events and hands them to `write`, which stores a batch atomically or throws. */
export class WriteQueue {
  private pending: PendingEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private failures = 0;
  private dropped = 0;
  private closed = false;
  private readonly delayMs: number;

  constructor(
    private readonly write: (batch: readonly PendingEvent[]) => void | Promise<void>,
    private readonly options: WriteQueueOptions,
  ) {
    this.delayMs = options.delayMs ?? FLUSH_DELAY_MS;
  }

  /** Events waiting to be written. */
  get size(): number {
    return this.pending.length;
  }

  /** Queues an event; never throws, never waits. Ignored after `close()`. */
  push(item: PendingEvent): void {
    if (this.closed) return;
    this.pending.push(item);
    if (this.pending.length > MAX_PENDING) {
      this.pending.splice(0, this.pending.length - MAX_PENDING);
      if (this.dropped++ % 1000 === 0) this.options.logger?.error(`${this.options.name}: too many events waiting for the database; dropping the oldest`, { pending: MAX_PENDING, dropped: this.dropped });
    }
    if (this.pending.length >= MAX_BATCH) this.schedule(0);
    else this.schedule(this.delayMs);
  }

  /**
   * Writes everything queued now. Resolves when written, or when the failure
   * has been logged (the events stay queued and a retry is scheduled).
   */
  flush(): Promise<void> {
    // Chain behind a write in progress so events queued meanwhile are included.
    const next = (this.running ?? Promise.resolve()).then(() => this.drain());
    this.running = next;
    void next.finally(() => {
      if (this.running === next) this.running = undefined;
    });
    return next;
  }

  /** Flushes, then stops: later events are ignored and no timer is left running. */
  async close(): Promise<void> {
    this.clearTimer();
    await this.flush();
    this.closed = true;
    this.clearTimer();
    if (this.pending.length) this.options.logger?.error(`${this.options.name}: closed with events that could not be written`, { lost: this.pending.length });
  }

  private async drain(): Promise<void> {
    this.clearTimer();
    while (this.pending.length) {
      const batch = this.pending.slice(0, MAX_BATCH);
      try {
        await this.write(batch);
      } catch (error) {
        this.failures++;
        const retryMs = Math.min(this.delayMs * 2 ** Math.min(this.failures, 16), MAX_RETRY_DELAY_MS);
        this.options.logger?.error(`${this.options.name}: could not write events; answering goes on, will retry`, { error, pending: this.pending.length, retryMs });
        if (!this.closed) this.schedule(retryMs);
        return;
      }
      this.pending.splice(0, batch.length);
      if (this.failures) this.options.logger?.info(`${this.options.name}: writing events again`, { afterFailures: this.failures });
      this.failures = 0;
      // Let answers and acks run between two batches.
      if (this.pending.length) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private schedule(ms: number): void {
    if (this.timer && ms > 0) return;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
    // A pending write never keeps the process alive on its own: shutdown flushes explicitly.
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
