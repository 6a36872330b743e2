/**
 * The SQLite event store on real files: the shared contract suite, then what
 * is particular to a file: migrations, two processes writing at once, a
 * database that is locked, unusable or newer than the code, SIGTERM while
 * writing, the hash in the file's bytes, and the import of an old feedback.jsonl.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importFeedbackFile } from '../../src/store/import-feedback.ts';
import { migrate, openSqliteStore, SCHEMA_VERSION, SqliteStore } from '../../src/store/sqlite.ts';
import type { StoreLogger, StoreOptions } from '../../src/store/types.ts';
import { describeStore, question } from './suite.ts';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let n = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dealdesk-store-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describeStore('sqlite', () => {
  let last = '';
  return {
    async fresh(options?: StoreOptions) {
      last = path.join(dir, `suite-${n++}`, 'events.sqlite');
      return openSqliteStore(last, options);
    },
    async again(options?: StoreOptions) {
      return openSqliteStore(last, options);
    },
    async cleanup() {},
  };
});

/** A logger that keeps lines for assertions. */
function memoryLogger(): StoreLogger & { lines: { level: string; msg: string; data?: Record<string, unknown> }[] } {
  const lines: { level: string; msg: string; data?: Record<string, unknown> }[] = [];
  return {
    lines,
    info: (msg, data) => lines.push({ level: 'info', msg, data }),
    warn: (msg, data) => lines.push({ level: 'warn', msg, data }),
    error: (msg, data) => lines.push({ level: 'error', msg, data }),
  };
}

const newFile = () => path.join(dir, `case-${n++}`, 'dealdesk.sqlite');
const stores: SqliteStore[] = [];
const track = (s: SqliteStore) => (stores.push(s), s);
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

/** Runs the writer child; resolves with its exit code and output. */
function child(file: string, args: string[]): { done: Promise<{ code: number | null; stdout: string; stderr: string }>; proc: ReturnType<typeof spawn> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'test/store/helpers/writer.ts', file, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (d) => (stdout += d));
  proc.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => proc.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { done, proc };
}

