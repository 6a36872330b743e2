/**
 * `npm run load [-- --n 500 --c 50 --platform both]`: a bounded load run of the
 * real adapters against local stand-ins for Slack and Discord on 127.0.0.1.
 *
 * - Slack: the real Bolt app in HTTP mode receives N signed `/deal` commands,
 *   C at a time, each from its own user (so the rate limit never bites) and
 *   with its own `response_url`; the fake Slack records every answer.
 * - Discord: the real discord.js client receives N `/ask` interactions through
 *   the local gateway; the fake REST records each deferral (the ack) and edit.
 *
 * The bot runs in a child process of its own (this file with `--serve`), as
 * it would in production: the fakes and the load generator share no event
 * loop with it, and its memory is its own. Reports acks within 3 s, answers
 * delivered (none lost, none duplicated: matched by the per-request id),
 * p50/p99 time to ack and to answer, and the bot's peak memory. Not part of
 * `npm test`. Exits 1 when an ack is late or an answer is lost or duplicated.
 *
 * With `--reload`, each bot watches a copy of the shipped knowledge, and a
 * 4 MB article is dropped into it just before the first request: the whole
 * run (or most of it) happens while the new index is built, and the report
 * says when the reload finished and how many requests were sent during it.
 *
 * The fakes are the ones the adapter tests use (`test/helpers/`), so this is a
 * development tool: it needs the dev dependencies.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bigArticle } from '../../test/helpers/big-article.ts';
import { FakeDiscord } from '../../test/helpers/discord-fake.ts';
import { human, slashCommand } from '../../test/helpers/discord-payloads.ts';
import { startFakeSlack } from '../../test/helpers/slack-server.ts';
import { postSigned, slashCommandBody } from '../../test/helpers/slack-requests.ts';
import { startDiscord } from '../adapters/discord/index.ts';
import { FeedbackLog } from '../adapters/feedback.ts';
import { RateLimiter } from '../adapters/rate-limit.ts';
import { startSlack } from '../adapters/slack/index.ts';
import type { AdapterDeps, RunningAdapter } from '../adapters/types.ts';
import type { Engine } from '../core/engine.ts';
import { KnowledgeHolder } from '../knowledge-watch.ts';
import { createLogger, type Logger } from '../log.ts';
import { openEngineOffThread } from '../off-thread-engine.ts';
import { DEFAULT_KNOWLEDGE_DIR, openEngine } from '../startup.ts';

/** Slack and Discord both want an acknowledgement within 3 s. */
export const ACK_DEADLINE_MS = 3000;
/** A request whose answer has not arrived after this long counts as lost. */
const ANSWER_TIMEOUT_MS = 15_000;
/** No new requests are started after this long (the run is bounded in time as well as count). */
const RUN_LIMIT_MS = 120_000;
/** Time left after the last answer for duplicates to show up. */
const SETTLE_MS = 500;
/** `--reload`: size of the article dropped into the bot's knowledge as the run starts. */
const RELOAD_ARTICLE_BYTES = 4_000_000;
/** `--reload`: longest wait for the bot to report the new knowledge in use. */
const RELOAD_TIMEOUT_MS = 180_000;

/** Timings of one request, in ms from when it was sent. */
interface Sample {
  ack?: number;
  answer?: number;
  acks: number;
  answers: number;
}

/** One platform's results. */
export interface LoadResult {
  platform: string;
  sent: number;
  acksInTime: number;
  answered: number;
  lost: number;
  duplicated: number;
  ackP50: number;
  ackP99: number;
  answerP50: number;
  answerP99: number;
  peakRssMb: number;
  peakHeapMb: number;
  seconds: number;
  problems: number;
  /** `--reload`: seconds from the drop to the new index in use (NaN: not in use in time), and requests sent before it was. */
  reload?: { seconds: number; during: number };
}

