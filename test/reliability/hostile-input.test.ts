/**
 * Hostile input through both adapters, end to end (real Bolt and discord.js
 * against local fakes): odd questions are answered without a crash and echoed
 * only safely; a knowledge article full of mentions and link syntax is quoted
 * harmlessly. Every assertion is on the exact payload the fakes received.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord } from '../../src/adapters/discord/index.ts';
import { FeedbackLog } from '../../src/adapters/feedback.ts';
import { RateLimiter } from '../../src/adapters/rate-limit.ts';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/index.ts';
import { FRIENDLY_ERROR, type AdapterDeps, type RunningAdapter } from '../../src/adapters/types.ts';
import type { Engine } from '../../src/core/engine.ts';
import { createLogger } from '../../src/log.ts';
import { openEngine } from '../../src/startup.ts';
import { FakeDiscord, IDS, type RecordedRequest } from '../helpers/discord-fake.ts';
import { chatMessage, human, slashCommand } from '../helpers/discord-payloads.ts';
import { article, tempKnowledge } from '../helpers/knowledge.ts';
import { startFakeSlack, waitFor, type FakeSlack } from '../helpers/slack-server.ts';
import { eventBody, postSigned, slashCommandBody } from '../helpers/slack-requests.ts';

// Every knowledge folder this file makes is deleted after its tests.
const makeKnowledge = tempKnowledge();

const SECRET = 'hostile-signing-secret';
const ZWSP = '\u200b';
const ARTICLE_URL = 'https://example.com/widgets';

const QUESTIONS: Record<string, string> = {
  empty: '',
  blank: '   \t  ',
  huge: 'tariff '.repeat(14_286).slice(0, 100_000),
  punctuation: '?!?!...;;;---***///\\\\',
  control: '\u0000\u0007\u001b[31mwhat tariff do Japanese cars pay now?\u0008\u007f',
  surrogates: '\ud800what tariff\udfff do Japanese cars pay\udbff now?',
  rtl: '\u202ewhat tariff do Japanese cars pay now?\u202c \u200f\u200e',
  japanese: '日本の自動車関税はいくらですか',
  emoji: '🚗🇯🇵 what tariff do Japanese 🚙 cars pay now? 😀',
  channel: '<!channel> what tariff do Japanese cars pay now?',
  everyone: '@everyone @here <@U123> <!here> <#C123> japan autos',
  links: '<http://evil.example|click here> [click](http://evil.example) japan autos',
};

let slackFake: FakeSlack;
let slack: SlackAdapter;
let discordFake: FakeDiscord;
let discord: RunningAdapter;
let shipped: Engine;
let hostile: Engine;
let current: () => Engine;
const logs: string[] = [];
let n = 0;

beforeAll(async () => {
  shipped = await openEngine();
  const dir = await makeKnowledge({
    'articles/widgets.md': article(
      { title: 'Widget <!here> news @everyone', date: '2024-03-01', publisher: '<@U999> Wire', url: ARTICLE_URL },
      [
        'The committee told <!channel> that widget tariffs fall to 10 percent next year.',
        'Contact <@U123> or @everyone about the widget quota of 500 tons.',
        'Read [the widget terms](http://evil.example/phish) for the widget import rules.',
        'Click <http://evil.example|the widget rebate> to claim the widget rebate today.',
        'Ping <@123456789012345678> and <#C999> and @here about the widget licence fees.',
      ].join('\n\n') + '\n',
    ),
  });
  hostile = await openEngine(dir, { cacheDir: false });
  current = () => shipped;
  const deps = (): AdapterDeps => ({ engine: () => current(), logger: createLogger('info', [], (l) => logs.push(l)), feedback: new FeedbackLog('/dev/null'), rateLimiter: new RateLimiter(1000) });
  slackFake = await startFakeSlack();
  slack = await startSlack({ botToken: 'xoxb-hostile', signingSecret: SECRET, port: 0, apiUrl: slackFake.apiUrl }, deps(), {
    host: '127.0.0.1',
    botId: 'B_BOT',
    botUserId: 'U_BOT',
    clientOptions: { retryConfig: { retries: 0 } },
  });
  discordFake = await FakeDiscord.start();
  discord = await startDiscord({ token: 'hostile-discord-token', channels: [], apiUrl: discordFake.apiUrl }, deps());
});

afterAll(async () => {
  await slack?.stop();
  await discord?.stop();
  await slackFake?.close();
  await discordFake?.close();
});

