/**
 * Issue 10, items 13 and 15, on every surface with the real engine on the
 * shipped knowledge: `npm run ask` (the real CLI process), Slack `/deal` and
 * mentions (real Bolt against the local fake Slack), Discord text after a
 * mention and slash commands (real discord.js against the local fake Discord).
 * The two reproductions: `/deal` with 270 characters of topic words (it used to
 * print zod's "Too big: expected string to have <=200 characters") and a
 * question wrapped in chat markup (it used to be read with the markup's words).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerLine } from '../../commands/index.ts';
import { startDiscord } from '../../src/adapters/discord/index.ts';
import { answerPayload } from '../../src/adapters/discord/payload.ts';
import { FeedbackLog } from '../../src/adapters/feedback.ts';
import { RateLimiter } from '../../src/adapters/rate-limit.ts';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/index.ts';
import type { AdapterDeps, RunningAdapter } from '../../src/adapters/types.ts';
import type { Engine } from '../../src/core/engine.ts';
import { createLogger } from '../../src/log.ts';
import { renderSlack } from '../../src/render/slack.ts';
import { openEngine } from '../../src/startup.ts';
import { FakeDiscord, IDS, type RecordedRequest } from '../helpers/discord-fake.ts';
import { chatMessage, human, slashCommand } from '../helpers/discord-payloads.ts';
import { postSigned, slashCommandBody } from '../helpers/slack-requests.ts';
import { startFakeSlack, type FakeSlack } from '../helpers/slack-server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SECRET = 'overflow-signing-secret-0123456789';

/** The first reproduction: 270 characters of topic words after `/deal`. */
const LONG_TOPIC = 'japan autos tariff '.repeat(15).trim();
/** Over the question limit: the over-long question message. */
const TOO_LONG = 'japan autos tariff '.repeat(60).trim();
const PLAIN = 'what tariff do Japanese cars pay now?';
/** The second reproduction, Slack's forms. */
const SLACK_MARKED = '<!channel> what tariff do <http://x.example|Japanese cars> pay now? <#C123|general> <!subteam^S1|@team>';
/** The same, Discord's forms. */
const DISCORD_MARKED = '<@&123456789012345678> what tariff do [Japanese cars](https://x.example) pay <t:1760000000:R> now? <#123456789012345678> <:flag:123456789012345678>';
const ZOD = /zod|too big|expected string|<=\d/i;

let engine: Engine;
let slackFake: FakeSlack;
let slack: SlackAdapter;
let discordFake: FakeDiscord;
let discord: RunningAdapter;
let n = 0;

beforeAll(async () => {
  engine = await openEngine();
  const deps = (): AdapterDeps => ({ engine: () => engine, logger: createLogger('error', [], () => {}), feedback: new FeedbackLog('/dev/null'), rateLimiter: new RateLimiter(1000) });
  slackFake = await startFakeSlack();
  slack = await startSlack({ botToken: 'xoxb-overflow-0123456789', signingSecret: SECRET, port: 0, apiUrl: slackFake.apiUrl }, deps(), {
    host: '127.0.0.1',
    botId: 'B_BOT',
    botUserId: 'U_BOT',
    clientOptions: { retryConfig: { retries: 0 } },
  });
  discordFake = await FakeDiscord.start();
  discord = await startDiscord({ token: 'overflow-discord-token', appId: IDS.app, channels: [], apiUrl: discordFake.apiUrl }, deps());
}, 60_000);

afterAll(async () => {
  await slack?.stop();
  await discord?.stop();
  await slackFake?.close();
  await discordFake?.close();
});

/** Runs `npm run ask` (tsx src/cli/ask.ts) as cli.test.ts does; `input` goes to standard input. */
function ask(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/ask.ts'), ...args], { cwd: root, env: { ...process.env, KNOWLEDGE_DIR: '' } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input);
  });
}

const cited = (json: { citations: { articleId: string; quote: string }[] }) => json.citations.map((c) => [c.articleId, c.quote]);