/** The value at quantile `q` (0..1) of `values` (nearest rank); NaN when empty. */
export function percentile(values: readonly number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Samples this process's memory until stopped; returns the peaks in MB. */
function memoryPeaks(): () => { rss: number; heap: number } {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 25);
  return () => {
    clearInterval(timer);
    sample();
    return { rss: rss / 2 ** 20, heap: heap / 2 ** 20 };
  };
}

/** Runs `work(i)` for i in 0..n-1, at most `c` at a time, starting none after `deadline`. */
async function pool(n: number, c: number, deadline: number, work: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < n && Date.now() < deadline) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(c, n) }, worker));
  return next;
}

/** A promise that resolves when `done()` is called or after `ms`. */
function signal(ms: number): { wait: Promise<void>; done: () => void } {
  let done!: () => void;
  const wait = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    done = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { wait, done };
}

function summarise(platform: string, samples: Sample[], sent: number, peaks: { rss: number; heap: number }, seconds: number, problems: number, reload?: LoadResult['reload']): LoadResult {
  const s = samples.slice(0, sent);
  const acks = s.filter((x) => x.ack !== undefined).map((x) => x.ack!);
  const answers = s.filter((x) => x.answer !== undefined).map((x) => x.answer!);
  return {
    platform,
    sent,
    acksInTime: acks.filter((t) => t <= ACK_DEADLINE_MS).length,
    answered: answers.length,
    lost: sent - answers.length,
    duplicated: s.filter((x) => x.answers > 1 || x.acks > 1).length,
    ackP50: percentile(acks, 0.5),
    ackP99: percentile(acks, 0.99),
    answerP50: percentile(answers, 0.5),
    answerP99: percentile(answers, 0.99),
    peakRssMb: peaks.rss,
    peakHeapMb: peaks.heap,
    seconds,
    problems,
    ...(reload ? { reload } : {}),
  };
}

/** Questions that exercise real retrieval, drawn from the knowledge itself (nothing corpus-specific here). */
/** Questions that exercise real retrieval, drawn from the knowledge itself (nothing corpus-specific here). */
function questionsFor(engine: Engine): string[] {
  const topics = engine.topicNames().slice(0, 6).map((t) => `what changed for ${t.name.toLowerCase()}?`);
  return [engine.exampleBriefing(), ...topics, 'what are the tariffs now?'];
}

const SIGNING_SECRET = 'load-signing-secret';

/** What the bot process reports when it stops. */
interface BotReport {
  rss: number;
  heap: number;
  problems: number;
}

/** The bot in its child process. */
interface Bot {
  /** Slack HTTP mode: the port it listens on. */
  port?: number;
  /** With a watched knowledge folder: resolves (`performance.now()` here) when the bot reports a reload. */
  reloaded: Promise<number>;
  /** Stops the adapter and the process; resolves with its peak memory and warning count. */
  stop(): Promise<BotReport>;
}

/** A knowledge copy the bot watches (`--reload`), and the cache folder for it. */
interface Watched {
  knowledge: string;
  cache: string;
}

/**
 * The child side (`--serve slack|discord --api URL [--knowledge DIR --cache DIR]`):
 * starts the real adapter against the fake at `URL`, reports `{ port }` when
 * ready, and on "stop" stops it and reports peak memory and how many warnings
 * and errors it logged. With a knowledge folder it watches it as `npm start`
 * does (reloads built in a worker thread) and reports `{ reloaded }`.
 */