/** Every string anywhere in a payload. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Slack: nothing can form a mention, a broadcast or a link except the source links built by the renderer. */
function expectSafeSlack(payload: Record<string, any>): void {
  for (const s of strings(payload)) {
    expect(s).not.toMatch(/<[!@#]/);
    for (const m of s.matchAll(/<[^>]*>?/g)) expect(m[0]).toMatch(/^<https?:\/\/[^\s<>|]+\|[^<>]*>$/);
  }
  // `false` in JSON (response_url), `'false'` form-encoded (Web API).
  expect([false, 'false']).toContain(payload.unfurl_links);
}

/** Discord: no ping can fire (allowed mentions empty, and @everyone / <@…> broken anyway), limits kept. */
function expectSafeDiscord(body: Record<string, any>): void {
  expect(body.allowed_mentions).toEqual({ parse: [] });
  for (const s of strings({ content: body.content, embeds: body.embeds })) {
    expect(s).not.toMatch(/@(?!\u200b)(everyone|here)/i);
    expect(s).not.toMatch(/<[@#](?!\u200b)/);
  }
  expect((body.content ?? '').length).toBeLessThanOrEqual(2000);
}

async function slashSlack(text: string): Promise<Record<string, any>> {
  const id = `h${++n}`;
  const res = await postSigned(slack.port!, slashCommandBody({ text, user_id: `U_H${n}`, response_url: slackFake.responseUrl(id) }), 'application/x-www-form-urlencoded', { secret: SECRET });
  expect(res.status).toBe(200);
  return (await slackFake.waitForCall((c) => c.path === `/respond/${id}`, 5000)).body;
}

async function mentionSlack(text: string): Promise<Record<string, any>> {
  const ts = `1700001000.${String(++n).padStart(6, '0')}`;
  const res = await postSigned(slack.port!, JSON.stringify(eventBody({ type: 'app_mention', user: `U_H${n}`, text: `<@U_BOT> ${text}`, ts, channel: 'C_H' }, `EvH${n}`)), 'application/json', { secret: SECRET });
  expect(res.status).toBe(200);
  return (await slackFake.waitForCall((c) => (c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral') && c.body.thread_ts === ts, 5000)).body;
}

/** `/ask question:text`; resolves with the final message: the edited reply, or the private follow-up. */
async function askDiscord(text: string): Promise<Record<string, any>> {
  const since = discordFake.requests.length;
  const interaction = slashCommand('ask', [{ name: 'question', value: text }], human(`60000000000000${String(++n).padStart(4, '0')}`, `h${n}`));
  discordFake.dispatch('INTERACTION_CREATE', interaction);
  const final = (r: RecordedRequest) =>
    r.path.includes(`/webhooks/${IDS.app}/${interaction.token}`) && (r.method === 'PATCH' || (r.method === 'POST' && r.path.endsWith(interaction.token)));
  return (await discordFake.request(final, since, 5000)).body;
}

async function messageDiscord(text: string): Promise<Record<string, any>> {
  const since = discordFake.requests.length;
  const message = chatMessage(`<@${IDS.bot}> ${text}`, { mentionBot: true, author: human(`61000000000000${String(++n).padStart(4, '0')}`, `m${n}`) });
  discordFake.dispatch('MESSAGE_CREATE', message);
  // A reply to the message, or (long answers) the post in the thread started on it.
  const thread = () => discordFake.requests.slice(since).find((r) => r.path.endsWith(`/messages/${message.id}/threads`))?.response?.id;
  const reply = (r: RecordedRequest) =>
    r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path) && (r.body?.message_reference?.message_id === message.id || r.path === `/api/v10/channels/${thread()}/messages`);
  return (await discordFake.request(reply, since, 5000)).body;
}

/** A log line's level and message. */
const parsed = (line: string) => JSON.parse(line) as { level: string; msg: string };

/**
 * Waits until every message in `expected` was logged at or after `from` (each
 * handler logs its "answered" line last), lets any straggler land, and returns
 * the lines logged since `from`: so a case sees its own log, whatever ran before it.
 */
async function ownLog(from: number, expected: string[]): Promise<{ level: string; msg: string }[]> {
  const mine = () => logs.slice(from).map(parsed);
  await waitFor(() => expected.every((m) => mine().some((l) => l.msg === m)), `log lines ${expected.join(', ')}`, 5000).catch((e: Error) => {
    throw new Error(`${e.message}; logged: ${mine().map((l) => l.msg).join(', ')}`);
  });
  // A failure after the last send is logged right after it; give it a moment to arrive.
  for (let seen = -1; seen !== logs.length; ) {
    seen = logs.length;
    await new Promise((r) => setTimeout(r, 50));
  }
  return mine();
}

describe('hostile questions, through both adapters', () => {
  for (const [name, question] of Object.entries(QUESTIONS)) {
    it(`${name}: answered without a failure, echoed safely, nothing failed in the log`, { timeout: 15_000 }, async () => {
      current = () => shipped;
      const from = logs.length;
      const replies = {
        slash: await slashSlack(question),
        mention: await mentionSlack(question),
        ask: await askDiscord(question),
        message: await messageDiscord(question),
      };
      for (const body of [replies.slash, replies.mention]) {
        expect(body.text).not.toBe(FRIENDLY_ERROR);
        expectSafeSlack(body);
      }
      for (const body of [replies.ask, replies.message]) {
        expect(body.content).not.toBe(FRIENDLY_ERROR);
        expectSafeDiscord(body);
      }
      if (name === 'huge') {
        // As `/deal` words it is too long a topic; as a question, too long a question: a private error either way.
        expect(replies.slash).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/characters/) });
        expect(replies.mention.text).toMatch(/characters/);
        expect(replies.ask.content).toMatch(/limited to 1,000 characters/);
        for (const body of Object.values(replies)) expect(JSON.stringify(body).length).toBeLessThan(20_000);
      }
      // This case's own log lines: every path logged its answer (a user error on /ask is a private
      // follow-up, flag 64, which logs nothing), and nothing failed or warned, even after a reply went out.
      const expected = ['slack: /deal answered', 'slack: mention answered', 'discord: answered message', ...(replies.ask.flags === 64 ? [] : ['discord: answered command'])];
      const own = await ownLog(from, expected);
      expect(own.filter((l) => l.level === 'error' || l.level === 'warn' || /failed/.test(l.msg))).toEqual([]);
    });
  }
});

describe('hostile knowledge, quoted on both platforms', () => {
  const asks = ['what are the widget tariffs?', 'how big is the widget quota?', 'what are the widget import rules?', 'how do I claim the widget rebate?', 'what are the widget licence fees?'];

  it('Slack shows the mentions and link syntax as text, and links only to the source', async () => {
    current = () => hostile;
    const bodies = [];
    for (const q of asks) bodies.push(await slashSlack(q), await mentionSlack(q));
    for (const body of bodies) {
      expectSafeSlack(body);
      for (const s of strings(body)) for (const m of s.matchAll(/<(https?:[^|>]+)\|/g)) expect(m[1]).toBe(ARTICLE_URL);
    }
    // The quotes are shown, escaped, word for word (once the zero-width spaces that break mentions and links are taken out).
    const all = JSON.stringify(bodies).replaceAll(ZWSP, '');
    for (const shown of ['&lt;!channel&gt;', '&lt;@U123&gt;', '&lt;http://evil.example|the widget rebate&gt;', '[the widget terms](http://evil.example/phish)', '&lt;!here&gt;', '&lt;@U999&gt;']) {
      expect(all).toContain(shown);
    }
  });

  it('Discord shows them as text: mentions broken, Markdown links escaped, no ping allowed', async () => {
    current = () => hostile;
    const bodies = [];
    for (const q of asks) bodies.push(await askDiscord(q), await messageDiscord(q));
    for (const body of bodies) {
      expectSafeDiscord(body);
      expect(body.embeds[0].fields?.length ?? 0).toBeGreaterThan(0);
      // The only masked link is the one to the source.
      for (const s of strings(body.embeds)) for (const m of s.matchAll(/(?<!\\)\]\(([^)]*)\)/g)) expect(m[1]).toBe(ARTICLE_URL);
    }
    const all = bodies.map((b) => strings(b.embeds).join('\n')).join('\n');
    for (const shown of [`<@${ZWSP}U123>`, `@${ZWSP}everyone`, `@${ZWSP}here`, `<@${ZWSP}123456789012345678>`, `<#${ZWSP}C999>`, `\\[the widget terms\\](http:${ZWSP}//evil.example/phish)`, `<@${ZWSP}U999>`]) {
      expect(all).toContain(shown);
    }
  });
});
