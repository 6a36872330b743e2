/**
 * The Slack adapter in HTTP mode, end to end: the real Bolt app on 127.0.0.1
 * receives signed requests; a local fake plays Slack's Web API and response_urls.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/index.ts';
import { FeedbackLog } from '../../src/adapters/feedback.ts';
import { RateLimiter } from '../../src/adapters/rate-limit.ts';
import { FRIENDLY_ERROR, type AdapterDeps } from '../../src/adapters/types.ts';
import { answerLine } from '../../commands/index.ts';
import type { Engine } from '../../src/core/engine.ts';
import { createLogger } from '../../src/log.ts';
import { renderSlack, VOTE_ACTION_IDS, VOTE_BLOCK_ID } from '../../src/render/slack.ts';
import { openEngine } from '../../src/startup.ts';
import { startFakeSlack, waitFor, type FakeSlack } from '../helpers/slack-server.ts';
import { blockActionBody, eventBody, postSigned, slashCommandBody } from '../helpers/slack-requests.ts';

const BOT_TOKEN = 'xoxb-test-bot-token-0123456789';
const SECRET = 'test-signing-secret-0123456789';
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

let fake: FakeSlack;
let adapter: SlackAdapter;
let engine: Engine;
let dir: string;
let feedbackFile: string;
let broken = false;
const logs: string[] = [];
let n = 0;

beforeAll(async () => {
  engine = await openEngine();
  fake = await startFakeSlack();
  dir = await mkdtemp(path.join(tmpdir(), 'dealdesk-slack-'));
  feedbackFile = path.join(dir, 'feedback.jsonl');
  const deps: AdapterDeps = {
    // A getter that can fail, as a knowledge reload might.
    engine: () => {
      if (broken) throw new Error('knowledge reload failed');
      return engine;
    },
    // No secrets registered: the adapter itself must never log them.
    logger: createLogger('debug', [], (line) => logs.push(line)),
    feedback: new FeedbackLog(feedbackFile),
    rateLimiter: new RateLimiter(5),
  };
  adapter = await startSlack({ botToken: BOT_TOKEN, signingSecret: SECRET, port: 0, apiUrl: fake.apiUrl }, deps, {
    host: '127.0.0.1',
    botId: 'B_BOT',
    botUserId: 'U_BOT',
    clientOptions: { retryConfig: { retries: 0 } },
  });
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Sends `/deal text` and waits for what arrives at its response_url. */
async function slash(text: string, user = `U_${++n}`): Promise<Record<string, any>> {
  const id = `cmd-${++n}`;
  const res = await postSigned(adapter.port!, slashCommandBody({ text, user_id: user, response_url: fake.responseUrl(id) }), FORM, { secret: SECRET });
  expect(res.status).toBe(200);
  return (await fake.waitForCall((c) => c.path === `/respond/${id}`)).body;
}

const withoutType = ({ response_type: _, ...rest }: Record<string, any>) => rest;