async function serve(platform: string, apiUrl: string, watched?: Watched): Promise<void> {
  const peaks = memoryPeaks();
  let problems = 0;
  const logger = createLogger('warn', [], (line) => {
    if (++problems <= 5) process.stderr.write(line + '\n');
  });
  const first = await openEngine(watched?.knowledge, watched ? { cacheDir: watched.cache } : {});
  let holder: KnowledgeHolder | undefined;
  if (watched) {
    const reporting: Logger = { ...logger, info: (msg) => void (msg === 'knowledge reloaded' && process.send!({ reloaded: true })) };
    holder = new KnowledgeHolder(first, watched.knowledge, (d) => openEngineOffThread(d, { cacheDir: watched.cache }), reporting);
    holder.watch();
  }
  const engine = holder ? holder.current : () => first;
  const deps: AdapterDeps = { engine, logger, feedback: new FeedbackLog('/dev/null'), rateLimiter: new RateLimiter() };
  let adapter: RunningAdapter;
  let port: number | undefined;
  if (platform === 'slack') {
    const slack = await startSlack({ botToken: 'xoxb-load', signingSecret: SIGNING_SECRET, port: 0, apiUrl }, deps, {
      host: '127.0.0.1',
      botId: 'B_LOAD',
      botUserId: 'U_LOAD',
      clientOptions: { retryConfig: { retries: 0 } },
    });
    adapter = slack;
    port = slack.port;
  } else {
    adapter = await startDiscord({ token: 'load-discord-token', channels: [], apiUrl }, deps);
  }
  process.on('message', (message) => {
    if (message !== 'stop') return;
    void adapter.stop().then(async () => {
      await holder?.close();
      const { rss, heap } = peaks();
      process.send!({ rss, heap, problems } satisfies BotReport, () => process.disconnect());
    });
  });
  process.send!({ port });
}

/** Starts the bot for `platform` in a child process and waits until it is ready. */
async function startBot(platform: 'slack' | 'discord', apiUrl: string, watched?: Watched): Promise<Bot> {
  const args = ['--serve', platform, '--api', apiUrl, ...(watched ? ['--knowledge', watched.knowledge, '--cache', watched.cache] : [])];
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = once(child, 'exit');
  let onReload!: (at: number) => void;
  const reloaded = new Promise<number>((resolve) => (onReload = resolve));
  // Reload notices come whenever they happen; every other message answers the last request.
  const next = () =>
    new Promise<unknown>((resolve) => {
      const handler = (m: unknown) => {
        if (m && typeof m === 'object' && 'reloaded' in m) return;
        child.off('message', handler);
        resolve(m);
      };
      child.on('message', handler);
    });
  child.on('message', (m: unknown) => {
    if (m && typeof m === 'object' && 'reloaded' in m) onReload(performance.now());
  });
  const ready = (await Promise.race([next(), exited.then(() => Promise.reject(new Error(`load: the ${platform} bot process exited before it was ready`)))])) as { port?: number };
  return {
    port: ready.port,
    reloaded,
    async stop() {
      const report = next();
      child.send('stop');
      const result = (await report) as BotReport;
      await exited;
      return result;
    },
  };
}

/**
 * `--reload`: drops the big article into the watched copy (written beside it,
 * then moved in, so the watcher sees one whole file) and returns when it did.
 */
async function dropArticle(watched: Watched): Promise<number> {
  const staged = path.join(path.dirname(watched.knowledge), 'staged.md');
  await writeFile(staged, bigArticle(RELOAD_ARTICLE_BYTES));
  await rename(staged, path.join(watched.knowledge, 'articles', 'zz-load-reload.md'));
  return performance.now();
}

/** After the run: seconds from the drop to the reload, and how many requests were sent before it. */
async function reloadFigures(bot: Bot, droppedAt: number, sentAt: readonly number[]): Promise<LoadResult['reload']> {
  const at = await Promise.race([bot.reloaded, new Promise<number>((r) => setTimeout(() => r(NaN), RELOAD_TIMEOUT_MS).unref())]);
  return { seconds: (at - droppedAt) / 1000, during: sentAt.filter((t) => Number.isNaN(at) || t < at).length };
}

