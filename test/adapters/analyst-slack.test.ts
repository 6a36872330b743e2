/**
 * `/deal check` and `/deal timeline` through the real Bolt app in HTTP mode,
 * against the fake Slack on 127.0.0.1, with the real engine on the shipped
 * knowledge; and "check: …" after a mention.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerLine } from '../../commands/index.ts';
import { FeedbackLog } from '../../src/adapters/feedback.ts';
import { RateLimiter } from '../../src/adapters/rate-limit.ts';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/index.ts';
import type { Engine } from '../../src/core/engine.ts';
import { createLogger } from '../../src/log.ts';
import { renderSlack } from '../../src/render/slack.ts';
import { openEngine } from '../../src/startup.ts';
import { eventBody, postSigned, slashCommandBody } from '../helpers/slack-requests.ts';
import { startFakeSlack, type FakeSlack } from '../helpers/slack-server.ts';

const SECRET = 'test-signing-secret-analyst';
let fake: FakeSlack;
let adapter: SlackAdapter;
let engine: Engine;
let dir: string;
let n = 0;

beforeAll(async () => {
  engine = await openEngine();
  fake = await startFakeSlack();
  dir = await mkdtemp(path.join(tmpdir(), 'dealdesk-slack-analyst-'));
  adapter = await startSlack(
    { botToken: 'xoxb-test-analyst-token', signingSecret: SECRET, port: 0, apiUrl: fake.apiUrl },
    { engine: () => engine, logger: createLogger('error', [], () => {}), feedback: new FeedbackLog(path.join(dir, 'feedback.jsonl')), rateLimiter: new RateLimiter(20) },
    { host: '127.0.0.1', botId: 'B_BOT', botUserId: 'U_BOT', clientOptions: { retryConfig: { retries: 0 } } },
  );
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Sends `/deal text` and returns what arrives at its response_url. */
async function slash(text: string): Promise<Record<string, any>> {
  const id = `analyst-${++n}`;
  const res = await postSigned(adapter.port!, slashCommandBody({ text, user_id: `U_A${n}`, response_url: fake.responseUrl(id) }), 'application/x-www-form-urlencoded', { secret: SECRET });
  expect(res.status).toBe(200);
  return (await fake.waitForCall((c) => c.path === `/respond/${id}`)).body;
}

/** Slack's limits, as its documentation states them: 50 blocks, 3,000 characters a section, about 12,000 a message. */
function checkSlackLimits(body: Record<string, any>): void {
  expect(body.blocks.length).toBeLessThanOrEqual(50);
  let total = body.text.length;
  for (const b of body.blocks) {
    const texts = [b.text?.text, ...(b.fields ?? []).map((f: { text: string }) => f.text), ...(b.elements ?? []).map((e: { text: string | { text: string } }) => (typeof e.text === 'string' ? e.text : e.text?.text))].filter((t): t is string => typeof t === 'string');
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(3000);
      total += t.length;
    }
  }
  expect(total).toBeLessThanOrEqual(12_000);
}

describe('Slack: /deal check and /deal timeline', () => {
  it('/deal check <claim> answers in the channel with exactly renderSlack(answer)', async () => {
    const text = '/deal check Japanese cars face a 25% U.S. tariff';
    const body = await slash('check Japanese cars face a 25% U.S. tariff');
    expect(body.response_type).toBe('in_channel');
    const expected = renderSlack(answerLine(engine, text));
    expect(body.blocks).toEqual(expected.blocks);
    expect(body.text).toBe(expected.text);
    expect(JSON.stringify(body.blocks)).toContain('🕒 Differs by date');
    checkSlackLimits(body);
  });

  it('/deal timeline <partner> answers with the events, within Slack’s limits, saying what it left out', async () => {
    const body = await slash('timeline japan');
    const expected = renderSlack(answerLine(engine, '/deal timeline japan'));
    expect(body.blocks).toEqual(expected.blocks);
    expect(JSON.stringify(body.blocks)).toMatch(/\d+ more events: narrow with a topic/);
    checkSlackLimits(body);
  });

  it('/deal check with no claim is answered privately with an example', async () => {
    const body = await slash('check');
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/^Give me a claim to check/);
  });

  it('answers "check: …" after a mention in a thread under it', async () => {
    const ts = `1700001000.00${++n}`;
    const event = { type: 'app_mention', user: 'U_MA', text: '<@U_BOT> check: Japan will buy 100 Boeing aircraft', ts, channel: 'C_GENERAL' };
    expect((await postSigned(adapter.port!, JSON.stringify(eventBody(event, `EvA${n}`)), 'application/json', { secret: SECRET })).status).toBe(200);
    const call = await fake.waitForCall((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts);
    const expected = renderSlack(answerLine(engine, 'check: Japan will buy 100 Boeing aircraft'));
    expect(call.body.blocks).toEqual(expected.blocks);
    expect(JSON.stringify(call.body.blocks)).toContain('✅ Supported');
  });
});
