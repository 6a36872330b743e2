/**
 * The behaviour every `EventStore` back end must have, as one reusable suite:
 * `describeStore('sqlite', harness)` here, and the same call with a
 * PostgreSQL harness for that back end. Real databases only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hashUser } from '../../src/store/hash.ts';
import type { EventStore, QuestionEvent, StoreOptions } from '../../src/store/types.ts';

/** How a back end's test makes stores. */
export interface StoreHarness {
  /** A store over a fresh, empty database. */
  fresh(options?: StoreOptions): Promise<EventStore>;
  /** Another store over the same database as the last `fresh` one (for reopening after `close`). */
  again(options?: StoreOptions): Promise<EventStore>;
  /** Drops every database the harness made. */
  cleanup(): Promise<void>;
}

const DAY = 86_400_000;

/** A question event with defaults. */
export function question(over: Partial<QuestionEvent> = {}): QuestionEvent {
  return { platform: 'slack', user: 'U_ALICE', question: 'what tariff on cars?', kind: 'answer', answered: true, articleIds: ['a1', 'a2'], ...over };
}

/** Runs the shared store suite against a back end. */
export function describeStore(name: string, makeHarness: () => StoreHarness): void {
  describe(`event store contract: ${name}`, () => {
    let harness: StoreHarness;
    const open: EventStore[] = [];
    const fresh = async (o?: StoreOptions) => {
      const s = await harness.fresh({ flushDelayMs: 20, ...o });
      open.push(s);
      return s;
    };
    const again = async (o?: StoreOptions) => {
      const s = await harness.again({ flushDelayMs: 20, ...o });
      open.push(s);
      return s;
    };
    harness = makeHarness();

    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
      await harness.cleanup();
    });

    it('records questions and votes and reports them, oldest first, with every field', async () => {
      const store = await fresh();
      const t0 = new Date(Date.now() - 60_000);
      store.recordQuestion(question({ time: t0 }));
      store.recordQuestion(question({ time: new Date(t0.getTime() + 1000), platform: 'discord', user: '42', question: 'is the claim right?', kind: 'check', answered: true, articleIds: ['b'], verdict: 'contradicted' }));
      store.recordQuestion(question({ time: new Date(t0.getTime() + 2000), question: 'korea chips', kind: 'abstain', answered: false, articleIds: [] }));
      store.recordVote({ time: new Date(t0.getTime() + 3000), platform: 'slack', user: 'U_BOB', question: 'what tariff on cars?', articleIds: ['a1'], vote: 'down' });
      const { questions, votes } = await store.report(new Date(t0.getTime() - 1));
      expect(questions.map((q) => q.question)).toEqual(['what tariff on cars?', 'is the claim right?', 'korea chips']);
      expect(questions[0]).toMatchObject({ time: t0.toISOString(), platform: 'slack', kind: 'answer', answered: true, articleIds: ['a1', 'a2'] });
      expect(questions[0]!.verdict).toBeUndefined();
      expect(questions[1]).toMatchObject({ platform: 'discord', kind: 'check', verdict: 'contradicted', articleIds: ['b'] });
      expect(questions[2]).toMatchObject({ answered: false, articleIds: [] });
      expect(votes).toEqual([{ time: new Date(t0.getTime() + 3000).toISOString(), platform: 'slack', userHash: expect.stringMatching(/^[0-9a-f]{32}$/), question: 'what tariff on cars?', articleIds: ['a1'], vote: 'down' }]);
    });

    it('recording returns at once, never throws, and keeps any text intact', async () => {
      const store = await fresh();
      const odd = 'Zölle auf 車? 🚗 \u202e<!channel> "quotes" \'; DROP TABLE questions; --' + 'x'.repeat(5000);
      const started = performance.now();
      for (let i = 0; i < 1000; i++) store.recordQuestion(question({ question: i === 0 ? odd : `q${i}` }));
      const elapsed = performance.now() - started;
      // 1,000 records in well under a second: nothing waits for the database (a write would take longer).
      expect(elapsed).toBeLessThan(1000);
      const { questions } = await store.report(new Date(0));
      expect(questions).toHaveLength(1000);
      expect(questions[0]!.question).toBe(odd);
    });

    it('never stores the raw user id: a salted hash, stable per user and platform, different per salt', async () => {
      const salted = await fresh({ salt: 'test-salt-0123456789' });
      salted.recordQuestion(question({ user: 'U_ALICE' }));
      salted.recordQuestion(question({ user: 'U_ALICE' }));
      salted.recordQuestion(question({ user: 'U_ALICE', platform: 'discord' }));
      salted.recordVote({ platform: 'slack', user: 'U_ALICE', question: 'q', articleIds: [], vote: 'up' });
      const { questions, votes } = await salted.report(new Date(0));
      expect(questions[0]!.userHash).toBe(hashUser('test-salt-0123456789', 'slack', 'U_ALICE'));
      expect(questions[1]!.userHash).toBe(questions[0]!.userHash);
      expect(questions[2]!.userHash).not.toBe(questions[0]!.userHash);
      expect(votes[0]!.userHash).toBe(questions[0]!.userHash);
      expect(JSON.stringify({ questions, votes })).not.toContain('U_ALICE');

      const other = await fresh({ salt: 'another-salt-0123456789' });
      other.recordQuestion(question({ user: 'U_ALICE' }));
      expect((await other.report(new Date(0))).questions[0]!.userHash).not.toBe(questions[0]!.userHash);
    });

    it('without a configured salt, makes one and keeps it: hashes survive a reopen', async () => {
      const first = await fresh();
      first.recordQuestion(question({ user: 'U_CAROL' }));
      const before = (await first.report(new Date(0))).questions[0]!.userHash;
      await first.close();
      const second = await again();
      second.recordQuestion(question({ user: 'U_CAROL' }));
      const { questions } = await second.report(new Date(0));
      expect(questions).toHaveLength(2);
      expect(questions[1]!.userHash).toBe(before);
    });

    it('report(since) returns only events at or after since', async () => {
      const store = await fresh();
      const now = Date.now();
      store.recordQuestion(question({ time: new Date(now - 40 * DAY), question: 'old' }));
      store.recordQuestion(question({ time: new Date(now - 10 * DAY), question: 'recent' }));
      store.recordVote({ time: new Date(now - 40 * DAY), platform: 'slack', user: 'U', question: 'old', articleIds: [], vote: 'down' });
      const { questions, votes } = await store.report(new Date(now - 30 * DAY));
      expect(questions.map((q) => q.question)).toEqual(['recent']);
      expect(votes).toEqual([]);
    });

    it('prune deletes older events; retention applies when a store opens', async () => {
      const store = await fresh({ retainDays: 30 });
      const now = Date.now();
      store.recordQuestion(question({ time: new Date(now - 45 * DAY), question: 'too old' }));
      store.recordQuestion(question({ time: new Date(now - 20 * DAY), question: 'kept' }));
      store.recordVote({ time: new Date(now - 45 * DAY), platform: 'discord', user: '1', question: 'too old', articleIds: [], vote: 'up' });
      await store.flush();
      expect(await store.prune(new Date(now - 50 * DAY))).toBe(0);
      await store.close();
      const reopened = await again({ retainDays: 30 });
      const { questions, votes } = await reopened.report(new Date(0));
      expect(questions.map((q) => q.question)).toEqual(['kept']);
      expect(votes).toEqual([]);
      expect(await reopened.prune(new Date(now))).toBe(1);
      expect((await reopened.report(new Date(0))).questions).toEqual([]);
    });

    it('imports votes from an old source once', async () => {
      const store = await fresh();
      const old = [
        { time: new Date('2024-05-01T10:00:00Z'), platform: 'slack' as const, user: 'U1', question: 'q1', articleIds: ['x'], vote: 'down' as const },
        { time: new Date('2024-05-02T10:00:00Z'), platform: 'discord' as const, user: '2', question: 'q2', articleIds: [], vote: 'up' as const },
      ];
      expect(await store.importVotes('feedback:abc', old)).toBe(2);
      expect(await store.importVotes('feedback:abc', old)).toBe(0);
      const { votes } = await store.report(new Date('2024-01-01'));
      expect(votes.map((v) => [v.time, v.question, v.vote])).toEqual([
        ['2024-05-01T10:00:00.000Z', 'q1', 'down'],
        ['2024-05-02T10:00:00.000Z', 'q2', 'up'],
      ]);
    });

    it('writes on its own after the flush delay, and close() writes what is still queued', async () => {
      const store = await fresh({ flushDelayMs: 30 });
      store.recordQuestion(question({ question: 'timer' }));
      await new Promise((r) => setTimeout(r, 300));
      const reader = await again();
      expect((await reader.report(new Date(0))).questions.map((q) => q.question)).toEqual(['timer']);
      store.recordQuestion(question({ question: 'at close' }));
      await store.close();
      expect((await reader.report(new Date(0))).questions.map((q) => q.question)).toEqual(['timer', 'at close']);
      // After close, recording is ignored (no throw, no write).
      store.recordQuestion(question({ question: 'after close' }));
      await store.close();
      expect((await reader.report(new Date(0))).questions).toHaveLength(2);
    });

    it('writes large bursts in batches without losing any', async () => {
      const store = await fresh();
      for (let i = 0; i < 2500; i++) store.recordQuestion(question({ question: `burst ${i}` }));
      const { questions } = await store.report(new Date(0));
      expect(questions).toHaveLength(2500);
      expect(new Set(questions.map((q) => q.question)).size).toBe(2500);
    });
  });
}