/** Fires `n` signed `/deal` commands, `c` at a time, at the Slack adapter in HTTP mode (`watched`: with a reload during the run). */
export async function loadSlack(engine: Engine, n: number, c: number, watched?: Watched): Promise<LoadResult> {
  const fake = await startFakeSlack();
  const samples: Sample[] = Array.from({ length: n }, () => ({ acks: 0, answers: 0 }));
  const sentAt: number[] = [];
  const waiters = new Map<number, () => void>();
  fake.on('respond', (_body, call) => {
    const i = Number(call.path.slice('/respond/load-'.length));
    const s = samples[i];
    if (s) {
      s.answers++;
      s.answer ??= performance.now() - sentAt[i]!;
      waiters.get(i)?.();
    }
    return { json: { ok: true } };
  });
  const bot = await startBot('slack', fake.apiUrl, watched);
  const questions = questionsFor(engine);
  const droppedAt = watched ? await dropArticle(watched) : 0;
  const started = performance.now();
  const sent = await pool(n, c, Date.now() + RUN_LIMIT_MS, async (i) => {
    const answered = signal(ANSWER_TIMEOUT_MS);
    waiters.set(i, answered.done);
    const body = slashCommandBody({ text: questions[i % questions.length]!, user_id: `U_LOAD_${i}`, response_url: fake.responseUrl(`load-${i}`) });
    sentAt[i] = performance.now();
    const res = await postSigned(bot.port!, body, 'application/x-www-form-urlencoded', { secret: SIGNING_SECRET }).catch(() => undefined);
    if (res?.status === 200) {
      samples[i]!.acks++;
      samples[i]!.ack = performance.now() - sentAt[i]!;
    }
    if (samples[i]!.answer === undefined) await answered.wait;
    waiters.delete(i);
  });
  const seconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const reload = watched ? await reloadFigures(bot, droppedAt, sentAt) : undefined;
  const report = await bot.stop();
  await fake.close();
  return summarise('slack', samples, sent, report, seconds, report.problems, reload);
}

/** Sends `n` `/ask` interactions, `c` at a time, to the Discord adapter through the local gateway (`watched`: with a reload during the run). */
export async function loadDiscord(engine: Engine, n: number, c: number, watched?: Watched): Promise<LoadResult> {
  const fake = await FakeDiscord.start();
  const samples: Sample[] = Array.from({ length: n }, () => ({ acks: 0, answers: 0 }));
  const sentAt: number[] = [];
  const byToken = new Map<string, number>();
  const waiters = new Map<number, () => void>();
  // The override sees every REST request as it arrives; it only records, the fake answers as usual.
  fake.override = (r) => {
    const callback = /^\/api\/v10\/interactions\/\d+\/([^/]+)\/callback$/.exec(r.path);
    const edit = r.method === 'PATCH' ? /^\/api\/v10\/webhooks\/\d+\/([^/]+)\/messages\//.exec(r.path) : null;
    const i = byToken.get((callback ?? edit)?.[1] ?? '');
    if (i === undefined) return undefined;
    const s = samples[i]!;
    const t = performance.now() - sentAt[i]!;
    if (callback) {
      s.acks++;
      s.ack ??= t;
    } else {
      s.answers++;
      s.answer ??= t;
      waiters.get(i)?.();
    }
    return undefined;
  };
  const bot = await startBot('discord', fake.apiUrl, watched);
  const questions = questionsFor(engine);
  const droppedAt = watched ? await dropArticle(watched) : 0;
  const started = performance.now();
  const sent = await pool(n, c, Date.now() + RUN_LIMIT_MS, async (i) => {
    const answered = signal(ANSWER_TIMEOUT_MS);
    waiters.set(i, answered.done);
    const user = human((700000000000000000n + BigInt(i)).toString(), `load${i}`);
    const interaction = slashCommand('ask', [{ name: 'question', value: questions[i % questions.length]! }], user);
    byToken.set(interaction.token, i);
    sentAt[i] = performance.now();
    fake.dispatch('INTERACTION_CREATE', interaction);
    await answered.wait;
    waiters.delete(i);
  });
  const seconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const reload = watched ? await reloadFigures(bot, droppedAt, sentAt) : undefined;
  const report = await bot.stop();
  await fake.close();
  return summarise('discord', samples, sent, report, seconds, report.problems, reload);
}

const ms = (v: number) => (Number.isNaN(v) ? '-' : `${v.toFixed(1)} ms`);
const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '-');

