/**
 * Faults around the Discord adapter, end to end: the real discord.js client
 * against a local fake Discord whose REST answers 429 (with Discord's
 * rate-limit headers and JSON) or 500, and whose gateway drops the connection
 * or invalidates the session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord } from '../../src/adapters/discord/index.ts';
import { FeedbackLog } from '../../src/adapters/feedback.ts';
import { RateLimiter } from '../../src/adapters/rate-limit.ts';
import { FRIENDLY_ERROR, type RunningAdapter } from '../../src/adapters/types.ts';
import type { Engine } from '../../src/core/engine.ts';
import { createLogger } from '../../src/log.ts';
import { renderDiscord } from '../../src/render/discord.ts';
import { openEngine } from '../../src/startup.ts';
import { FakeDiscord, IDS, type FakeResponse, type RecordedRequest } from '../helpers/discord-fake.ts';
import { chatMessage, human, slashCommand } from '../helpers/discord-payloads.ts';

const QUESTION = 'what tariff do Japanese cars pay now?';
/** A question whose answer is short enough to stay in the channel (under the thread threshold). */
const SHORT_QUESTION = 'Who is the U.S. Trade Representative in the talks?';
const CALLBACK = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/api/v10/interactions/${id}/`);
const EDIT = (token: string) => (r: RecordedRequest) => r.method === 'PATCH' && r.path.includes(`/webhooks/${IDS.app}/${token}/messages/`);

let fake: FakeDiscord;
let adapter: RunningAdapter;
let engine: Engine;
const logs: { level: string; msg: string; [k: string]: any }[] = [];
let users = 0;
const newUser = () => human(`8000000000000000${String(++users).padStart(2, '0')}`, `fault${users}`);

/** Discord's 429: Retry-After in seconds, bucket headers, and the JSON body. */
function tooMany(seconds: number): FakeResponse {
  return {
    status: 429,
    headers: { 'retry-after': String(seconds), 'x-ratelimit-limit': '1', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': String(seconds), 'x-ratelimit-bucket': 'fake-bucket', 'x-ratelimit-scope': 'user' },
    body: { message: 'You are being rate limited.', retry_after: seconds, global: false },
  };
}

/** Answers the first request matching `match` with `response`, then lets the fake answer normally. */
function failOnce(match: (r: RecordedRequest) => boolean, response: FakeResponse): void {
  let done = false;
  fake.override = (r) => {
    if (!done && match(r)) {
      done = true;
      return response;
    }
    return undefined;
  };
}

beforeAll(async () => {
  fake = await FakeDiscord.start();
  engine = await openEngine();
  adapter = await startDiscord(
    { token: 'faults-discord-token', channels: [IDS.listen], apiUrl: fake.apiUrl },
    { engine: () => engine, logger: createLogger('debug', [], (l) => logs.push(JSON.parse(l))), feedback: new FeedbackLog('/dev/null'), rateLimiter: new RateLimiter(100) },
  );
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

describe('discord faults: REST 429', () => {
  it('retries an interaction callback after retry_after; the answer arrives and nothing crashes', async () => {
    const since = fake.requests.length;
    const interaction = slashCommand('ask', [{ name: 'question', value: QUESTION }], newUser());
    const started = Date.now();
    failOnce(CALLBACK(interaction.id), tooMany(1));
    fake.dispatch('INTERACTION_CREATE', interaction);
    const edit = await fake.request(EDIT(interaction.token), since, 8000);
    const callbacks = fake.requests.slice(since).filter(CALLBACK(interaction.id));
    expect(callbacks).toHaveLength(2);
    expect(callbacks[0]!.response).toMatchObject({ retry_after: 1 });
    expect(callbacks[1]!.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(edit.body.embeds).toEqual(renderDiscord(engine.ask(QUESTION)).embeds);
    expect(logs.some((l) => l.msg === 'discord: interaction failed')).toBe(false);
  }, 15_000);

  it('retries a channel message post after retry_after; the reply arrives', async () => {
    const since = fake.requests.length;
    const message = chatMessage(`<@${IDS.bot}> ${SHORT_QUESTION}`, { mentionBot: true, author: newUser() });
    const post = (r: RecordedRequest) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.channel}/messages` && r.body?.message_reference?.message_id === message.id;
    failOnce(post, tooMany(1));
    fake.dispatch('MESSAGE_CREATE', message);
    await fake.request((r) => post(r) && r.response?.id !== undefined, since, 8000);
    const posts = fake.requests.slice(since).filter(post);
    expect(posts).toHaveLength(2);
    expect(posts[1]!.body.embeds).toEqual(renderDiscord(engine.ask(SHORT_QUESTION)).embeds);
    expect(logs.some((l) => l.msg === 'discord: message handling failed')).toBe(false);
  }, 15_000);
});

describe('discord faults: REST 500', () => {
  it('an edit that keeps failing is logged, the user gets the friendly message privately, and the next command works', async () => {
    const since = fake.requests.length;
    const interaction = slashCommand('ask', [{ name: 'question', value: QUESTION }], newUser());
    fake.override = (r) => (EDIT(interaction.token)(r) ? { status: 500, body: { message: 'Internal Server Error', code: 0 } } : undefined);
    fake.dispatch('INTERACTION_CREATE', interaction);
    const followUp = await fake.request((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${IDS.app}/${interaction.token}`, since, 8000);
    expect(followUp.body).toMatchObject({ content: FRIENDLY_ERROR, flags: 64 });
    expect(logs.some((l) => l.msg === 'discord: interaction failed' && l.error.message === 'Internal Server Error')).toBe(true);
    // discord.js retried the edit itself before giving up.
    expect(fake.requests.slice(since).filter(EDIT(interaction.token)).filter((r) => r.method === 'PATCH').length).toBeGreaterThan(1);
    fake.override = undefined;

    const next = slashCommand('ask', [{ name: 'question', value: QUESTION }], newUser());
    fake.dispatch('INTERACTION_CREATE', next);
    expect((await fake.request(EDIT(next.token), since)).body.embeds[0].fields.length).toBeGreaterThan(0);
  }, 15_000);
});

describe('discord faults: gateway', () => {
  it('identifies again after an invalid session (op 9), and the next command answers', async () => {
    const sinceOps = fake.received.length;
    // Discord's "session invalid, not resumable": the client must IDENTIFY afresh.
    fake.sendRaw({ op: 9, d: false });
    await fake.op(2, sinceOps, 15_000);
    const since = fake.requests.length;
    await new Promise((r) => setTimeout(r, 50));
    const interaction = slashCommand('ask', [{ name: 'question', value: QUESTION }], newUser());
    fake.dispatch('INTERACTION_CREATE', interaction);
    expect((await fake.request(EDIT(interaction.token), since)).body.embeds[0].fields.length).toBeGreaterThan(0);
  }, 20_000);

  it('resumes after the connection drops (close 4000), and the next command answers', async () => {
    const sinceOps = fake.received.length;
    fake.dropConnection(4000);
    expect((await fake.op(6, sinceOps)).d.session_id).toBe('fake-session');
    const since = fake.requests.length;
    await new Promise((r) => setTimeout(r, 50));
    const interaction = slashCommand('ask', [{ name: 'question', value: QUESTION }], newUser());
    fake.dispatch('INTERACTION_CREATE', interaction);
    expect((await fake.request(EDIT(interaction.token), since)).body.embeds[0].fields.length).toBeGreaterThan(0);
    expect(logs.some((l) => l.msg === 'discord: gateway resumed')).toBe(true);
  });
});