describe('slack HTTP mode: /deal', () => {
  it('acks at once and posts a briefing in the channel, exactly renderSlack(answer)', async () => {
    const body = await slash('japan autos');
    expect(body.response_type).toBe('in_channel');
    expect(withoutType(body)).toEqual(renderSlack(answerLine(engine, '/deal japan autos')));
    expect(body.unfurl_links).toBe(false);
    expect(body.blocks.some((b: any) => b.type === 'section' && b.text?.text.startsWith('> '))).toBe(true);
    expect(body.blocks.some((b: any) => b.block_id === VOTE_BLOCK_ID)).toBe(true);
  });

  it('answers a question in the channel with quotes', async () => {
    const body = await slash('what tariff do Japanese cars pay now?');
    expect(body.response_type).toBe('in_channel');
    expect(withoutType(body)).toEqual(renderSlack(answerLine(engine, '/deal what tariff do Japanese cars pay now?')));
    expect(body.blocks.filter((b: any) => b.text?.text.startsWith('> ')).length).toBeGreaterThan(0);
  });

  it('lists the deals for a bare /deal, publicly', async () => {
    const body = await slash('');
    expect(body.response_type).toBe('in_channel');
    expect(withoutType(body)).toEqual(renderSlack(engine.deals()));
  });

  it('sends help and sources privately', async () => {
    const help = await slash('help');
    expect(help.response_type).toBe('ephemeral');
    expect(help.text).toContain('dealdesk');
    const sources = await slash('sources');
    expect(sources.response_type).toBe('ephemeral');
    expect(JSON.stringify(sources).length).toBeLessThan(20_000);
  });

  it('sends user errors privately', async () => {
    const body = await slash(`what ${'x'.repeat(1200)}?`);
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('limited to 1,000 characters');
  });

  it('rate-limits a user privately, without affecting others', async () => {
    const replies = [];
    for (let i = 0; i < 6; i++) replies.push(await slash('japan autos', 'U_FLOOD'));
    expect(replies.slice(0, 5).every((r) => r.response_type === 'in_channel')).toBe(true);
    expect(replies[5]!.response_type).toBe('ephemeral');
    expect(replies[5]!.text).toMatch(/asking faster than I can keep up/);
    expect((await slash('japan autos', 'U_CALM')).response_type).toBe('in_channel');
  });

  it('rejects a bad signature and a stale timestamp with 401, and answers neither', async () => {
    const before = fake.calls.length;
    const body = slashCommandBody({ text: 'japan autos', response_url: fake.responseUrl('never') });
    expect((await postSigned(adapter.port!, body, FORM, { secret: 'not-the-secret' })).status).toBe(401);
    expect((await postSigned(adapter.port!, body, FORM, { secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.calls.slice(before).filter((c) => c.path === '/respond/never')).toEqual([]);
  });

  it('gives the friendly private message when a handler fails, logs the detail, and keeps serving', async () => {
    broken = true;
    let body;
    try {
      body = await slash('japan autos');
    } finally {
      broken = false;
    }
    expect(body).toMatchObject({ response_type: 'ephemeral', text: FRIENDLY_ERROR });
    expect(JSON.stringify(body)).not.toContain('knowledge reload failed');
    const error = logs.map((l) => JSON.parse(l)).find((l) => l.level === 'error' && l.msg === 'slack: /deal failed');
    expect(error?.error?.message).toBe('knowledge reload failed');
    expect((await slash('japan autos')).response_type).toBe('in_channel');
  });

  it('prints with the CLI exactly the payload the adapter sends', async () => {
    const sent = withoutType(await slash('what tariff do Japanese cars pay now?'));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--render', 'slack', '/deal what tariff do Japanese cars pay now?'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
    });
    expect(JSON.parse(stdout)).toEqual(sent);
  }, 15_000);
});

describe('slack HTTP mode: mentions and direct messages', () => {
  const postEvent = (event: Record<string, unknown>) => postSigned(adapter.port!, JSON.stringify(eventBody(event, `Ev${++n}`)), JSON_TYPE, { secret: SECRET });

  it('answers a mention in a thread under the question, without the mention in the text', async () => {
    const ts = `1700000100.0000${++n}`;
    expect((await postEvent({ type: 'app_mention', user: 'U_M1', text: '<@U_BOT> what tariff do Japanese cars pay now?', ts, channel: 'C_GENERAL' })).status).toBe(200);
    const call = await fake.waitForCall((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts);
    expect(call.body.channel).toBe('C_GENERAL');
    expect(call.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    const expected = renderSlack(answerLine(engine, 'what tariff do Japanese cars pay now?'));
    expect(call.body.blocks).toEqual(expected.blocks);
    expect(call.body.text).toBe(expected.text);
    expect(call.body.unfurl_links).toBe('false'); // form-encoded by the WebClient
  });

  it('sends help for an empty mention privately, in the thread', async () => {
    const ts = `1700000200.0000${++n}`;
    await postEvent({ type: 'app_mention', user: 'U_M2', text: '<@U_BOT>', ts, channel: 'C_GENERAL' });
    const call = await fake.waitForCall((c) => c.method === 'chat.postEphemeral' && c.body.thread_ts === ts);
    expect(call.body).toMatchObject({ channel: 'C_GENERAL', user: 'U_M2' });
    expect(call.body.text).toContain('dealdesk');
  });

  it('replies to a direct message, and never to bots or to itself', async () => {
    const own = `1700000300.0000${++n}`;
    const other = `1700000301.0000${++n}`;
    const human = `1700000302.0000${++n}`;
    await postEvent({ type: 'message', channel_type: 'im', channel: 'D_DM', user: 'U_BOT', bot_id: 'B_BOT', text: 'japan autos', ts: own });
    await postEvent({ type: 'message', subtype: 'bot_message', channel_type: 'im', channel: 'D_DM', bot_id: 'B_OTHER', text: 'japan autos', ts: other });
    await postEvent({ type: 'message', channel_type: 'im', channel: 'D_DM', user: 'U_DM', text: 'japan autos', ts: human });
    const reply = await fake.waitForCall((c) => c.method === 'chat.postMessage' && c.body.channel === 'D_DM');
    expect(reply.body.thread_ts).toBeUndefined();
    expect(reply.body.blocks).toEqual(renderSlack(answerLine(engine, 'japan autos')).blocks);
    await waitFor(() => logs.some((l) => l.includes('ignored a message from a bot') && l.includes(other)), 'the ignore log');
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.calls.filter((c) => c.body.channel === 'D_DM')).toHaveLength(1);
  });

  it('tells the asker privately when posting the answer fails, and keeps serving', async () => {
    fake.on('chat.postMessage', (body) => (body.channel === 'C_BROKEN' ? { json: { ok: false, error: 'channel_not_found' } } : { json: { ok: true, ts: '1.2' } }));
    const ts = `1700000400.0000${++n}`;
    await postEvent({ type: 'app_mention', user: 'U_M3', text: '<@U_BOT> japan autos', ts, channel: 'C_BROKEN' });
    const call = await fake.waitForCall((c) => c.method === 'chat.postEphemeral' && c.body.channel === 'C_BROKEN');
    expect(call.body).toMatchObject({ user: 'U_M3', thread_ts: ts, text: FRIENDLY_ERROR });
    expect(logs.some((l) => l.includes('slack: mention failed') && l.includes('channel_not_found'))).toBe(true);
  });
});

describe('slack HTTP mode: votes', () => {
  async function click(vote: 'up' | 'down', id: string) {
    const message = renderSlack(answerLine(engine, 'what tariff do Japanese cars pay now?'));
    const actions = message.blocks.find((b) => b.block_id === VOTE_BLOCK_ID) as { elements: { value: string }[] };
    const value = actions.elements[vote === 'up' ? 0 : 1]!.value;
    const payload = blockActionBody({ actionId: VOTE_ACTION_IDS[vote], blockId: VOTE_BLOCK_ID, value, message: { text: message.text, blocks: message.blocks }, response_url: fake.responseUrl(id) });
    const res = await postSigned(adapter.port!, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM, { secret: SECRET });
    expect(res.status).toBe(200);
    return { confirmation: (await fake.waitForCall((c) => c.path === `/respond/${id}`)).body, message };
  }

  it('acknowledges a 👍 and records question, article ids, vote and user', async () => {
    const { confirmation } = await click('up', 'vote-1');
    expect(confirmation).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const [line] = (await readFile(feedbackFile, 'utf8')).trim().split('\n');
    const record = JSON.parse(line!);
    const answer = answerLine(engine, 'what tariff do Japanese cars pay now?');
    expect(record).toMatchObject({ platform: 'slack', question: 'what tariff do Japanese cars pay now?', vote: 'up', user: 'U_VOTER', articleIds: [...new Set(answer.citations.map((c) => c.articleId))] });
    expect(logs.some((l) => l.includes('slack: vote recorded'))).toBe(true);
  });

  it('gives the friendly message when the vote cannot be stored', async () => {
    // Make the feedback file unwritable by putting a directory in its place.
    await rm(feedbackFile, { force: true });
    await mkdir(feedbackFile);
    try {
      const { confirmation } = await click('down', 'vote-2');
      expect(confirmation).toMatchObject({ response_type: 'ephemeral', text: FRIENDLY_ERROR });
      expect(logs.some((l) => l.includes('slack: vote failed') && l.includes('EISDIR'))).toBe(true);
    } finally {
      await rm(feedbackFile, { recursive: true, force: true });
    }
  });
});

describe('slack HTTP mode: logs', () => {
  it('never contains the bot token or the signing secret', () => {
    expect(logs.length).toBeGreaterThan(0);
    const all = logs.join('\n');
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SECRET);
  });
});

describe('slack start-up', () => {
  const quietDeps = (): AdapterDeps => ({
    engine: () => engine,
    logger: createLogger('silent'),
    feedback: new FeedbackLog(path.join(dir, 'unused.jsonl')),
    rateLimiter: new RateLimiter(5),
  });

  it('checks the token with auth.test when the bot ids are not given', async () => {
    const own = await startFakeSlack();
    own.on('auth.test', () => ({ json: { ok: true, user_id: 'U_LEARNT', bot_id: 'B_LEARNT', team_id: 'T_TEAM' } }));
    const app = await startSlack({ botToken: BOT_TOKEN, signingSecret: SECRET, port: 0, apiUrl: own.apiUrl }, quietDeps(), { host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
    try {
      expect(own.calls.filter((c) => c.method === 'auth.test')).toHaveLength(1);
      // The learnt bot user id is the one stripped from mentions.
      await postSigned(app.port!, JSON.stringify(eventBody({ type: 'app_mention', user: 'U_X', text: '<@U_LEARNT> japan autos', ts: '1700000600.000100', channel: 'C_X' }, 'EvStart')), JSON_TYPE, { secret: SECRET });
      const call = await own.waitForCall((c) => c.method === 'chat.postMessage');
      expect(call.body.blocks).toEqual(renderSlack(answerLine(engine, 'japan autos')).blocks);
    } finally {
      await app.stop();
      await own.close();
    }
  });

  it('fails clearly, without the token, when Slack refuses it', async () => {
    const own = await startFakeSlack();
    own.on('auth.test', () => ({ json: { ok: false, error: 'invalid_auth' } }));
    try {
      const start = startSlack({ botToken: BOT_TOKEN, signingSecret: SECRET, port: 0, apiUrl: own.apiUrl }, quietDeps(), { host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
      await expect(start).rejects.toThrow('slack: the bot token was not accepted (auth.test: invalid_auth)');
      await start.catch((e: Error) => expect(e.message).not.toContain(BOT_TOKEN));
    } finally {
      await own.close();
    }
  });
});
