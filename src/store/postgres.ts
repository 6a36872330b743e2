/**
 * The shared event store: PostgreSQL through node-postgres (`pg`), for several
 * processes (Slack replicas, Discord shards) writing one history and holding
 * one per-user rate limit. Used when `DATABASE_URL` is set; same contract as
 * the SQLite store (see `types.ts`).
 *
 * - A connection pool (`POOL_MAX` connections, each wait and query bounded).
 * - Migrations at start-up under an advisory lock: replicas starting at once
 *   wait for each other and apply each step exactly once.
 * - Writes go through the `WriteQueue` (batched, one transaction each, off
 *   the answer path). A database that goes away is logged; events wait in
 *   memory (up to `MAX_PENDING`, then the oldest are dropped and counted) and
 *   are written when it is back. A batch the server refuses for its content
 *   (not for being unreachable) is written event by event and the refused
 *   events are dropped and logged, so one bad event cannot block the rest.
 * - The rate limit: one row per user (a salted hash) holding the times of
 *   their recent questions; one statement checks and records atomically, so
 *   two replicas cannot both let the user's last allowed question through.
 */
import { createHmac } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { hashUser, newSalt } from './hash.ts';
import { WriteQueue, type PendingEvent } from './queue.ts';
import { DEFAULT_RETAIN_DAYS, PRUNE_EVERY_MS } from './sqlite.ts';
import type { EventStore, Platform, QuestionEvent, StoredEvents, StoredQuestion, StoredVote, StoreOptions, Verdict, VoteEvent } from './types.ts';

/** Most connections one process opens (each replica or shard has its own pool). */
export const POOL_MAX = 5;
/** Longest wait for a connection, ms: a database that does not answer fails fast instead of piling up work. */
export const CONNECT_TIMEOUT_MS = 5000;
/** Longest wait for one query, ms. */
export const QUERY_TIMEOUT_MS = 10_000;
/** Key of the advisory lock held while migrating: any fixed 64-bit number; this one is "dealdesk" in ASCII. */
export const MIGRATION_LOCK_KEY = '7234295494609302379';

/**
 * The schema, one step per version (`schema_migrations` records the steps
 * applied). Never edit a step that has shipped: add one.
 */
export const PG_MIGRATIONS: readonly string[] = [
  // 1: the event history, as in the SQLite store.
  `CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
   CREATE TABLE questions (
     id bigserial PRIMARY KEY,
     time timestamptz NOT NULL,
     platform text NOT NULL,
     user_hash text NOT NULL,
     question text NOT NULL,
     kind text NOT NULL,
     answered boolean NOT NULL,
     article_ids jsonb NOT NULL,
     verdict text
   );
   CREATE TABLE votes (
     id bigserial PRIMARY KEY,
     time timestamptz NOT NULL,
     platform text NOT NULL,
     user_hash text NOT NULL,
     question text NOT NULL,
     article_ids jsonb NOT NULL,
     vote text NOT NULL CHECK (vote IN ('up', 'down'))
   );
   CREATE TABLE imports (source text PRIMARY KEY, time timestamptz NOT NULL, count integer NOT NULL);
   CREATE INDEX questions_time ON questions (time);
   CREATE INDEX votes_time ON votes (time);`,
  // 2: the shared per-user rate limit.
  `CREATE TABLE rate_limits (user_key text PRIMARY KEY, hits timestamptz[] NOT NULL);`,
];

/** The schema version this code writes. */
export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;

/** What the shared rate limit decided (see `adapters/rate-limit.ts`). */
export type RateHit = { ok: true } | { ok: false; retryAfterMs: number };

/** Settings of the PostgreSQL store. */
export interface PostgresStoreOptions extends StoreOptions {
  /** Connections in the pool. Default `POOL_MAX`. */
  poolSize?: number;
}

/**
 * Brings a database to `target` (default: the latest version) inside one
 * transaction holding `MIGRATION_LOCK_KEY`, so processes migrating at once
 * take turns and the later ones find nothing left to do.
 * @returns the version the database is at
 * @throws Error when the database was migrated by a newer version of dealdesk
 */
