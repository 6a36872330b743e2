/**
 * Faults around the Slack adapter, end to end: the real Bolt app on 127.0.0.1
 * against a local fake Slack whose `response_url` fails (500) or hangs, and
 * whose Web API rate-limits (429 + Retry-After). The adapter runs with the
 * production WebClient retry policy (no `retryConfig` override).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/index.ts';
import { REQUEST_TIMEOUT_MS } from '../../src/adapters/slack/app.ts';
import { FeedbackLog } from '../../src/adapters/feedback.ts';
import { RateLimiter } from '../../src/adapters/rate-limit.ts';
import { FRIENDLY_ERROR } from '../../src/adapters/types.ts';
import { answerLine } from '../../commands/index.ts';
import type { Engine } from '../../src/core/engine.ts';
import { createLogger } from '../../src/log.ts';
import { renderSlack } from '../../src/render/slack.ts';
import { openEngine } from '../../src/startup.ts';
import { startFakeSlack, waitFor, type FakeSlack } from '../helpers/slack-server.ts';
import { eventBody, postSigned, slashCommandBody } from '../helpers/slack-requests.ts';

const SECRET = 'faults-signing-secret-0123456789';
const FORM = 'application/x-www-form-urlencoded';
/** Short in most tests so a hanging response_url is given up on quickly; one test runs with the production REQUEST_TIMEOUT_MS. */
const TIMEOUT_MS = 400;

let fake: FakeSlack;
let adapter: SlackAdapter;
let engine: Engine;
const logs: { level: string; msg: string; [k: string]: any }[] = [];
let n = 0;
/** Response ids the fake answers with 500, or never answers. */
const failing = new Set<string>();
const hanging = new Set<string>();

