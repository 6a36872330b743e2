/**
 * The PostgreSQL store against a real server this file starts (initdb +
 * pg_ctl on 127.0.0.1, a free port; see `test/helpers/postgres.ts`): the
 * shared contract suite, migrations racing from two processes, the shared
 * per-user rate limit, and two real Slack replicas on one database (the limit
 * held across them, votes and abstentions from both in one report, the
 * database going away and coming back).
 *
 * Without PostgreSQL's binaries every test here is skipped and one line says
 * how many and why; in CI (`CI=true`) that is a failure instead.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter, SharedRateLimiter } from '../../src/adapters/rate-limit.ts';
import { migrate, openPostgresStore, PG_SCHEMA_VERSION, type PostgresStore } from '../../src/store/postgres.ts';
import type { StoreOptions } from '../../src/store/types.ts';
import { baseEnv, ROOT, startBot, type BotProcess } from '../helpers/bot-process.ts';
import { postgresUnavailable, startCluster, type PgCluster } from '../helpers/postgres.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from '../helpers/round-robin-proxy.ts';
import { blockActionBody, postSigned, slashCommandBody } from '../helpers/slack-requests.ts';
import { startFakeSlack, waitFor, type FakeSlack } from '../helpers/slack-server.ts';
import { describeStore, question } from './suite.ts';

const unavailable = postgresUnavailable();
const inCI = process.env.CI === 'true';

let cluster: PgCluster;
const opened: PostgresStore[] = [];
const track = (s: PostgresStore) => (opened.push(s), s);

beforeAll(async () => {
  if (!unavailable) cluster = await startCluster();
}, 120_000);

afterAll(async () => {
  try {
    // Bounded: a store that cannot close must not keep the server alive.
    await Promise.race([Promise.allSettled(opened.map((s) => s.close())), new Promise((r) => setTimeout(r, 10_000))]);
  } finally {
    await cluster?.destroy();
  }
}, 60_000);

// Without the server binaries: one visible line saying how many tests were skipped and why; in CI, a failure.
it.runIf(!!unavailable)('PostgreSQL is installed (CI must run these tests; .ci/run installs the postgresql package)', ({ task }) => {
  interface Task {
    type: string;
    mode: string;
    tasks?: Task[];
  }
  const count = (tasks: readonly Task[]): number => tasks.reduce((n, t) => n + (t.type === 'test' ? (t.mode === 'skip' ? 1 : 0) : count(t.tasks ?? [])), 0);
  const line = `postgres: ${count(task.file.tasks as Task[])} PostgreSQL tests skipped: ${unavailable}`;
  if (inCI) expect.fail(`CI=true: ${line}`);
  console.warn(line);
});

describe.skipIf(!!unavailable)('PostgreSQL', () => {
  describeStore('postgres', () => {
    let last = '';
    return {
      async fresh(options?: StoreOptions) {
        last = await cluster.createDatabase();
        return openPostgresStore(last, options);
      },
      async again(options?: StoreOptions) {
        return openPostgresStore(last, options);
      },
      async cleanup() {},
    };
  });

  describe('PostgreSQL store: migrations', () => {
    /** Starts the race child; resolves once it is connected and waiting for "go". */
    function racer(url: string, name: string) {
      const proc = spawn(process.execPath, ['--import', 'tsx', 'test/store/helpers/pg-open.ts', url, name], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      proc.stdout.on('data', (d) => (stdout += d));
      proc.stderr.on('data', (d) => (stderr += d));
      const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => proc.on('exit', (code) => resolve({ code, stdout, stderr })));
      const ready = waitFor(() => stdout.includes('ready'), `racer ${name} to connect`, 30_000);
      return { proc, ready, done };
    }

    it('two processes migrating a new database at the same moment: each step applied once, both stores work', async () => {
      for (let round = 0; round < 2; round++) {
        const url = await cluster.createDatabase();
        const a = racer(url, `a${round}`);
        const b = racer(url, `b${round}`);
        await Promise.all([a.ready, b.ready]);
        a.proc.stdin.end('go\n');
        b.proc.stdin.end('go\n');
        const results = await Promise.all([a.done, b.done]);
        for (const r of results) {
          expect(r.code, r.stderr).toBe(0);
          expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toMatchObject({ opened: true, errors: [] });
        }
        const db = url.slice(url.lastIndexOf('/') + 1);
        expect((await cluster.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version', [], db)).map((r) => r.version)).toEqual([1, 2]);
        expect((await cluster.query<{ n: string }>("SELECT count(*) AS n FROM meta WHERE key = 'salt'", [], db))[0]!.n).toBe('1');
        expect((await cluster.query<{ question: string }>('SELECT question FROM questions ORDER BY question', [], db)).map((r) => r.question)).toEqual([`from a${round}`, `from b${round}`]);
      }
    }, 90_000);

    it('migrates a database of the previous schema, keeping its rows', async () => {
      const url = await cluster.createDatabase();
      const pool = new Pool({ connectionString: url });
      const client = await pool.connect();
      expect(await migrate(client, PG_SCHEMA_VERSION - 1)).toBe(PG_SCHEMA_VERSION - 1);
      await client.query("INSERT INTO meta (key, value) VALUES ('salt', 'salt-of-the-old-database')");
      await client.query("INSERT INTO questions (time, platform, user_hash, question, kind, answered, article_ids) VALUES ('2099-01-01T00:00:00Z', 'slack', 'h', 'old question', 'abstain', false, '[]')");
      client.release();
      await pool.end();
      const store = track(openPostgresStore(url, { flushDelayMs: 10 }));
      store.recordQuestion(question({ question: 'new question' }));
      expect((await store.report(new Date(0))).questions.map((q) => q.question)).toEqual(['new question', 'old question']);
      const db = url.slice(url.lastIndexOf('/') + 1);
      expect((await cluster.query<{ v: number }>('SELECT max(version) AS v FROM schema_migrations', [], db))[0]!.v).toBe(PG_SCHEMA_VERSION);
    });

    it('refuses a database migrated by a newer version: logged, recording never throws, the report says why', async () => {
      const url = await cluster.createDatabase();
      const db = url.slice(url.lastIndexOf('/') + 1);
      await cluster.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())', [], db);
      await cluster.query('INSERT INTO schema_migrations (version) VALUES (99)', [], db);
      const lines: { msg: string; data?: Record<string, unknown> }[] = [];
      const logger = { info: () => {}, warn: () => {}, error: (msg: string, data?: Record<string, unknown>) => lines.push({ msg, data }) };
      const store = track(openPostgresStore(url, { logger }));
      expect(() => store.recordQuestion(question())).not.toThrow();
      await expect(store.report(new Date(0))).rejects.toThrow(/cannot open the database/);
      expect(lines[0]!.msg).toMatch(/cannot open the database/);
      expect(JSON.stringify(lines[0]!.data)).toContain('schema version 99 is newer');
    });
  });

  describe('PostgreSQL store: the shared rate limit', () => {
    it('two stores on one database (two replicas) let a user through `limit` times in all, even asked at once', async () => {
      const url = await cluster.createDatabase();
      const a = track(openPostgresStore(url));
      const b = track(openPostgresStore(url));
      expect(await Promise.all([a.open(), b.open()])).toEqual([true, true]);
      const hits = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).rateHit('U_GREEDY', 7, 60_000)));
      expect(hits.filter((h) => h.ok)).toHaveLength(7);
      for (const h of hits.filter((h) => !h.ok)) expect((h as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(55_000);
      expect(await a.rateHit('U_SOMEONE_ELSE', 7, 60_000)).toEqual({ ok: true });
      // The window slides: a short one lets the user in again once it has passed.
      expect((await Promise.all([a.rateHit('U_QUICK', 2, 400), b.rateHit('U_QUICK', 2, 400), a.rateHit('U_QUICK', 2, 400)])).map((h) => h.ok).sort()).toEqual([false, true, true]);
      await new Promise((r) => setTimeout(r, 500));
      expect((await b.rateHit('U_QUICK', 2, 400)).ok).toBe(true);
      // The user id is stored only as a salted hash.
      const db = url.slice(url.lastIndexOf('/') + 1);
      expect(JSON.stringify(await cluster.query('SELECT * FROM rate_limits', [], db))).not.toContain('U_GREEDY');
    });

    it('when the database cannot be reached the limit falls back to the process, logged once', async () => {
      const unreachable = track(openPostgresStore(`postgres://nobody:x@127.0.0.1:1/none`));
      const warnings: string[] = [];
      const limiter = new SharedRateLimiter(unreachable, new RateLimiter(2), { warn: (m) => warnings.push(m), info: () => {} });
      expect((await Promise.all([limiter.check('U'), limiter.check('U'), limiter.check('U')])).map((d) => d.ok)).toEqual([true, true, false]);
      expect(warnings).toEqual(['rate limit: the shared limit cannot be reached; limiting per process until it is back']);
    });
  });

  describe('two Slack replicas on one PostgreSQL database', () => {
    const BOT_TOKEN = 'xoxb-PG-REPLICA-TOKEN';
    const SECRET = 'pg-replica-signing-secret';
    const FORM = 'application/x-www-form-urlencoded';
    const LIMIT = 5;
    let slack: FakeSlack;
    let work: string;
    let url: string;
    let db: string;
    let a: { bot: BotProcess; port: number };
    let b: { bot: BotProcess; port: number };
    let proxy: RoundRobinProxy;
    let n = 0;

    async function replica(): Promise<{ bot: BotProcess; port: number }> {
      const bot = startBot(
        baseEnv({
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_PORT: '0',
          SLACK_API_URL: slack.apiUrl,
          INDEX_CACHE_DIR: work,
          INDEX_CACHE_READONLY: 'true',
          STORE: 'on',
          DATABASE_URL: url,
          RATE_LIMIT_PER_MINUTE: String(LIMIT),
          FEEDBACK_FILE: path.join(work, 'no-feedback.jsonl'),
        }),
      );
      const started = await bot.waitForLog('slack: started');
      await bot.waitForLog('adapters started');
      return { bot, port: started.port as number };
    }

    /** Sends `/deal text` as `user` to `port`; resolves with what was posted to its response_url. */
    async function ask(port: number, text: string, user: string): Promise<Record<string, any>> {
      const id = `pg-${++n}`;
      const res = await postSigned(port, slashCommandBody({ text, user_id: user, response_url: slack.responseUrl(id) }), FORM, { secret: SECRET });
      expect(res.status).toBe(200);
      return (await slack.waitForCall((c) => c.path === `/respond/${id}`, 15_000)).body;
    }

    const count = async (table: 'questions' | 'votes') => Number((await cluster.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`, [], db))[0]!.n);

    beforeAll(async () => {
      slack = await startFakeSlack();
      slack.on('auth.test', () => ({ json: { ok: true, user_id: 'U_BOT', bot_id: 'B_BOT', team_id: 'T_TEAM' } }));
      work = await mkdtemp(path.join(tmpdir(), 'dealdesk-pg-replicas-'));
      const code = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/build-index.ts', '--cache-dir', work], { cwd: ROOT, env: baseEnv({}), stdio: 'ignore' });
        child.on('exit', resolve);
      });
      expect(code).toBe(0);
      url = await cluster.createDatabase('replicas');
      db = 'replicas';
      // Both start at once: they migrate the new database together.
      [a, b] = await Promise.all([replica(), replica()]);
      proxy = await startRoundRobinProxy([a.port, b.port]);
    }, 90_000);

    afterAll(async () => {
      a?.bot.kill();
      b?.bot.kill();
      await Promise.all([a?.bot.exited, b?.bot.exited]);
      await proxy?.close();
      await slack?.close();
      if (work) await rm(work, { recursive: true, force: true });
    });

    it('the per-user limit holds across replicas: one user alternating between them gets `limit` answers in all', async () => {
      const replies = [];
      for (let i = 0; i < 12; i++) replies.push(await ask(proxy.port, 'japan autos', 'U_GREEDY'));
      expect(proxy.served.get(a.port)).toBe(6);
      expect(proxy.served.get(b.port)).toBe(6);
      expect(replies.filter((r) => r.response_type === 'in_channel')).toHaveLength(LIMIT);
      const refused = replies.filter((r) => r.response_type === 'ephemeral');
      expect(refused).toHaveLength(12 - LIMIT);
      for (const r of refused) expect(r.text).toMatch(/asking faster than I can keep up with/);
      // Someone else is not limited.
      expect((await ask(proxy.port, 'japan autos', 'U_PATIENT')).response_type).toBe('in_channel');
    }, 60_000);

    it('votes and abstentions from both replicas land in one report', async () => {
      const abstainA = 'How do I bake sourdough bread at home?';
      const abstainB = 'Which football team won the league this year?';
      expect((await ask(a.port, abstainA, 'U_BAKER')).response_type).toBe('in_channel');
      expect((await ask(b.port, abstainB, 'U_FAN')).response_type).toBe('in_channel');
      // A 👍 on replica A's answer and a 👎 on replica B's, clicked on the replica that answered.
      for (const [r, vote, user] of [
        [a, 'up', 'U_VOTER_A'],
        [b, 'down', 'U_VOTER_B'],
      ] as const) {
        const answer = await ask(r.port, 'What tariff do Japanese cars pay now?', user);
        const actions = answer.blocks.find((x: { type: string }) => x.type === 'actions');
        const button = actions.elements[vote === 'up' ? 0 : 1];
        const id = `vote-${vote}`;
        const payload = blockActionBody({ actionId: button.action_id, blockId: actions.block_id, value: button.value, message: { text: answer.text, blocks: answer.blocks }, response_url: slack.responseUrl(id), user });
        expect((await postSigned(r.port, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM, { secret: SECRET })).status).toBe(200);
        await slack.waitForCall((c) => c.path === `/respond/${id}`, 10_000);
      }
      // Written in the background (batched about a second later).
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && (await count('votes')) < 2) await new Promise((r) => setTimeout(r, 200));
      expect(await count('votes')).toBe(2);

      const report = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', '--json'], { cwd: ROOT, env: baseEnv({ STORE: 'on', DATABASE_URL: url, LOG_LEVEL: 'warn' }), stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('exit', (code) => resolve({ code, stdout, stderr }));
      });
      expect(report.code, report.stderr).toBe(0);
      const json = JSON.parse(report.stdout);
      const abstained = json.abstained.map((g: { question: string }) => g.question);
      expect(abstained).toEqual(expect.arrayContaining([abstainA, abstainB]));
      expect(json.downvoted.map((d: { question: string }) => d.question)).toEqual(['What tariff do Japanese cars pay now?']);
      expect(report.stderr + report.stdout).not.toContain(cluster.password);
    }, 60_000);

    it('the database going away and coming back: answers keep flowing, events are written once it is back, nothing crashes', async () => {
      const before = await count('questions');
      await cluster.stop();
      const replies = [];
      for (let i = 0; i < 6; i++) replies.push(await ask(proxy.port, 'What tariff do Japanese cars pay now?', `U_OUTAGE_${i}`));
      expect(replies.every((r) => r.response_type === 'in_channel')).toBe(true);
      for (const r of [a, b]) {
        await r.bot.waitForLog('rate limit: the shared limit cannot be reached; limiting per process until it is back', 10_000);
        await r.bot.waitForLog('store (postgres): could not write events; answering goes on, will retry', 15_000);
        expect((await fetch(`http://127.0.0.1:${r.port}/healthz`)).status).toBe(200);
      }
      await cluster.start();
      // Back: each replica checks the shared limit again, and SIGTERM flushes what waited in memory.
      for (const r of [a, b]) expect((await ask(r.port, 'japan autos', `U_AFTER_${r.port}`)).response_type).toBe('in_channel');
      a.bot.child.kill('SIGTERM');
      b.bot.child.kill('SIGTERM');
      expect(await Promise.all([a.bot.exited, b.bot.exited])).toEqual([0, 0]);
      expect(await count('questions')).toBe(before + 8);
      for (const r of [a, b]) {
        const msgs = r.bot.lines().map((l) => l.msg);
        expect(msgs.at(-1)).toBe('stopped');
        expect(msgs).toContain('rate limit: shared limit reachable again');
        expect(r.bot.stderr()).not.toContain(cluster.password);
        expect(r.bot.lines().filter((l) => l.level === 'error').every((l) => l.msg.startsWith('store (postgres):'))).toBe(true);
      }
    }, 90_000);
  });
});