export async function migrate(client: PoolClient, target: number = PG_SCHEMA_VERSION): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ v: number }>('SELECT coalesce(max(version), 0)::int AS v FROM schema_migrations');
    let version = rows[0]!.v;
    if (version > PG_SCHEMA_VERSION) throw new Error(`schema version ${version} is newer than this dealdesk understands (${PG_SCHEMA_VERSION}); upgrade dealdesk`);
    for (; version < target; version++) {
      await client.query(PG_MIGRATIONS[version]!);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version + 1]);
    }
    await client.query('COMMIT');
    return version;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

interface QuestionRow {
  time: Date;
  platform: Platform;
  user_hash: string;
  question: string;
  kind: string;
  answered: boolean;
  article_ids: string[];
  verdict: string | null;
}
interface VoteRow {
  time: Date;
  platform: Platform;
  user_hash: string;
  question: string;
  article_ids: string[];
  vote: 'up' | 'down';
}

/** The PostgreSQL `EventStore`. Create with `openPostgresStore`. */
export class PostgresStore implements EventStore {
  readonly kind = 'postgres';
  readonly retainDays: number;
  private readonly pool: Pool;
  private readonly queue: WriteQueue;
  private opening: Promise<boolean> | undefined;
  private opened = false;
  private salt: string | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;
  private pruning: Promise<void> | undefined;
  private failures = 0;
  private closed = false;
  /** Events the server refused for their content (dropped, logged). */
  dropped = 0;

  constructor(
    url: string,
    private readonly options: PostgresStoreOptions = {},
  ) {
    this.retainDays = options.retainDays ?? DEFAULT_RETAIN_DAYS;
    this.pool = new Pool({
      connectionString: url,
      max: options.poolSize ?? POOL_MAX,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      application_name: 'dealdesk',
    });
    // A pooled connection the server dropped (restart, failover, network): logged; the pool opens a new one when needed.
    this.pool.on('error', (error) => this.outage('a pooled connection failed', error));
    this.queue = new WriteQueue((batch) => this.writeBatch(batch), { name: 'store (postgres)', delayMs: options.flushDelayMs, logger: options.logger });
  }

  /**
   * Connects, migrates, reads or makes the salt and applies retention.
   * Failure is logged, not thrown: events wait in memory and the store tries
   * again at the next flush.
   * @returns true when the database is ready
   */
  open(): Promise<boolean> {
    if (this.opened) return Promise.resolve(true);
    if (this.closed) return Promise.resolve(false);
    this.opening ??= (async () => {
      try {
        const client = await this.pool.connect();
        try {
          await migrate(client);
          if (!this.options.salt) {
            await client.query("INSERT INTO meta (key, value) VALUES ('salt', $1) ON CONFLICT (key) DO NOTHING", [newSalt()]);
            this.salt = (await client.query<{ value: string }>("SELECT value FROM meta WHERE key = 'salt'")).rows[0]!.value;
          } else this.salt = this.options.salt;
          client.release();
        } catch (error) {
          client.release(error as Error);
          throw error;
        }
        this.opened = true;
        if (this.failures) this.options.logger?.info('store (postgres): database reachable again', { afterFailures: this.failures });
        this.failures = 0;
        // Retention at open, before anything is read (as the SQLite store does), then daily.
        await this.pruneNow();
        this.pruneTimer ??= setInterval(() => void this.pruneNow(), PRUNE_EVERY_MS).unref();
        return true;
      } catch (error) {
        this.outage('cannot open the database; answering goes on, events wait in memory', error);
        return false;
      } finally {
        this.opening = undefined;
      }
    })();
    return this.opening;
  }

  recordQuestion(event: QuestionEvent): void {
    this.queue.push({ type: 'question', event: { ...event, articleIds: [...event.articleIds], time: event.time ?? new Date() } });
  }

  recordVote(event: VoteEvent): void {
    this.queue.push({ type: 'vote', event: { ...event, articleIds: [...event.articleIds], time: event.time ?? new Date() } });
  }

