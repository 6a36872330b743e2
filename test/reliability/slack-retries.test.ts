/**
 * Slack resends (issue 14): the Events API retries a delivery it thinks was
 * lost (`X-Slack-Retry-Num`), Socket Mode can deliver an event twice, and a
 * request timestamped in the future must be refused like a stale one. Real
 * Bolt apps (HTTP and Socket Mode) against the local fake Slack: every
 * delivery is acknowledged, each event is answered once.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerLine } from '../../commands/index.ts';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/index.ts';
import { FeedbackLog } from '../../src/adapters/feedback.ts';
import { RateLimiter } from '../../src/adapters/rate-limit.ts';
import type { AdapterDeps } from '../../src/adapters/types.ts';
import type { Engine } from '../../src/core/engine.ts';
import { createLogger } from '../../src/log.ts';
import { renderSlack, VOTE_ACTION_IDS, VOTE_BLOCK_ID } from '../../src/render/slack.ts';
import { openEngine } from '../../src/startup.ts';
import { startFakeSlack, waitFor, type FakeSlack } from '../helpers/slack-server.ts';
import { blockActionBody, eventBody, signatureHeaders, slashCommandBody } from '../helpers/slack-requests.ts';

const SECRET = 'retries-signing-secret-0123456789';
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
/** The clocked app's window, ms (its clock is moved by hand). */
const WINDOW_MS = 60_000;

let engine: Engine;
let fake: FakeSlack;
let http: SlackAdapter;
let socket: SlackAdapter;
let clocked: SlackAdapter;
let clock = 1_000_000;
let dir: string;
const logs: { msg: string; [k: string]: unknown }[] = [];
let n = 0;

beforeAll(async () => {
  engine = await openEngine();
  fake = await startFakeSlack();
  dir = await mkdtemp(path.join(tmpdir(), 'dealdesk-retries-'));
  const deps = (name: string): AdapterDeps => ({
    engine: () => engine,
    logger: createLogger('debug', [], (line) => logs.push({ ...JSON.parse(line), app: name })),
    feedback: new FeedbackLog(path.join(dir, `${name}-votes.jsonl`)),
    rateLimiter: new RateLimiter(1000),
  });
  const options = { host: '127.0.0.1', botId: 'B_BOT', botUserId: 'U_BOT', clientOptions: { retryConfig: { retries: 0 } } };
  http = await startSlack({ botToken: 'xoxb-retries-0123456789', signingSecret: SECRET, port: 0, apiUrl: fake.apiUrl }, deps('http'), options);
  socket = await startSlack({ botToken: 'xoxb-retries-0123456789', appToken: 'xapp-retries-0123456789', port: 0, apiUrl: fake.apiUrl }, deps('socket'), options);
  await fake.connected();
  // The window's bound, without waiting: a clock moved by hand, a short window and room for 3 ids.
  clocked = await startSlack({ botToken: 'xoxb-retries-0123456789', signingSecret: SECRET, port: 0, apiUrl: fake.apiUrl }, deps('clocked'), {
    ...options,
    dedup: { windowMs: WINDOW_MS, maxIds: 3, now: () => clock },
  });
}, 60_000);

afterAll(async () => {
  await http?.stop();
  await socket?.stop();
  await clocked?.stop();
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  logs.length = 0;
});

/** POSTs a signed body to `/slack/events` with extra headers (Slack's retry headers); `ahead` shifts the timestamp, seconds. */
async function post(port: number, body: string, type: string, extra: Record<string, string> = {}, ahead = 0): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000) + ahead;
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: { 'content-type': type, ...signatureHeaders(body, { secret: SECRET, timestamp }), ...extra }, body });
  await res.text();
  return res.status;
}

/** A mention with its own message `ts` (what the answer's `thread_ts` is) and the given `event_id`. */
function mention(eventId: string): { ts: string; body: string; payload: Record<string, unknown> } {
  const ts = `1700003000.${String(++n).padStart(6, '0')}`;
  const payload = eventBody({ type: 'app_mention', user: `U_R${n}`, text: '<@U_BOT> japan autos', ts, channel: 'C_RETRY' }, eventId);
  return { ts, body: JSON.stringify(payload), payload };
}

