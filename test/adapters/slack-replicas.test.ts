/**
 * Slack in HTTP mode as stateless replicas: two real `src/main.ts` processes
 * open one snapshot prebuilt by `npm run index -- --cache-dir DIR` read-only,
 * behind a small round-robin proxy; the fake Slack on 127.0.0.1 plays the
 * Web API and the `response_url`s. Checks `/healthz` before and after the
 * engine loads, a burst of signed commands, SIGTERM on one replica while the
 * other carries on, and the shutdown grace period.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseEnv, ROOT, startBot, type BotProcess } from '../helpers/bot-process.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from '../helpers/round-robin-proxy.ts';
import { postSigned, slashCommandBody } from '../helpers/slack-requests.ts';
import { startFakeSlack, waitFor, type FakeSlack } from '../helpers/slack-server.ts';

const BOT_TOKEN = 'xoxb-REPLICA-TEST-TOKEN';
const SECRET = 'replica-signing-secret-123';
const FORM = 'application/x-www-form-urlencoded';
/** Slack's deadline for acknowledging a slash command (api.slack.com/interactivity/slash-commands: "within 3000 milliseconds"). */
const SLACK_ACK_MS = 3000;
const QUESTIONS = ['japan autos', 'What tariff do Japanese cars pay now?', 'How much will Japan invest in the United States?', 'japan agriculture', 'sources'];

let slack: FakeSlack;
let work: string;
let snapshotDir: string;
const bots: BotProcess[] = [];

function replicaEnv(over: Record<string, string> = {}): NodeJS.ProcessEnv {
  return baseEnv({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_PORT: '0',
    SLACK_API_URL: slack.apiUrl,
    INDEX_CACHE_DIR: snapshotDir,
    INDEX_CACHE_READONLY: 'true',
    ...over,
  });
}

async function startReplica(over: Record<string, string> = {}): Promise<{ bot: BotProcess; port: number }> {
  const bot = startBot(replicaEnv(over));
  bots.push(bot);
  const started = await bot.waitForLog('slack: started');
  return { bot, port: started.port as number };
}

async function healthz(port: number): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: await res.json() };
}

/** Sends `n` signed commands through `port`, `c` at a time; resolves with each one's status and ack time. */
async function burst(port: number, n: number, c: number, tag: string, onSent?: (i: number) => void): Promise<{ status: number; ms: number }[]> {
  const results: { status: number; ms: number }[] = new Array(n);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      const body = slashCommandBody({ text: QUESTIONS[i % QUESTIONS.length]!, user_id: `U_${tag}_${i}`, response_url: slack.responseUrl(`${tag}-${i}`) });
      const t = performance.now();
      const res = await postSigned(port, body, FORM, { secret: SECRET }).catch(() => ({ status: 0, text: '' }));
      results[i] = { status: res.status, ms: performance.now() - t };
      onSent?.(i);
    }
  };
  await Promise.all(Array.from({ length: c }, worker));
  return results;
}

const answersFor = (tag: string) => slack.calls.filter((call) => call.method === 'respond' && call.path.startsWith(`/respond/${tag}-`));

beforeAll(async () => {
  slack = await startFakeSlack();
  slack.on('auth.test', () => ({ json: { ok: true, user_id: 'U_BOT', bot_id: 'B_BOT', team_id: 'T_TEAM' } }));
  slack.on('respond', async (_body, call) => {
    // A response_url that never answers, for the grace-period test.
    if (call.path.startsWith('/respond/hang-')) await new Promise(() => {});
    return { json: { ok: true } };
  });
  work = await mkdtemp(path.join(tmpdir(), 'dealdesk-replicas-'));
  snapshotDir = path.join(work, 'snapshot');
  // The deploy step: one prebuilt snapshot for every replica.
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/build-index.ts', '--cache-dir', snapshotDir], { cwd: ROOT, env: baseEnv({}), stdio: 'ignore' });
    child.on('exit', resolve);
  });
  expect(code).toBe(0);
}, 60_000);

afterAll(async () => {
  for (const b of bots) b.kill();
  await Promise.all(bots.map((b) => b.exited));
  await slack?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a replica starting up', () => {
  it('answers /healthz 503 while its engine loads and 200 once loaded; a command sent meanwhile is acked and answered', async () => {
    // An empty read-only cache folder: this replica must build in memory, which takes long enough to observe.
    const emptyCache = path.join(work, 'empty-cache');
    await mkdir(emptyCache);
    const { bot, port } = await startReplica({ INDEX_CACHE_DIR: emptyCache });
    expect(await healthz(port)).toEqual({ status: 503, body: { status: 'starting' } });

    const early = await postSigned(port, slashCommandBody({ text: 'japan autos', user_id: 'U_EARLY', response_url: slack.responseUrl('early-1') }), FORM, { secret: SECRET });
    expect(early.status).toBe(200);

    await waitFor(() => bot.lines().some((l) => l.msg === 'adapters started'), 'the engine to load', 20_000);
    expect(await healthz(port)).toEqual({ status: 200, body: { status: 'ready' } });
    const answer = await slack.waitForCall((c) => c.path === '/respond/early-1', 10_000);
    expect(answer.body.response_type).toBe('in_channel');
    expect(JSON.stringify(answer.body.blocks)).toMatch(/Autos/);
    // Built in memory, never written: the read-only folder is still empty.
    expect(bot.stderr()).toMatch(/rebuilding in memory \(read-only cache: not saved\)/);
    expect(await readdir(emptyCache)).toEqual([]);

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }, 60_000);

  it('SHUTDOWN_GRACE_SECONDS bounds the drain: an answer stuck in flight is given up after it, the process exits 0', async () => {
    const { bot, port } = await startReplica({ SHUTDOWN_GRACE_SECONDS: '1' });
    await bot.waitForLog('adapters started');
    const ack = await postSigned(port, slashCommandBody({ text: 'japan autos', user_id: 'U_HANG', response_url: slack.responseUrl('hang-1') }), FORM, { secret: SECRET });
    expect(ack.status).toBe(200);
    await slack.waitForCall((c) => c.path === '/respond/hang-1', 5000);
    const t = performance.now();
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    const took = performance.now() - t;
    // 1 s of grace, then disconnect and exit; far less than the 10 s the response_url timeout would take.
    expect(took).toBeGreaterThan(900);
    expect(took).toBeLessThan(6000);
    expect(bot.lines().find((l) => l.msg === 'slack: shutdown grace period over; stopping with answers unfinished')).toMatchObject({ graceMs: 1000, unfinished: 1 });
  }, 60_000);
});

