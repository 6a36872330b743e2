/** Tracks handler work in progress so `stop()` can let it finish before returning. */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  /** Runs `work`, remembering it until it settles. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const p = work();
    this.pending.add(p);
    const forget = () => this.pending.delete(p);
    p.then(forget, forget);
    return p;
  }

  /** How many are still running. */
  get size(): number {
    return this.pending.size;
  }

  /** Resolves when everything started so far has settled. */
  async drain(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}