/** The results as a fixed-width text table. */
export function formatTable(results: readonly LoadResult[]): string {
  const head = ['platform', 'sent', 'acks ≤3s', 'answered', 'lost', 'dup', 'ack p50', 'ack p99', 'answer p50', 'answer p99', 'peak RSS', 'peak heap', 'run', 'warn/err'];
  const rows = results.map((r) => [
    r.platform,
    String(r.sent),
    pct(r.acksInTime, r.sent),
    pct(r.answered, r.sent),
    String(r.lost),
    String(r.duplicated),
    ms(r.ackP50),
    ms(r.ackP99),
    ms(r.answerP50),
    ms(r.answerP99),
    `${r.peakRssMb.toFixed(0)} MB`,
    `${r.peakHeapMb.toFixed(0)} MB`,
    `${r.seconds.toFixed(1)} s`,
    String(r.problems),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** True when every ack came within 3 s and every answer arrived exactly once (and, with `--reload`, the new knowledge came into use). */
export function passed(r: LoadResult): boolean {
  return r.sent > 0 && r.acksInTime === r.sent && r.answered === r.sent && r.duplicated === 0 && (!r.reload || !Number.isNaN(r.reload.seconds));
}

/** The `--reload` lines under the table. */
export function formatReloads(results: readonly LoadResult[]): string {
  return results
    .filter((r) => r.reload)
    .map((r) =>
      Number.isNaN(r.reload!.seconds)
        ? `reload (${r.platform}): the new knowledge was not in use within ${RELOAD_TIMEOUT_MS / 1000} s`
        : `reload (${r.platform}): a ${(RELOAD_ARTICLE_BYTES / 1e6).toFixed(0)} MB article dropped as the run started was in use after ${r.reload!.seconds.toFixed(1)} s; ${r.reload!.during} of ${r.sent} requests were sent before that`,
    )
    .join('\n');
}


async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '500' },
      c: { type: 'string', default: '50' },
      platform: { type: 'string', default: 'both' },
      reload: { type: 'boolean', default: false },
      serve: { type: 'string' },
      api: { type: 'string' },
      knowledge: { type: 'string' },
      cache: { type: 'string' },
    },
  });
  if (values.serve) return serve(values.serve, values.api!, values.knowledge ? { knowledge: values.knowledge, cache: values.cache! } : undefined);
  const n = Number(values.n);
  const c = Number(values.c);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new Error('load: --n must be a whole number from 1 to 100,000');
  if (!Number.isInteger(c) || c < 1 || c > 1000) throw new Error('load: --c must be a whole number from 1 to 1,000');
  if (!['slack', 'discord', 'both'].includes(values.platform!)) throw new Error('load: --platform must be slack, discord or both');
  const engine = await openEngine();
  const results: LoadResult[] = [];
  process.stdout.write(`load: ${n} requests per platform, ${c} at a time, each from its own user; the bot in its own process${values.reload ? '; a large reload during the run' : ''}\n`);
  // --reload: each bot watches its own copy of the shipped knowledge.
  const scratch = values.reload ? await mkdtemp(path.join(tmpdir(), 'dealdesk-load-')) : undefined;
  const copy = async (name: string): Promise<Watched | undefined> => {
    if (!scratch) return undefined;
    const knowledge = path.join(scratch, name, 'knowledge');
    await cp(DEFAULT_KNOWLEDGE_DIR, knowledge, { recursive: true });
    return { knowledge, cache: path.join(scratch, name, 'cache') };
  };
  try {
    if (values.platform !== 'discord') results.push(await loadSlack(engine, n, c, await copy('slack')));
    if (values.platform !== 'slack') results.push(await loadDiscord(engine, n, c, await copy('discord')));
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
  process.stdout.write(formatTable(results) + '\n');
  if (values.reload) process.stdout.write(formatReloads(results) + '\n');
  const ok = results.every(passed);
  process.stdout.write(ok ? 'load: OK (every ack within 3 s, every answer delivered exactly once)\n' : 'load: FAILED (late acks, lost or duplicated answers)\n');
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
