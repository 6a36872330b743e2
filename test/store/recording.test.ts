/**
 * Recording through the real adapters into a real SQLite store: Slack over
 * HTTP (Bolt) and Discord (discord.js) against the local fakes. Questions are
 * recorded with outcome and cited articles, help is not, votes land in the
 * store, user ids only as salted hashes. And a store that cannot write does
 * not stop answers.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { answerLine } from '../../commands/index.ts';
import { runConsole } from '../../src/adapters/console.ts';
import { startDiscord } from '../../src/adapters/discord/index.ts';
import { StoreVotes } from '../../src/adapters/feedback.ts';
import { RateLimiter } from '../../src/adapters/rate-limit.ts';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/index.ts';
import type { AdapterDeps, RunningAdapter } from '../../src/adapters/types.ts';
import type { Engine } from '../../src/core/engine.ts';
import { createLogger } from '../../src/log.ts';
import { renderSlack, VOTE_ACTION_IDS, VOTE_BLOCK_ID } from '../../src/render/slack.ts';
import { openEngine } from '../../src/startup.ts';
import { hashUser } from '../../src/store/hash.ts';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.ts';
import { FakeDiscord, IDS, type RecordedRequest } from '../helpers/discord-fake.ts';
import { buttonClick, human, slashCommand } from '../helpers/discord-payloads.ts';
import { blockActionBody, postSigned, slashCommandBody } from '../helpers/slack-requests.ts';
import { startFakeSlack, type FakeSlack } from '../helpers/slack-server.ts';

const SECRET = 'test-signing-secret-0123456789';
const SALT = 'recording-test-salt-0123';
const FORM = 'application/x-www-form-urlencoded';
const ANSWERED = 'what tariff do Japanese cars pay now?';
const ABSTAINED = 'What tariff does Brazil pay on bananas?';

let dir: string;
let engine: Engine;
let fakeSlack: FakeSlack;
let fakeDiscord: FakeDiscord;
let slack: SlackAdapter;
let discord: RunningAdapter;
let store: SqliteStore;
let brokenStore: SqliteStore;
let brokenSlack: SlackAdapter;
const logs: string[] = [];
let n = 0;

const articleIds = (q: string) => [...new Set(answerLine(engine, q).citations.map((c) => c.articleId))];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dealdesk-recording-'));
  engine = await openEngine();
  store = openSqliteStore(path.join(dir, 'events.sqlite'), { salt: SALT, flushDelayMs: 20 });
  const logger = createLogger('debug', [], (l) => logs.push(l));
  const deps = (events: SqliteStore): AdapterDeps => ({ engine: () => engine, logger, feedback: new StoreVotes(events), rateLimiter: new RateLimiter(100), events });
  fakeSlack = await startFakeSlack();
  const options = { host: '127.0.0.1', botId: 'B_BOT', botUserId: 'U_BOT', clientOptions: { retryConfig: { retries: 0 } } };
  slack = await startSlack({ botToken: 'xoxb-recording-test', signingSecret: SECRET, port: 0, apiUrl: fakeSlack.apiUrl }, deps(store), options);
  fakeDiscord = await FakeDiscord.start();
  discord = await startDiscord({ token: 'fake-token-recording', appId: IDS.app, channels: [], apiUrl: fakeDiscord.apiUrl }, deps(store));
  // A store whose path is a folder: it can never open.
  await mkdir(path.join(dir, 'broken.sqlite'));
  brokenStore = openSqliteStore(path.join(dir, 'broken.sqlite'), { logger, flushDelayMs: 20 });
  brokenSlack = await startSlack({ botToken: 'xoxb-recording-test', signingSecret: SECRET, port: 0, apiUrl: fakeSlack.apiUrl }, deps(brokenStore), options);
});

afterAll(async () => {
  await slack?.stop();
  await brokenSlack?.stop();
  await discord?.stop();
  await fakeSlack?.close();
  await fakeDiscord?.close();
  await store?.close();
  await brokenStore?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function slash(adapter: SlackAdapter, text: string, user: string): Promise<Record<string, any>> {
  const id = `rec-${++n}`;
  const res = await postSigned(adapter.port!, slashCommandBody({ text, user_id: user, response_url: fakeSlack.responseUrl(id) }), FORM, { secret: SECRET });
  expect(res.status).toBe(200);
  return (await fakeSlack.waitForCall((c) => c.path === `/respond/${id}`)).body;
}

describe('recording through the adapters', () => {
  it('Slack: questions with their outcome, not help; a 👎 vote; only hashed user ids', async () => {
    const since = new Date();
    await slash(slack, ANSWERED, 'U_ASKER_1');
    await slash(slack, ABSTAINED, 'U_ASKER_1');
    await slash(slack, 'help', 'U_ASKER_2');
    const message = renderSlack(answerLine(engine, ANSWERED));
    const actions = message.blocks.find((b) => b.block_id === VOTE_BLOCK_ID) as { elements: { value: string }[] };
    const id = `vote-${++n}`;
    const payload = blockActionBody({ actionId: VOTE_ACTION_IDS.down, blockId: VOTE_BLOCK_ID, value: actions.elements[1]!.value, message: { text: message.text, blocks: message.blocks }, response_url: fakeSlack.responseUrl(id), user: 'U_VOTER_9' });
    expect((await postSigned(slack.port!, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM, { secret: SECRET })).status).toBe(200);
    await fakeSlack.waitForCall((c) => c.path === `/respond/${id}`);

    const { questions, votes } = await store.report(since);
    expect(questions.map((q) => [q.platform, q.question, q.kind, q.answered, q.articleIds])).toEqual([
      ['slack', ANSWERED, 'answer', true, articleIds(ANSWERED)],
      ['slack', ABSTAINED, 'abstain', false, []],
    ]);
    expect(questions[0]!.userHash).toBe(hashUser(SALT, 'slack', 'U_ASKER_1'));
    expect(votes).toEqual([{ time: expect.any(String), platform: 'slack', userHash: hashUser(SALT, 'slack', 'U_VOTER_9'), question: ANSWERED, articleIds: articleIds(ANSWERED), vote: 'down' }]);
    expect(JSON.stringify({ questions, votes })).not.toMatch(/U_ASKER|U_VOTER/);
  });

  it('Discord: a slash command question and a 👍 on its answer', async () => {
    const since = new Date();
    const before = fakeDiscord.requests.length;
    const asker = human('900000000000000777', 'asker');
    const interaction = slashCommand('ask', [{ name: 'question', value: ANSWERED }], asker);
    fakeDiscord.dispatch('INTERACTION_CREATE', interaction);
    const edit = await fakeDiscord.request((r: RecordedRequest) => r.method === 'PATCH' && r.path.includes(`/webhooks/${IDS.app}/${interaction.token}/messages/`), before);
    const up = edit.body.components[0].components[0];
    const click = buttonClick(up.custom_id, edit.response, human('900000000000000888', 'voter'));
    fakeDiscord.dispatch('INTERACTION_CREATE', click);
    await fakeDiscord.request((r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/api/v10/interactions/${click.id}/`), before);

    const { questions, votes } = await store.report(since);
    expect(questions).toEqual([{ time: expect.any(String), platform: 'discord', userHash: hashUser(SALT, 'discord', '900000000000000777'), question: ANSWERED, kind: 'answer', answered: true, articleIds: articleIds(ANSWERED) }]);
    expect(votes.map((v) => [v.platform, v.userHash, v.question, v.vote])).toEqual([['discord', hashUser(SALT, 'discord', '900000000000000888'), ANSWERED, 'up']]);
  });

  it('console: a claim check is recorded with its verdict', async () => {
    const since = new Date();
    const input = new PassThrough();
    const output = new PassThrough();
    output.resume();
    const done = runConsole(() => engine, input, output, { events: store, user: 'analyst' });
    input.end('/deal check Japanese cars pay a 15% tariff\n/help\n');
    await done;
    const { questions } = await store.report(since);
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatchObject({ platform: 'console', kind: 'check', userHash: hashUser(SALT, 'console', 'analyst') });
    expect(['supported', 'contradicted', 'differs-by-date', 'no-source']).toContain(questions[0]!.verdict);
  });

  it('a store that cannot write is logged and answering goes on', async () => {
    const body = await slash(brokenSlack, ANSWERED, 'U_ASKER_3');
    expect(body.response_type).toBe('in_channel');
    expect(body.text).toBe(renderSlack(answerLine(engine, ANSWERED)).text);
    await brokenStore.flush();
    expect(brokenStore.pending).toBe(1);
    expect(logs.some((l) => l.includes('cannot open the database'))).toBe(true);
    expect(logs.some((l) => l.includes('could not write events'))).toBe(true);
  });
});
