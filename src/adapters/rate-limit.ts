/**
 * Per-user rate limit: at most `limit` questions in any rolling minute. Over
 * the limit, `check` says how many seconds until the user may ask again.
 * Other users are unaffected.
 */
export class RateLimiter {
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
  check(user: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
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