beforeAll(async () => {
  engine = await openEngine();
  fake = await startFakeSlack();
  fake.on('respond', (_body, call) => {
    const id = call.path.slice('/respond/'.length);
    if (failing.has(id)) return { status: 500, json: { ok: false } };
    if (hanging.has(id)) return new Promise(() => {});
    return { json: { ok: true } };
  });
  adapter = await startSlack(
    { botToken: 'xoxb-faults-bot-token', signingSecret: SECRET, port: 0, apiUrl: fake.apiUrl },
    { engine: () => engine, logger: createLogger('debug', [], (l) => logs.push(JSON.parse(l))), feedback: new FeedbackLog('/dev/null'), rateLimiter: new RateLimiter(100) },
    // No retryConfig: the production policy must retry a rate-limited post.
    { host: '127.0.0.1', botId: 'B_BOT', botUserId: 'U_BOT', requestTimeoutMs: TIMEOUT_MS },
  );
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

/** Sends `/deal text` with response id `id`; returns the HTTP status of the ack. */
async function send(text: string, id: string): Promise<number> {
  const res = await postSigned(adapter.port!, slashCommandBody({ text, user_id: `U_F${++n}`, response_url: fake.responseUrl(id) }), FORM, { secret: SECRET });
  return res.status;
}
const responses = (id: string) => fake.calls.filter((c) => c.path === `/respond/${id}`);

describe('slack faults: response_url', () => {
  it('answers 500: logged, the friendly message is tried, and the next command works', async () => {
    failing.add('r500');
    expect(await send('japan autos', 'r500')).toBe(200);
    const error = await waitFor(() => logs.find((l) => l.msg === 'slack: /deal failed'), 'the failure log');
    expect(error.error.message).toMatch(/response_url: 500/);
    await waitFor(() => logs.find((l) => l.msg === 'slack: could not send the error message'), 'the second failure log');
    expect(responses('r500')).toHaveLength(2);
    expect(responses('r500')[1]!.body.text).toBe(FRIENDLY_ERROR);

    expect(await send('japan autos', 'after500')).toBe(200);
    const next = await fake.waitForCall((c) => c.path === '/respond/after500');
    expect(next.body.response_type).toBe('in_channel');
  });

  it('never answers: the request is abandoned after the timeout, logged, and other commands are served meanwhile', async () => {
    hanging.add('hang');
    const before = logs.length;
    const started = Date.now();
    expect(await send('japan autos', 'hang')).toBe(200);
    // While the first answer hangs, another user is answered at once.
    expect(await send('what tariff do Japanese cars pay now?', 'during')).toBe(200);
    const during = await fake.waitForCall((c) => c.path === '/respond/during', 1000);
    expect(during.body.blocks).toEqual(renderSlack(answerLine(engine, '/deal what tariff do Japanese cars pay now?')).blocks);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 300);

    const error = await waitFor(() => logs.slice(before).find((l) => l.msg === 'slack: /deal failed'), 'the timeout log', 3000);
    expect(error.error.name).toMatch(/TimeoutError|AbortError/);
    // The friendly message goes to the same dead URL, and is given up on as well.
    await waitFor(() => logs.slice(before).find((l) => l.msg === 'slack: could not send the error message'), 'the second timeout log', 3000);
    expect(Date.now() - started).toBeLessThan(2 * TIMEOUT_MS + 1500);
    expect(responses('hang')).toHaveLength(2);

    expect(await send('japan autos', 'afterhang')).toBe(200);
    expect((await fake.waitForCall((c) => c.path === '/respond/afterhang')).body.response_type).toBe('in_channel');
  });
});

describe('slack faults: the production timeout (no requestTimeoutMs given)', () => {
  it('gives up on a hanging response_url after REQUEST_TIMEOUT_MS, well within 15 s, and then tries the friendly message', { timeout: 30_000 }, async () => {
    // Its own fake and adapter, started as production starts it: no timeout override, production retry policy.
    const own = await startFakeSlack();
    own.on('respond', () => new Promise(() => {}));
    const ownLogs: { level: string; msg: string; [k: string]: any }[] = [];
    const real = await startSlack(
      { botToken: 'xoxb-faults-bot-token', signingSecret: SECRET, port: 0, apiUrl: own.apiUrl },
      { engine: () => engine, logger: createLogger('debug', [], (l) => ownLogs.push(JSON.parse(l))), feedback: new FeedbackLog('/dev/null'), rateLimiter: new RateLimiter(100) },
      { host: '127.0.0.1', botId: 'B_BOT', botUserId: 'U_BOT' },
    );
    try {
      const started = Date.now();
      const res = await postSigned(real.port!, slashCommandBody({ text: 'japan autos', user_id: 'U_REAL', response_url: own.responseUrl('hang-real') }), FORM, { secret: SECRET });
      expect(res.status).toBe(200);
      await own.waitForCall((c) => c.path === '/respond/hang-real');
      // Waits past the 15 s bound, so "never gives up" fails here rather than at the test's own timeout.
      const error = await waitFor(() => ownLogs.find((l) => l.msg === 'slack: /deal failed'), 'the timeout log', 16_000);
      const elapsed = Date.now() - started;
      expect(error.error.name).toMatch(/TimeoutError|AbortError/);
      expect(elapsed).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThanOrEqual(15_000);
      // The friendly message goes to the same dead URL next (the short-timeout test above follows it to its own timeout).
      await waitFor(() => own.calls.filter((c) => c.path === '/respond/hang-real').length === 2, 'the friendly message attempt', 2000);
    } finally {
      // Closing the fake drops the hanging request, so stop() need not wait out a second timeout.
      await own.close();
      await real.stop();
    }
  });
});

describe('slack faults: Web API rate limit', () => {
  it('retries chat.postMessage after Retry-After on a 429, and the answer is not lost', async () => {
    const times: number[] = [];
    fake.on('chat.postMessage', () => {
      times.push(Date.now());
      if (times.length === 1) return { status: 429, json: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': '1' } };
      return { json: { ok: true, ts: '1700000999.000100' } };
    });
    const ts = '1700000900.000100';
    const res = await postSigned(adapter.port!, JSON.stringify(eventBody({ type: 'app_mention', user: 'U_RL', text: '<@U_BOT> japan autos', ts, channel: 'C_RL' }, 'EvRL')), 'application/json', { secret: SECRET });
    expect(res.status).toBe(200);
    await waitFor(() => times.length >= 2, 'the retried post', 8000);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
    const posts = fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts);
    expect(posts).toHaveLength(2);
    expect(posts[1]!.body.blocks).toEqual(renderSlack(answerLine(engine, 'japan autos')).blocks);
    await waitFor(() => logs.find((l) => l.msg === 'slack: mention answered'), 'the answered log');
    expect(fake.calls.some((c) => c.method === 'chat.postEphemeral' && c.body.channel === 'C_RL')).toBe(false);
  }, 15_000);
});

describe('slack faults: shutdown while a response_url hangs', () => {
  it('stop() returns within the request timeout instead of waiting for the dead URL', async () => {
    hanging.add('hang-stop');
    expect(await send('japan autos', 'hang-stop')).toBe(200);
    await fake.waitForCall((c) => c.path === '/respond/hang-stop');
    const started = Date.now();
    await adapter.stop();
    // One timeout for the answer, one for the friendly message.
    expect(Date.now() - started).toBeLessThan(2 * TIMEOUT_MS + 1000);
  });
});