  async importVotes(source: string, votes: readonly VoteEvent[]): Promise<number> {
    await this.requireOpen();
    return this.transaction(async (client) => {
      // The imports row is the claim: a second process importing the same source at once finds it taken.
      const claimed = await client.query("INSERT INTO imports (source, time, count) VALUES ($1, now(), $2) ON CONFLICT (source) DO NOTHING RETURNING source", [source, votes.length]);
      if (claimed.rowCount === 0) return 0;
      await this.insertVotes(client, votes.map((v) => ({ ...v, time: v.time ?? new Date() })));
      return votes.length;
    });
  }

  async report(since: Date): Promise<StoredEvents> {
    await this.flush();
    await this.requireOpen();
    const q = await this.pool.query<QuestionRow>('SELECT time, platform, user_hash, question, kind, answered, article_ids, verdict FROM questions WHERE time >= $1 ORDER BY time, id', [since]);
    const v = await this.pool.query<VoteRow>('SELECT time, platform, user_hash, question, article_ids, vote FROM votes WHERE time >= $1 ORDER BY time, id', [since]);
    const questions = q.rows.map(
      (r): StoredQuestion => ({
        time: r.time.toISOString(),
        platform: r.platform,
        userHash: r.user_hash,
        question: r.question,
        kind: r.kind,
        answered: r.answered,
        articleIds: r.article_ids,
        ...(r.verdict ? { verdict: r.verdict as Verdict } : {}),
      }),
    );
    const votes = v.rows.map((r): StoredVote => ({ time: r.time.toISOString(), platform: r.platform, userHash: r.user_hash, question: r.question, articleIds: r.article_ids, vote: r.vote }));
    return { questions, votes };
  }

  async prune(before: Date): Promise<number> {
    await this.requireOpen();
    return this.transaction(async (client) => {
      const a = await client.query('DELETE FROM questions WHERE time < $1', [before]);
      const b = await client.query('DELETE FROM votes WHERE time < $1', [before]);
      return (a.rowCount ?? 0) + (b.rowCount ?? 0);
    });
  }

  /**
   * Records a question by `user` against the shared limit: at most `limit`
   * in any `windowMs`, across every process using this database. The check
   * and the record are one statement on the user's row (which PostgreSQL
   * locks), and the database's clock is the only clock, so replicas agree.
   * @throws when the database cannot be reached (the caller falls back)
   */
  async rateHit(user: string, limit: number, windowMs: number): Promise<RateHit> {
    if (!this.opened && !(await this.open())) throw new Error('store (postgres): the database is not reachable');
    const key = createHmac('sha256', this.salt!).update(`rate:${user}`).digest('hex').slice(0, 32);
    const { rows } = await this.pool.query<{ accepted: boolean; oldest: Date; now: Date }>(
      `INSERT INTO rate_limits AS r (user_key, hits) VALUES ($1, ARRAY[now()])
       ON CONFLICT (user_key) DO UPDATE SET hits = (
         SELECT CASE WHEN count(*) < $2 THEN coalesce(array_agg(h ORDER BY h), '{}') || now() ELSE coalesce(array_agg(h ORDER BY h), '{}') END
         FROM unnest(r.hits) AS h WHERE h > now() - make_interval(secs => $3::double precision / 1000)
       )
       RETURNING r.hits[cardinality(r.hits)] = now() AS accepted, r.hits[1] AS oldest, now() AS now`,
      [key, limit, windowMs],
    );
    const row = rows[0]!;
    if (row.accepted) return { ok: true };
    return { ok: false, retryAfterMs: Math.max(0, row.oldest.getTime() + windowMs - row.now.getTime()) };
  }

  flush(): Promise<void> {
    return this.queue.flush();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue.close();
    this.closed = true;
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await this.opening;
    await this.pruning;
    await this.pool.end().catch(() => undefined);
  }

  /** Events waiting in memory (for tests and diagnostics). */
  get pending(): number {
    return this.queue.size;
  }

