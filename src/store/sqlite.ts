/**
 * The embedded event store: one SQLite file (better-sqlite3), created and
 * migrated when opened. Writes go through the `WriteQueue` (batched, one
 * transaction each, off the answer path). The file is opened in WAL mode so
 * several processes can write to it and readers never block writers.
 *
 * A database that cannot be opened or written (locked by another process,
 * read-only, on a vanished disk) is logged; events wait in memory and the
 * store tries again later. It never throws into the caller of `record*`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { hashUser, newSalt } from './hash.ts';
import { WriteQueue, type PendingEvent } from './queue.ts';
import type { EventStore, Platform, QuestionEvent, StoredEvents, StoredQuestion, StoredVote, StoreOptions, Verdict, VoteEvent } from './types.ts';

/** Default `RETAIN_DAYS`: events older than this are deleted. */
export const DEFAULT_RETAIN_DAYS = 90;
/**
 * How long a write waits for another process's lock before giving up (ms).
 * Short on purpose: better-sqlite3 waits synchronously, so a long wait would
 * stall the event loop (and every answer) behind a lock held elsewhere. A
 * write that gives up is retried at the next flush.
 */
export const BUSY_TIMEOUT_MS = 50;
/** How often retention runs in a long-lived process (ms): daily. */
export const PRUNE_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * The schema, one step per version (`PRAGMA user_version` counts the steps
 * applied). Never edit a step that has shipped: add one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: questions and votes, with a key-value table for the salt.
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE questions (
     id INTEGER PRIMARY KEY,
     time TEXT NOT NULL,
     platform TEXT NOT NULL,
     user_hash TEXT NOT NULL,
     question TEXT NOT NULL,
     kind TEXT NOT NULL,
     answered INTEGER NOT NULL,
     article_ids TEXT NOT NULL
   );
   CREATE TABLE votes (
     id INTEGER PRIMARY KEY,
     time TEXT NOT NULL,
     platform TEXT NOT NULL,
     user_hash TEXT NOT NULL,
     question TEXT NOT NULL,
     article_ids TEXT NOT NULL,
     vote TEXT NOT NULL CHECK (vote IN ('up', 'down'))
   );`,
  // 2: claim-check verdicts, one-time imports (feedback.jsonl), indexes for the report's time ranges.
  `ALTER TABLE questions ADD COLUMN verdict TEXT;
   CREATE TABLE imports (source TEXT PRIMARY KEY, time TEXT NOT NULL, count INTEGER NOT NULL);
   CREATE INDEX questions_time ON questions (time);
   CREATE INDEX votes_time ON votes (time);`,
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings a database to `target` (default: the latest version), each step in
 * its own immediate transaction so two processes opening a new file at once
 * cannot both apply it.
 * @throws Error when the file was written by a newer version of dealdesk
 */
export function migrate(db: Database.Database, target: number = SCHEMA_VERSION): number {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  if (version() > SCHEMA_VERSION) throw new Error(`schema version ${version()} is newer than this dealdesk understands (${SCHEMA_VERSION}); upgrade dealdesk`);
  for (let v = version(); v < target; v = version()) {
    db.transaction(() => {
      // Another process may have migrated while this one waited for the lock.
      if (version() !== v) return;
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
  return version();
}

interface QuestionRow {
  time: string;
  platform: Platform;
  user_hash: string;
  question: string;
  kind: string;
  answered: number;
  article_ids: string;
  verdict: string | null;
}
interface VoteRow {
  time: string;
  platform: Platform;
  user_hash: string;
  question: string;
  article_ids: string;
  vote: 'up' | 'down';
}

/** Options of the SQLite store. */
export interface SqliteStoreOptions extends StoreOptions {
  /** Waits for a lock held by another process, ms. Default `BUSY_TIMEOUT_MS`. */
  busyTimeoutMs?: number;
}

/** The SQLite `EventStore`. Create with `openSqliteStore`. */
export class SqliteStore implements EventStore {
  readonly kind = 'sqlite';
  private db: Database.Database | undefined;
  private salt: string | undefined;
  private readonly queue: WriteQueue;
  private pruneTimer: NodeJS.Timeout | undefined;
  private openFailures = 0;
  private closed = false;
  readonly retainDays: number;

  constructor(
    /** The database file. */
    readonly file: string,
    private readonly options: SqliteStoreOptions = {},
  ) {
    this.retainDays = options.retainDays ?? DEFAULT_RETAIN_DAYS;
    this.queue = new WriteQueue((batch) => this.writeBatch(batch), { name: 'store (sqlite)', delayMs: options.flushDelayMs, logger: options.logger });
  }

  /**
   * Opens (creating the folder and file if needed), migrates, reads or makes
   * the salt and applies retention. Failure is logged, not thrown: the store
   * then keeps events in memory and tries again at each flush.
   * @returns true when the database is open
   */
  open(): boolean {
    if (this.db) return true;
    if (this.closed) return false;
    let db: Database.Database | undefined;
    try {
      mkdirSync(path.dirname(path.resolve(this.file)), { recursive: true });
      db = new Database(this.file, { timeout: this.options.busyTimeoutMs ?? BUSY_TIMEOUT_MS });
      // WAL: concurrent readers and one writer at a time across processes; NORMAL sync is safe with WAL.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db);
      this.salt = this.options.salt ?? this.storedSalt(db);
      this.db = db;
    } catch (error) {
      db?.close();
      // Log the first failure and then every tenth, so a long outage does not flood the log.
      if (this.openFailures++ % 10 === 0) this.options.logger?.error('store (sqlite): cannot open the database; answering goes on, events wait in memory', { file: this.file, error: describe(error) });
      return false;
    }
    if (this.openFailures) this.options.logger?.info('store (sqlite): database open again', { file: this.file });
    this.openFailures = 0;
    this.pruneNow();
    this.pruneTimer ??= setInterval(() => this.pruneNow(), PRUNE_EVERY_MS).unref();
    return true;
  }

  recordQuestion(event: QuestionEvent): void {
    this.queue.push({ type: 'question', event: { ...event, articleIds: [...event.articleIds], time: event.time ?? new Date() } });
  }

  recordVote(event: VoteEvent): void {
    this.queue.push({ type: 'vote', event: { ...event, articleIds: [...event.articleIds], time: event.time ?? new Date() } });
  }

  async importVotes(source: string, votes: readonly VoteEvent[]): Promise<number> {
    const db = this.requireDb();
    const insert = this.voteInsert(db);
    return db
      .transaction(() => {
        if (db.prepare('SELECT 1 FROM imports WHERE source = ?').get(source)) return 0;
        for (const v of votes) insert(v, v.time ?? new Date());
        db.prepare('INSERT INTO imports (source, time, count) VALUES (?, ?, ?)').run(source, new Date().toISOString(), votes.length);
        return votes.length;
      })
      .immediate();
  }

  async report(since: Date): Promise<StoredEvents> {
    await this.flush();
    const db = this.requireDb();
    const from = since.toISOString();
    const questions = (db.prepare('SELECT time, platform, user_hash, question, kind, answered, article_ids, verdict FROM questions WHERE time >= ? ORDER BY time, id').all(from) as QuestionRow[]).map(
      (r): StoredQuestion => ({
        time: r.time,
        platform: r.platform,
        userHash: r.user_hash,
        question: r.question,
        kind: r.kind,
        answered: r.answered === 1,
        articleIds: JSON.parse(r.article_ids) as string[],
        ...(r.verdict ? { verdict: r.verdict as Verdict } : {}),
      }),
    );
    const votes = (db.prepare('SELECT time, platform, user_hash, question, article_ids, vote FROM votes WHERE time >= ? ORDER BY time, id').all(from) as VoteRow[]).map(
      (r): StoredVote => ({ time: r.time, platform: r.platform, userHash: r.user_hash, question: r.question, articleIds: JSON.parse(r.article_ids) as string[], vote: r.vote }),
    );
    return { questions, votes };
  }

  async prune(before: Date): Promise<number> {
    const db = this.requireDb();
    const cut = before.toISOString();
    return db.transaction(() => db.prepare('DELETE FROM questions WHERE time < ?').run(cut).changes + db.prepare('DELETE FROM votes WHERE time < ?').run(cut).changes).immediate();
  }

  flush(): Promise<void> {
    return this.queue.flush();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue.close();
    this.closed = true;
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    this.db?.close();
    this.db = undefined;
  }

  /** Events waiting in memory (for tests and diagnostics). */
  get pending(): number {
    return this.queue.size;
  }

  /** The salt kept in the file, made on first use. Insert-or-ignore, so two processes agree on one. */
  private storedSalt(db: Database.Database): string {
    db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?)").run(newSalt());
    return (db.prepare("SELECT value FROM meta WHERE key = 'salt'").get() as { value: string }).value;
  }

  private requireDb(): Database.Database {
    if (!this.open()) throw new Error(`store (sqlite): cannot open ${this.file} (see the log for why)`);
    return this.db!;
  }

  private writeBatch(batch: readonly PendingEvent[]): void {
    if (!this.open()) throw new Error(`cannot open ${this.file}`);
    const db = this.db!;
    const insertQuestion = db.prepare('INSERT INTO questions (time, platform, user_hash, question, kind, answered, article_ids, verdict) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const insertVote = this.voteInsert(db);
    try {
      db.transaction(() => {
        for (const item of batch) {
          const e = item.event;
          if (item.type === 'vote') insertVote(item.event, e.time);
          else {
            const q = item.event;
            insertQuestion.run(q.time.toISOString(), q.platform, hashUser(this.salt!, q.platform, q.user), q.question, q.kind, q.answered ? 1 : 0, JSON.stringify(q.articleIds), q.verdict ?? null);
          }
        }
      }).immediate();
    } catch (error) {
      // A file deleted or replaced under us: reopen next time rather than write into a dead handle.
      if (isGone(error)) {
        db.close();
        this.db = undefined;
      }
      throw error;
    }
  }

  private voteInsert(db: Database.Database): (v: VoteEvent, time: Date) => void {
    const stmt = db.prepare('INSERT INTO votes (time, platform, user_hash, question, article_ids, vote) VALUES (?, ?, ?, ?, ?, ?)');
    return (v, time) => stmt.run(time.toISOString(), v.platform, hashUser(this.salt!, v.platform, v.user), v.question, JSON.stringify(v.articleIds), v.vote);
  }

  private pruneNow(): void {
    try {
      const removed = this.db ? this.db.transaction(() => this.pruneSync(this.db!)).immediate() : 0;
      if (removed) this.options.logger?.info('store (sqlite): old events deleted', { removed, retainDays: this.retainDays });
    } catch (error) {
      this.options.logger?.warn('store (sqlite): retention could not run; will try again', { error: describe(error) });
    }
  }

  private pruneSync(db: Database.Database): number {
    const cut = new Date(Date.now() - this.retainDays * 86_400_000).toISOString();
    return db.prepare('DELETE FROM questions WHERE time < ?').run(cut).changes + db.prepare('DELETE FROM votes WHERE time < ?').run(cut).changes;
  }
}

/** SQLite errors that mean the file is no longer usable through this handle. */
function isGone(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return /^SQLITE_(IOERR|READONLY_DBMOVED|CANTOPEN|CORRUPT|NOTADB)/.test(code);
}

/** An error as a short loggable object (no stack: these are operational, not bugs). */
function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { name: error.name, message: error.message, ...((error as { code?: string }).code ? { code: (error as { code?: string }).code } : {}) };
  return { message: String(error) };
}

/**
 * Opens the SQLite store for `file`: created and migrated now; if that fails
 * the failure is logged and the store retries on its own (see `SqliteStore.open`).
 */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteStore {
  const store = new SqliteStore(file, options);
  store.open();
  return store;
}