describe('SQLite store: migrations', () => {
  it('creates the folder, the file and the latest schema from nothing', async () => {
    const file = newFile();
    track(openSqliteStore(file));
    expect(existsSync(file)).toBe(true);
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(['imports', 'meta', 'questions', 'votes']);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('migrates a file of the previous schema, keeping its rows', async () => {
    const file = newFile();
    await mkdir(path.dirname(file), { recursive: true });
    const old = new Database(file);
    expect(migrate(old, SCHEMA_VERSION - 1)).toBe(SCHEMA_VERSION - 1);
    old.prepare("INSERT INTO meta (key, value) VALUES ('salt', 'salt-from-the-old-file')").run();
    old.prepare("INSERT INTO questions (time, platform, user_hash, question, kind, answered, article_ids) VALUES ('2099-01-01T00:00:00.000Z', 'slack', 'h', 'old question', 'abstain', 0, '[]')").run();
    old.close();

    const store = track(openSqliteStore(file));
    store.recordQuestion(question({ question: 'new check', kind: 'check', verdict: 'supported' }));
    const { questions } = await store.report(new Date(0));
    expect(questions.map((q) => [q.question, q.verdict])).toEqual([
      ['new check', 'supported'],
      ['old question', undefined],
    ]);
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a file written by a newer version: logged, answering goes on, the report says why', async () => {
    const file = newFile();
    await mkdir(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const logger = memoryLogger();
    const store = track(openSqliteStore(file, { logger }));
    expect(() => store.recordQuestion(question())).not.toThrow();
    expect(logger.lines[0]).toMatchObject({ level: 'error', msg: expect.stringContaining('cannot open the database') });
    expect(JSON.stringify(logger.lines[0]!.data)).toContain('schema version 99 is newer');
    await expect(store.report(new Date(0))).rejects.toThrow(/cannot open/);
  });
});

describe('SQLite store: files and processes', () => {
  it('two processes writing the same file at once lose nothing', async () => {
    const file = newFile();
    const a = child(file, ['burst', '1500']);
    const b = child(file, ['burst', '1500']);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    const db = new Database(file);
    const rows = db.prepare('SELECT question FROM questions').all() as { question: string }[];
    db.close();
    expect(rows).toHaveLength(3000);
    expect(new Set(rows.map((r) => r.question)).size).toBe(3000);
  }, 60_000);

  it('SIGTERM while writing: everything recorded before the signal is in the file', async () => {
    const file = newFile();
    const w = child(file, ['until-sigterm']);
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('writer did not start')), 20_000);
      w.proc.stdout!.on('data', (d: Buffer) => {
        if (String(d).includes('recording')) {
          clearTimeout(t);
          resolve();
        }
      });
    });
    await new Promise((r) => setTimeout(r, 300));
    w.proc.kill('SIGTERM');
    const { code, stdout, stderr } = await w.done;
    expect(code, stderr).toBe(0);
    const recorded = Number(/recorded (\d+)/.exec(stdout)?.[1]);
    expect(recorded).toBeGreaterThan(50);
    const db = new Database(file);
    expect((db.prepare('SELECT count(*) AS n FROM questions').get() as { n: number }).n).toBe(recorded);
    db.close();
  }, 30_000);

  it('a locked database: the write waits briefly, is logged, and succeeds once the lock is gone', async () => {
    const file = newFile();
    const logger = memoryLogger();
    const store = track(openSqliteStore(file, { logger, flushDelayMs: 10_000 }));
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    store.recordQuestion(question({ question: 'while locked' }));
    const started = performance.now();
    await store.flush();
    // The busy wait is bounded (50 ms), so the event loop is never held for long.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(store.pending).toBe(1);
    expect(logger.lines.some((l) => l.level === 'error' && /could not write events/.test(l.msg))).toBe(true);
    other.exec('COMMIT');
    other.close();
    await store.flush();
    expect(store.pending).toBe(0);
    expect((await store.report(new Date(0))).questions.map((q) => q.question)).toEqual(['while locked']);
    expect(logger.lines.some((l) => /writing events again/.test(l.msg))).toBe(true);
  });

  it('an unusable path (a folder where the file should be): logged, nothing thrown, written once it is usable', async () => {
    const file = newFile();
    await mkdir(file, { recursive: true });
    const logger = memoryLogger();
    const store = track(openSqliteStore(file, { logger, flushDelayMs: 10_000 }));
    expect(logger.lines[0]).toMatchObject({ level: 'error', msg: expect.stringContaining('cannot open the database') });
    expect(JSON.stringify(logger.lines[0]!.data)).toContain(file);
    for (let i = 0; i < 10; i++) expect(() => store.recordQuestion(question({ question: `q${i}` }))).not.toThrow();
    await store.flush();
    expect(store.pending).toBe(10);
    await rm(file, { recursive: true });
    await store.flush();
    expect(store.pending).toBe(0);
    expect((await store.report(new Date(0))).questions).toHaveLength(10);
  });

  it('an unwritable folder (a file where the folder should be) is logged, not thrown', async () => {
    const blocker = path.join(dir, `blocker-${n++}`);
    await writeFile(blocker, 'not a folder');
    const logger = memoryLogger();
    const store = track(openSqliteStore(path.join(blocker, 'dealdesk.sqlite'), { logger }));
    store.recordVote({ platform: 'slack', user: 'U', question: 'q', articleIds: [], vote: 'up' });
    await store.flush();
    expect(store.pending).toBe(1);
    expect(logger.lines.filter((l) => l.level === 'error').length).toBeGreaterThanOrEqual(2);
  });

  it('the raw user id appears nowhere in the file', async () => {
    const file = newFile();
    const store = openSqliteStore(file);
    for (let i = 0; i < 20; i++) store.recordQuestion(question({ user: 'U_SECRET_PERSON_77' }));
    store.recordVote({ platform: 'slack', user: 'U_SECRET_PERSON_77', question: 'q', articleIds: [], vote: 'down' });
    await store.close();
    for (const f of [file, `${file}-wal`]) if (existsSync(f)) expect((await readFile(f)).includes('U_SECRET_PERSON_77')).toBe(false);
    const db = new Database(file);
    expect((db.prepare('SELECT count(*) AS n FROM questions').get() as { n: number }).n).toBe(20);
    db.close();
  });

  it('imports an old feedback.jsonl once, renames it, and skips lines that are not votes', async () => {
    const file = newFile();
    await mkdir(path.dirname(file), { recursive: true });
    const feedback = path.join(path.dirname(file), 'feedback.jsonl');
    const lines = [
      { time: '2099-03-01T09:00:00.000Z', platform: 'slack', question: 'what tariff on cars?', articleIds: ['a1', 'a2'], vote: 'down', user: 'U_OLD' },
      { time: '2099-03-02T09:00:00.000Z', platform: 'discord', question: 'rice quota?', articleIds: ['a3'], vote: 'up', user: '123' },
    ];
    await writeFile(feedback, lines.map((l) => JSON.stringify(l)).join('\n') + '\nnot json\n{"time":"x"}\n');
    const logger = memoryLogger();
    const store = track(openSqliteStore(file, { logger }));
    expect(await importFeedbackFile(store, feedback, logger)).toBe(2);
    expect(existsSync(feedback)).toBe(false);
    expect(existsSync(`${feedback}.imported`)).toBe(true);
    expect(logger.lines.find((l) => /skipped/.test(l.msg))?.data).toMatchObject({ count: 2, skipped: ['line 3: not JSON', expect.stringMatching(/^line 4: not a vote/)] });
    // The same content again (say the rename was undone) is not imported twice.
    await writeFile(feedback, lines.map((l) => JSON.stringify(l)).join('\n') + '\nnot json\n{"time":"x"}\n');
    expect(await importFeedbackFile(store, feedback, logger)).toBe(0);
    expect(await importFeedbackFile(store, path.join(dir, 'no-such-file.jsonl'), logger)).toBe(0);
    const { votes } = await store.report(new Date(0));
    expect(votes.map((v) => [v.platform, v.question, v.articleIds, v.vote])).toEqual([
      ['slack', 'what tariff on cars?', ['a1', 'a2'], 'down'],
      ['discord', 'rice quota?', ['a3'], 'up'],
    ]);
    expect(JSON.stringify(votes)).not.toContain('U_OLD');
  });
});