  private async requireOpen(): Promise<void> {
    if (!(await this.open())) throw new Error('store (postgres): cannot open the database (see the log for why)');
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      // A broken connection is closed rather than handed out again.
      client.release(error as Error);
      throw error;
    }
  }

  private async writeBatch(batch: readonly PendingEvent[]): Promise<void> {
    if (!(await this.open())) throw new Error('store (postgres): the database is not reachable');
    try {
      await this.transaction((client) => this.insertAll(client, batch));
    } catch (error) {
      if (!refusedForContent(error)) throw error;
      // One event the server will never accept must not hold up the others: write them one by one.
      let refused = 0;
      for (const item of batch) {
        try {
          await this.transaction((client) => this.insertAll(client, [item]));
        } catch (one) {
          if (!refusedForContent(one)) throw one;
          refused++;
        }
      }
      this.dropped += refused;
      this.options.logger?.error('store (postgres): the database refused events; dropped', { refused, droppedSoFar: this.dropped, error: describe(error) });
    }
  }

  private async insertAll(client: PoolClient, batch: readonly PendingEvent[]): Promise<void> {
    const questions = batch.flatMap((b) => (b.type === 'question' ? [b.event] : []));
    const votes = batch.flatMap((b) => (b.type === 'vote' ? [b.event] : []));
    if (questions.length) {
      await client.query(
        `INSERT INTO questions (time, platform, user_hash, question, kind, answered, article_ids, verdict)
         SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::jsonb[], $8::text[])`,
        [
          questions.map((q) => q.time),
          questions.map((q) => q.platform),
          questions.map((q) => hashUser(this.salt!, q.platform, q.user)),
          questions.map((q) => storable(q.question)),
          questions.map((q) => q.kind),
          questions.map((q) => q.answered),
          questions.map((q) => JSON.stringify(q.articleIds.map(storable))),
          questions.map((q) => q.verdict ?? null),
        ],
      );
    }
    if (votes.length) await this.insertVotes(client, votes);
  }

  private async insertVotes(client: PoolClient, votes: readonly (VoteEvent & { time: Date })[]): Promise<void> {
    await client.query(
      `INSERT INTO votes (time, platform, user_hash, question, article_ids, vote)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[])`,
      [
        votes.map((v) => v.time),
        votes.map((v) => v.platform),
        votes.map((v) => hashUser(this.salt!, v.platform, v.user)),
        votes.map((v) => storable(v.question)),
        votes.map((v) => JSON.stringify(v.articleIds.map(storable))),
        votes.map((v) => v.vote),
      ],
    );
  }

  private pruneNow(): Promise<void> {
    this.pruning ??= this.pruneOnce().finally(() => (this.pruning = undefined));
    return this.pruning;
  }

  private async pruneOnce(): Promise<void> {
    try {
      const cut = new Date(Date.now() - this.retainDays * 86_400_000);
      const removed = await this.prune(cut);
      // Rate-limit rows of people who have not asked for a day.
      await this.pool.query("DELETE FROM rate_limits WHERE hits[cardinality(hits)] < now() - interval '1 day' OR cardinality(hits) = 0");
      if (removed) this.options.logger?.info('store (postgres): old events deleted', { removed, retainDays: this.retainDays });
    } catch (error) {
      this.options.logger?.warn('store (postgres): retention could not run; will try again', { error: describe(error) });
    }
  }

  /** Logs the first failure of an outage and then every tenth, so a long outage does not flood the log. */
  private outage(what: string, error: unknown): void {
    if (this.failures++ % 10 === 0) this.options.logger?.error(`store (postgres): ${what}`, { error: describe(error), failures: this.failures });
  }
}

/**
 * PostgreSQL text cannot hold U+0000 (JSON strings cannot either); it becomes
 * U+FFFD so such an event is stored rather than refused.
 */
function storable(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
}

/** The server refused the data itself (SQLSTATE class 22: data exception, 23: constraint), not the connection. */
function refusedForContent(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^(22|23)/.test(code);
}

/** An error as a short loggable object: never the connection string. */
function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { message: String(error) };
}

/**
 * Opens the PostgreSQL store for a connection string (`postgres://user:pass@host:port/db`):
 * the pool connects and migrates in the background; until then, and whenever
 * the database is unreachable, events wait in memory.
 */
export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): PostgresStore {
  const store = new PostgresStore(url, options);
  void store.open();
  return store;
}
