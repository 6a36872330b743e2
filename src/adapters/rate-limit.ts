/**
 * Per-user rate limit: at most `limit` questions in any rolling minute. Over
 * the limit, `check` says how many seconds until the user may ask again.
 * Other users are unaffected.
 *
 * `RateLimiter` (in memory, per process) is the default. With `DATABASE_URL`,
 * `SharedRateLimiter` holds the limit in PostgreSQL, so a user cannot get N
 * times the limit by landing on N replicas or shards.
 */

/** What a rate limit decided for one question. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** A per-user rate limit, as the adapters use it (`await limit.check(user)`). */
export interface RateLimit {
  /** Questions allowed per window. */
  readonly limit: number;
  /** Records a question by `user`; says whether it may be answered. Never rejects. */
  check(user: string): RateDecision | Promise<RateDecision>;
}

/** The in-memory limit of one process. */
export class RateLimiter implements RateLimit {
  private readonly hits = new Map<string, number[]>();

  /**
   * @param limit questions allowed per window (default 10)
   * @param windowMs window length (default 60,000 ms)
   * @param now clock, for tests
   */
  constructor(
    readonly limit = 10,
    readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a question by `user`; returns `{ ok: true }` or the seconds to wait. */
  check(user: string): RateDecision {
    const t = this.now();
    const recent = (this.hits.get(user) ?? []).filter((x) => t - x < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(user, recent);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + this.windowMs - t) / 1000)) };
    }
    recent.push(t);
    this.hits.set(user, recent);
    // Forget idle users so the map does not grow without bound.
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (!v.some((x) => t - x < this.windowMs)) this.hits.delete(k);
    return { ok: true };
  }
}

/** Where a shared limit is kept (the PostgreSQL store: `PostgresStore.rateHit`). */
export interface RateBackend {
  /** Checks and records one question atomically; rejects when the backend cannot be reached. */
  rateHit(user: string, limit: number, windowMs: number): Promise<{ ok: true } | { ok: false; retryAfterMs: number }>;
}

/**
 * Longest wait for the shared limit before answering by the local one, ms.
 * Slack and Discord want an acknowledgement within 3 s and Discord's check
 * comes before it, so a slow database must not hold the user for long.
 */
export const SHARED_LIMIT_TIMEOUT_MS = 500;

/** The part of the app logger the shared limiter uses. */
interface LimitLogger {
  warn(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
}

/**
 * The limit held in a shared backend (PostgreSQL), the same for every process.
 * When the backend fails or takes longer than `SHARED_LIMIT_TIMEOUT_MS`, the
 * question is checked against this process's own in-memory limit instead
 * (answers keep flowing; the limit is then per process until the backend is
 * back), and that is logged once per outage.
 */
export class SharedRateLimiter implements RateLimit {
  private degraded = false;

  constructor(
    private readonly backend: RateBackend,
    private readonly local: RateLimiter,
    private readonly logger: LimitLogger,
    private readonly timeoutMs = SHARED_LIMIT_TIMEOUT_MS,
  ) {}

  get limit(): number {
    return this.local.limit;
  }

  async check(user: string): Promise<RateDecision> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const shared = await Promise.race([
        this.backend.rateHit(user, this.local.limit, this.local.windowMs),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs))),
      ]);
      if (this.degraded) {
        this.degraded = false;
        this.logger.info('rate limit: shared limit reachable again');
      }
      return shared.ok ? shared : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(shared.retryAfterMs / 1000)) };
    } catch (error) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn('rate limit: the shared limit cannot be reached; limiting per process until it is back', { error: error instanceof Error ? error.message : String(error) });
      }
      return this.local.check(user);
    } finally {
      clearTimeout(timer);
    }
  }
}