describe('two replicas behind a round-robin proxy, one prebuilt snapshot', () => {
  let a: { bot: BotProcess; port: number };
  let b: { bot: BotProcess; port: number };
  let proxy: RoundRobinProxy;
  let snapshot: { names: string[]; mtimeMs: number };

  beforeAll(async () => {
    const names = await readdir(snapshotDir);
    snapshot = { names, mtimeMs: (await stat(path.join(snapshotDir, names[0]!))).mtimeMs };
    [a, b] = await Promise.all([startReplica(), startReplica()]);
    await Promise.all([a.bot.waitForLog('adapters started'), b.bot.waitForLog('adapters started')]);
    proxy = await startRoundRobinProxy([a.port, b.port]);
  }, 60_000);

  afterAll(async () => {
    await proxy?.close();
  });

  it('both open the snapshot without rebuilding or writing, and report ready', async () => {
    for (const r of [a, b]) {
      expect(r.bot.stderr()).not.toMatch(/index-cache:/);
      expect(await healthz(r.port)).toEqual({ status: 200, body: { status: 'ready' } });
    }
    expect(await readdir(snapshotDir)).toEqual(snapshot.names);
    expect((await stat(path.join(snapshotDir, snapshot.names[0]!))).mtimeMs).toBe(snapshot.mtimeMs);
  });

  it('300 signed commands at concurrency 30: every ack within 3 s, every command answered exactly once, by both replicas', async () => {
    const results = await burst(proxy.port, 300, 30, 'load');
    expect(results.filter((r) => r.status !== 200)).toEqual([]);
    const slowest = Math.max(...results.map((r) => r.ms));
    expect(slowest).toBeLessThanOrEqual(SLACK_ACK_MS);
    await waitFor(() => answersFor('load').length >= 300, '300 answers', 60_000);
    await new Promise((r) => setTimeout(r, 300));
    const perCommand = new Map<string, number>();
    for (const call of answersFor('load')) perCommand.set(call.path, (perCommand.get(call.path) ?? 0) + 1);
    expect(perCommand.size).toBe(300);
    expect([...perCommand.values()].every((n) => n === 1)).toBe(true);
    expect(answersFor('load').every((c) => Array.isArray(c.body.blocks) && c.body.blocks.length > 0)).toBe(true);
    // Round robin: each replica took half.
    expect(proxy.served.get(a.port)).toBeGreaterThanOrEqual(140);
    expect(proxy.served.get(b.port)).toBeGreaterThanOrEqual(140);
    const answeredBy = (r: typeof a) => r.bot.lines().filter((l) => l.msg === 'slack: /deal answered').length;
    expect(answeredBy(a) + answeredBy(b)).toBe(300);
  }, 120_000);

  it('SIGTERM on one replica: it finishes its answers and exits 0 while the other takes every new command', async () => {
    let killed = false;
    const results = await burst(proxy.port, 60, 6, 'drain', (i) => {
      if (i === 15 && !killed) {
        killed = true;
        a.bot.child.kill('SIGTERM');
      }
    });
    expect(await a.bot.exited).toBe(0);
    expect(results.filter((r) => r.status !== 200)).toEqual([]);
    await waitFor(() => answersFor('drain').length >= 60, '60 answers', 30_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(answersFor('drain')).toHaveLength(60);
    expect(new Set(answersFor('drain').map((c) => c.path)).size).toBe(60);
    // The stopped replica drained (its acked commands were answered before "stopped"), logged no error, and the survivor is healthy.
    const msgs = a.bot.lines().map((l) => l.msg);
    expect(msgs.at(-1)).toBe('stopped');
    expect(a.bot.lines().filter((l) => l.level === 'error')).toEqual([]);
    expect(await healthz(b.port)).toEqual({ status: 200, body: { status: 'ready' } });
    expect(proxy.refusedEverywhere).toBe(0);
    // Commands after the SIGTERM went to the survivor.
    const late = await burst(proxy.port, 10, 5, 'after');
    expect(late.every((r) => r.status === 200)).toBe(true);
    await waitFor(() => answersFor('after').length >= 10, '10 answers', 10_000);
  }, 120_000);
});