describe('npm run ask (the real CLI process)', () => {
  it('both reproductions: the over-long /deal words are answered as a question, and markup is stripped', async () => {
    // The first reproduction exactly as the issue typed it.
    const text = await ask([`/deal ${LONG_TOPIC}`]);
    expect(text.code).toBe(0);
    expect(text.stdout + text.stderr).not.toMatch(ZOD);
    expect(text.stdout).toMatch(/^\S.*\n\n1\. “/); // a headline, then numbered quotes
    // The rest as one JSON line per input line.
    const lines = [`/deal ${LONG_TOPIC}`, `/ask ${LONG_TOPIC}`, `/deal ${TOO_LONG}`, PLAIN, SLACK_MARKED, DISCORD_MARKED, `<@U123> ${PLAIN}`];
    const json = await ask(['--json'], lines.join('\n') + '\n');
    expect(json.code).toBe(0);
    const [deal, asked, tooLong, plain, ...marked] = json.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(deal).toMatchObject({ question: LONG_TOPIC, answered: true });
    expect(deal).toEqual(asked);
    expect(tooLong).toMatchObject({ answered: false, answer: 'Questions are limited to 1,000 characters; this one has 1,139.' });
    expect(plain.answered).toBe(true);
    expect(marked).toHaveLength(3);
    for (const [i, m] of marked.entries()) {
      expect(cited(m), lines[4 + i]).toEqual(cited(plain));
      expect(m.question).toBe(PLAIN);
    }
  }, 30_000);
});

/** Sends `/deal text` to the real Bolt app and returns what reaches its response_url. */
async function slash(text: string): Promise<Record<string, any>> {
  const id = `o${++n}`;
  const res = await postSigned(slack.port!, slashCommandBody({ text, user_id: `U_O${n}`, response_url: slackFake.responseUrl(id) }), 'application/x-www-form-urlencoded', { secret: SECRET });
  expect(res.status).toBe(200);
  return (await slackFake.waitForCall((c) => c.path === `/respond/${id}`, 5000)).body;
}