/** Answers posted in the thread of `ts`. */
const answers = (ts: string) => fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts).length;
const responses = (id: string) => fake.calls.filter((c) => c.path === `/respond/${id}`).length;
/** The repeat log lines, as `[app, id, retryNum]`. */
const repeats = () => logs.filter((l) => l.msg === 'slack: ignored a repeated delivery').map((l) => [l.app, l.id, l.retryNum]);
const waitForRepeats = (count: number) => waitFor(() => repeats().length >= count, `${count} repeat log lines`);

/**
 * Waits until a fresh mention sent after everything else is answered: what
 * the app was going to do with the earlier deliveries has been done by then.
 */
async function settled(adapter: SlackAdapter): Promise<void> {
  const probe = mention(`EvProbe${++n}`);
  expect(await post(adapter.port!, probe.body, JSON_TYPE)).toBe(200);
  await waitFor(() => answers(probe.ts) === 1, 'the probe mention answered');
}

describe('HTTP mode: repeated deliveries', () => {
  it('answers an app_mention delivered twice with the same event_id once; both get 200', async () => {
    const m = mention('EvTwice');
    expect(await post(http.port!, m.body, JSON_TYPE)).toBe(200);
    await waitFor(() => answers(m.ts) === 1, 'the first answer');
    expect(await post(http.port!, m.body, JSON_TYPE)).toBe(200);
    await waitForRepeats(1);
    await settled(http);
    expect(answers(m.ts)).toBe(1);
    expect(repeats()).toEqual([['http', 'EvTwice', undefined]]);
  });

  it('acknowledges a retry (X-Slack-Retry-Num: 1) sent while the first is still being answered with 200, and answers once in all', async () => {
    const m = mention('EvRetried');
    const statuses = await Promise.all([post(http.port!, m.body, JSON_TYPE), post(http.port!, m.body, JSON_TYPE, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })]);
    expect(statuses).toEqual([200, 200]);
    await waitForRepeats(1);
    // Slack's later retries (after 1 and 5 minutes) are repeats too.
    expect(await post(http.port!, m.body, JSON_TYPE, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' })).toBe(200);
    await waitForRepeats(2);
    await settled(http);
    expect(answers(m.ts)).toBe(1);
    // Which of the first two got through first is up to the network; the other is the repeat. The line gives Slack's retry number and reason.
    expect(repeats()).toEqual([['http', 'EvRetried', expect.toBeOneOf([undefined, 1])], ['http', 'EvRetried', 2]]);
    expect(logs.filter((l) => l.msg === 'slack: ignored a repeated delivery').at(-1)).toMatchObject({ kind: 'event', retryNum: 2, retryReason: 'http_timeout' });
  });

  it('answers a retry whose first delivery never reached this process (it went to another replica, or this one restarted)', async () => {
    const m = mention('EvFirstSeenAsRetry');
    expect(await post(http.port!, m.body, JSON_TYPE, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).toBe(200);
    await waitFor(() => answers(m.ts) === 1, 'the answer');
    expect(await post(http.port!, m.body, JSON_TYPE, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' })).toBe(200);
    await waitForRepeats(1);
    await settled(http);
    expect(answers(m.ts)).toBe(1);
  });

  it('answers two different events, each once, when both are delivered twice in between', async () => {
    const a = mention('EvA');
    const b = mention('EvB');
    for (const x of [a, b, a, b]) expect(await post(http.port!, x.body, JSON_TYPE)).toBe(200);
    await waitForRepeats(2);
    await settled(http);
    expect([answers(a.ts), answers(b.ts)]).toEqual([1, 1]);
    expect(repeats().map(([, id]) => id)).toEqual(['EvA', 'EvB']);
  });

  it('answers a slash command and records a vote once when the same request arrives twice (same trigger_id and response_url)', async () => {
    const command = slashCommandBody({ text: 'japan autos', user_id: 'U_CMD', response_url: fake.responseUrl('twice-cmd') });
    expect(await post(http.port!, command, FORM)).toBe(200);
    expect(await post(http.port!, command, FORM)).toBe(200);
    const message = renderSlack(answerLine(engine, 'what tariff do Japanese cars pay now?'));
    const buttons = message.blocks.find((b) => b.block_id === VOTE_BLOCK_ID) as { elements: { value: string }[] };
    const click = new URLSearchParams({
      payload: JSON.stringify(blockActionBody({ actionId: VOTE_ACTION_IDS.up, blockId: VOTE_BLOCK_ID, value: buttons.elements[0]!.value, message: { text: message.text, blocks: message.blocks }, response_url: fake.responseUrl('twice-vote') })),
    }).toString();
    expect(await post(http.port!, click, FORM)).toBe(200);
    expect(await post(http.port!, click, FORM)).toBe(200);
    await waitForRepeats(2);
    // Another command (same trigger_id, its own response_url) is a new invocation: answered.
    expect(await post(http.port!, slashCommandBody({ text: 'help', user_id: 'U_CMD', response_url: fake.responseUrl('after-cmd') }), FORM)).toBe(200);
    await waitFor(() => responses('after-cmd') === 1 && responses('twice-vote') === 1, 'the later command and the vote answered');
    await settled(http);
    expect([responses('twice-cmd'), responses('twice-vote')]).toEqual([1, 1]);
    expect((await readFile(path.join(dir, 'http-votes.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(1);
    expect(repeats()).toEqual([
      ['http', '1.2.3', undefined],
      ['http', '1.2.3', undefined],
    ]);
  });
});

describe('Socket Mode: repeated deliveries', () => {
  it('acks an event delivered again (a retry in a new envelope, then the first envelope once more) and answers it once', async () => {
    const m = mention('EvSockTwice');
    const envelopes = [
      { envelope_id: 'env-r1', type: 'events_api', accepts_response_payload: false, payload: m.payload, retry_attempt: 0, retry_reason: '' },
      { envelope_id: 'env-r2', type: 'events_api', accepts_response_payload: false, payload: m.payload, retry_attempt: 1, retry_reason: 'timeout' },
      { envelope_id: 'env-r1', type: 'events_api', accepts_response_payload: false, payload: m.payload, retry_attempt: 0, retry_reason: '' },
    ];
    for (const e of envelopes) fake.send(e);
    await waitFor(() => fake.socketMessages.filter((s) => s.envelope_id === 'env-r1').length === 2 && fake.socketMessages.some((s) => s.envelope_id === 'env-r2'), 'all three acks');
    await waitForRepeats(2);
    // A fresh event afterwards is answered: the repeats were dropped, not the socket.
    const probe = mention('EvSockProbe');
    fake.send({ envelope_id: 'env-probe', type: 'events_api', accepts_response_payload: false, payload: probe.payload });
    await waitFor(() => answers(probe.ts) === 1, 'the probe answered');
    expect(answers(m.ts)).toBe(1);
    // One line per repeat, with the envelope's retry_attempt.
    expect(repeats()).toHaveLength(2);
    expect(repeats()).toEqual(expect.arrayContaining([
      ['socket', 'EvSockTwice', 1],
      ['socket', 'EvSockTwice', 0],
    ]));
  });

  it('acks a slash command envelope delivered twice and answers it once', async () => {
    const payload = Object.fromEntries(new URLSearchParams(slashCommandBody({ text: 'japan autos', user_id: 'U_SOCKCMD', response_url: fake.responseUrl('sock-twice') })));
    for (const id of ['env-c1', 'env-c1']) fake.send({ envelope_id: id, type: 'slash_commands', accepts_response_payload: true, payload });
    await waitFor(() => fake.socketMessages.filter((s) => s.envelope_id === 'env-c1').length === 2, 'both acks');
    await waitForRepeats(1);
    await waitFor(() => responses('sock-twice') === 1, 'the answer');
    const probe = mention('EvSockProbe2');
    fake.send({ envelope_id: 'env-probe2', type: 'events_api', accepts_response_payload: false, payload: probe.payload });
    await waitFor(() => answers(probe.ts) === 1, 'the probe answered');
    expect(responses('sock-twice')).toBe(1);
  });
});

describe('HTTP mode: request timestamps', () => {
  it('refuses a timestamp 6 minutes in the future with 401 and a warning, as a stale one, and answers neither; accepts one 4 minutes ahead', async () => {
    const future = slashCommandBody({ text: 'japan autos', user_id: 'U_TS', response_url: fake.responseUrl('ts-future') });
    expect(await post(http.port!, future, FORM, {}, 6 * 60)).toBe(401);
    const stale = slashCommandBody({ text: 'japan autos', user_id: 'U_TS', response_url: fake.responseUrl('ts-stale') });
    expect(await post(http.port!, stale, FORM, {}, -6 * 60)).toBe(401);
    const warnings = logs.filter((l) => l.level === 'warn' && /x-slack-request-timestamp must differ from system time by no more than 5 minutes/.test(l.msg));
    expect(warnings.map((l) => l.msg)).toEqual([expect.stringMatching(/from the future$/), expect.stringMatching(/stale$/)]);
    expect(warnings[0]).toMatchObject({ status: 401, aheadSeconds: expect.toSatisfy((s: number) => s >= 359 && s <= 360) });

    const ahead = slashCommandBody({ text: 'japan autos', user_id: 'U_TS', response_url: fake.responseUrl('ts-ahead') });
    expect(await post(http.port!, ahead, FORM, {}, 4 * 60)).toBe(200);
    await waitFor(() => responses('ts-ahead') === 1, 'the 4-minutes-ahead command answered');
    await settled(http);
    expect([responses('ts-future'), responses('ts-stale')]).toEqual([0, 0]);
  });

  it('refuses a mention timestamped 6 minutes ahead (not answered), accepts one 4 minutes ahead', async () => {
    const late = mention('EvFuture');
    expect(await post(http.port!, late.body, JSON_TYPE, {}, 6 * 60)).toBe(401);
    const soon = mention('EvSoon');
    expect(await post(http.port!, soon.body, JSON_TYPE, {}, 4 * 60)).toBe(200);
    await waitFor(() => answers(soon.ts) === 1, 'the 4-minutes-ahead mention answered');
    await settled(http);
    expect(answers(late.ts)).toBe(0);
  });
});

describe('the repeat window (a clock moved by hand)', () => {
  it('forgets an id once the window has passed: a repeat just inside it is dropped, one at its end is answered', async () => {
    const m = mention('EvWindow');
    expect(await post(clocked.port!, m.body, JSON_TYPE)).toBe(200);
    await waitFor(() => answers(m.ts) === 1, 'the first answer');
    clock += WINDOW_MS - 1;
    expect(await post(clocked.port!, m.body, JSON_TYPE)).toBe(200);
    await waitForRepeats(1);
    clock += 1;
    expect(await post(clocked.port!, m.body, JSON_TYPE)).toBe(200);
    await waitFor(() => answers(m.ts) === 2, 'the answer after the window');
    expect(repeats()).toEqual([['clocked', 'EvWindow', undefined]]);
  });

  it('remembers at most maxIds ids: past it the oldest is forgotten first', async () => {
    clock += 10 * WINDOW_MS;
    const ids = ['EvBound1', 'EvBound2', 'EvBound3', 'EvBound4'].map((id) => mention(id));
    for (const m of ids) expect(await post(clocked.port!, m.body, JSON_TYPE)).toBe(200);
    await waitFor(() => ids.every((m) => answers(m.ts) === 1), 'four answers');
    // Room for 3: the fourth pushed the first out, so it is answered again; the fourth is still known.
    expect(await post(clocked.port!, ids[0]!.body, JSON_TYPE)).toBe(200);
    await waitFor(() => answers(ids[0]!.ts) === 2, 'the forgotten id answered again');
    expect(await post(clocked.port!, ids[3]!.body, JSON_TYPE)).toBe(200);
    await waitForRepeats(1);
    await settled(clocked);
    expect(ids.map((m) => answers(m.ts))).toEqual([2, 1, 1, 1]);
    expect(repeats()).toEqual([['clocked', 'EvBound4', undefined]]);
  });
});
