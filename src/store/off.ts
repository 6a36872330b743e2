/** `STORE=off`: a store that records nothing and reports nothing. */
import type { EventStore, StoredEvents } from './types.ts';

/** Records nothing; every report is empty. */
export class NullStore implements EventStore {
  readonly kind = 'off';
  recordQuestion(): void {}
  recordVote(): void {}
  async importVotes(): Promise<number> {
    return 0;
  }
  async report(): Promise<StoredEvents> {
    return { questions: [], votes: [] };
  }
  async prune(): Promise<number> {
    return 0;
  }
  async flush(): Promise<void> {}
  async close(): Promise<void> {}
}