describe('Slack (real Bolt)', () => {
  it('/deal with 270 characters of topic words answers the question publicly; over 1,000 characters, the plain message privately', async () => {
    const body = await slash(LONG_TOPIC);
    expect(body.response_type).toBe('in_channel');
    expect(body.blocks).toEqual(renderSlack(answerLine(engine, `/ask ${LONG_TOPIC}`)).blocks);
    expect(JSON.stringify(body)).not.toMatch(ZOD);
    const refused = await slash(TOO_LONG);
    expect(refused).toMatchObject({ response_type: 'ephemeral', text: 'Questions are limited to 1,000 characters; this one has 1,139.' });
  });

  it('what a user typed as & < > (sent by Slack as &amp; &lt; &gt;) is read as typed, in /deal and in a mention', async () => {
    const typed = 'What did Japan offer in exchange for lower tariffs on auto parts & cars?';
    const expected = renderSlack(answerLine(engine, typed));
    expect((await slash(typed.replace('&', '&amp;'))).blocks).toEqual(expected.blocks);
    const ts = `1700000600.0000${++n}`;
    const event = { type: 'app_mention', user: 'U_OM', text: `<@U_BOT> ${typed.replace('&', '&amp;')}`, ts, channel: 'C_GENERAL', event_ts: ts };
    const body = { token: 't', team_id: 'T_TEAM', api_app_id: 'A_APP', event, type: 'event_callback', event_id: `EvE${n}`, event_time: 1700000000, authorizations: [{ team_id: 'T_TEAM', user_id: 'U_BOT', is_bot: true, is_enterprise_install: false }], is_ext_shared_channel: false };
    expect((await postSigned(slack.port!, JSON.stringify(body), 'application/json', { secret: SECRET })).status).toBe(200);
    const call = await slackFake.waitForCall((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts, 5000);
    expect(call.body.blocks).toEqual(expected.blocks);
    // The echoed question shows "&" once: escaped for Slack by the renderer, never "&amp;amp;".
    expect(JSON.stringify(call.body)).not.toContain('&amp;amp;');
  });

  it('/deal and a mention with markup get exactly the plain question’s message', async () => {
    const expected = renderSlack(answerLine(engine, PLAIN));
    expect((await slash(SLACK_MARKED)).blocks).toEqual(expected.blocks);
    const ts = `1700000500.0000${++n}`;
    const event = { type: 'app_mention', user: 'U_OM', text: `<@U_BOT> ${SLACK_MARKED}`, ts, channel: 'C_GENERAL', event_ts: ts };
    const body = { token: 't', team_id: 'T_TEAM', api_app_id: 'A_APP', event, type: 'event_callback', event_id: `EvO${n}`, event_time: 1700000000, authorizations: [{ team_id: 'T_TEAM', user_id: 'U_BOT', is_bot: true, is_enterprise_install: false }], is_ext_shared_channel: false };
    expect((await postSigned(slack.port!, JSON.stringify(body), 'application/json', { secret: SECRET })).status).toBe(200);
    const call = await slackFake.waitForCall((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts, 5000);
    expect(call.body.blocks).toEqual(expected.blocks);
  });
});

describe('Discord (real discord.js)', () => {
  const newUser = () => human(`93000000000000${String(++n).padStart(4, '0')}`, `o${n}`);

  async function mention(text: string): Promise<Record<string, any>> {
    const since = discordFake.requests.length;
    const message = chatMessage(`<@${IDS.bot}> ${text}`, { mentionBot: true, author: newUser() });
    discordFake.dispatch('MESSAGE_CREATE', message);
    // A long answer goes to a thread on the message; a short one is a reply to it.
    const sent = (r: RecordedRequest) => r.method === 'POST' && r.path.endsWith('/messages') && (r.body?.embeds?.length > 0 || !!r.body?.content);
    return (await discordFake.request(sent, since, 5000)).body;
  }

  it('text after a mention: 270 characters of topic words are answered as the question; markup is stripped', async () => {
    expect((await mention(LONG_TOPIC)).embeds).toEqual(answerPayload(answerLine(engine, `/ask ${LONG_TOPIC}`)).embeds);
    expect((await mention(DISCORD_MARKED)).embeds).toEqual(answerPayload(answerLine(engine, PLAIN)).embeds);
    const refused = await mention(TOO_LONG);
    expect(JSON.stringify(refused)).toMatch(/Questions are limited to 1,000 characters; this one has 1,139\./);
  });

  it('a long answer’s thread is named after the question without its markup', async () => {
    const since = discordFake.requests.length;
    const message = chatMessage(`<@${IDS.bot}> <#123456789012345678> japan autos <:flag:123456789012345678>`, { mentionBot: true, author: newUser() });
    discordFake.dispatch('MESSAGE_CREATE', message);
    const thread = await discordFake.request((r) => r.path === `/api/v10/channels/${IDS.channel}/messages/${message.id}/threads`, since, 5000);
    expect(thread.body.name).toBe('japan autos');
    const post = await discordFake.request((r) => r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path), since, 5000);
    expect(post.body.embeds).toEqual(answerPayload(answerLine(engine, 'japan autos')).embeds);
  });

  it('slash commands: an over-long option is a private plain message; markup in /ask question: is stripped', async () => {
    for (const [name, option, value, message] of [
      ['deal', 'topic', 'x'.repeat(201), 'The topic of /deal is limited to 200 characters; this one has 201.'],
      ['timeline', 'partner', 'x'.repeat(101), 'The partner of /timeline is limited to 100 characters; this one has 101.'],
    ] as const) {
      const since = discordFake.requests.length;
      const interaction = slashCommand(name, [{ name: option, value }], newUser());
      discordFake.dispatch('INTERACTION_CREATE', interaction);
      const followUp = await discordFake.request((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${IDS.app}/${interaction.token}`, since, 5000);
      expect(followUp.body.flags).toBe(64);
      expect(JSON.stringify(followUp.body)).toContain(message);
      expect(JSON.stringify(followUp.body)).not.toMatch(ZOD);
    }
    const since = discordFake.requests.length;
    const interaction = slashCommand('ask', [{ name: 'question', value: DISCORD_MARKED }], newUser());
    discordFake.dispatch('INTERACTION_CREATE', interaction);
    const edit = await discordFake.request((r) => r.method === 'PATCH' && r.path.includes(`/webhooks/${IDS.app}/${interaction.token}/messages/`), since, 5000);
    expect(edit.body.embeds).toEqual(answerPayload(answerLine(engine, PLAIN)).embeds);
  });
});
