/**
 * Chat markup in sources and questions, through the real adapters (issue 10,
 * items 6 and 7): real Bolt and real discord.js against the local fakes, a
 * knowledge folder whose article is made of Slack and Discord markup. Slack:
 * every mrkdwn object is `verbatim: true` and nothing Slack auto-parses
 * (`@here`, `@channel`, `@everyone`, `#channel`, URLs, bare domains) is left
 * whole, in blocks or in the fallback text. Discord: no markup that is not ours
 * is live in any part of the message (title, description, fields, content).
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord } from '../../src/adapters/discord/index.ts';
import { FeedbackLog } from '../../src/adapters/feedback.ts';
import { RateLimiter } from '../../src/adapters/rate-limit.ts';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/index.ts';
import type { AdapterDeps, RunningAdapter } from '../../src/adapters/types.ts';
import type { Engine } from '../../src/core/engine.ts';
import { createLogger } from '../../src/log.ts';
import { unescapeSlack } from '../../src/render/slack.ts';
import { openEngine } from '../../src/startup.ts';
import { FakeDiscord, IDS, type RecordedRequest } from '../helpers/discord-fake.ts';
import { activeMarkup, foreignText } from '../helpers/discord-markup.ts';
import { human, slashCommand } from '../helpers/discord-payloads.ts';
import { article, makeKnowledge } from '../helpers/knowledge.ts';
import { startFakeSlack, type FakeSlack } from '../helpers/slack-server.ts';
import { postSigned, slashCommandBody } from '../helpers/slack-requests.ts';

const SECRET = 'markup-signing-secret-0123456789';
const ARTICLE_URL = 'https://example.com/widgets';
const SENTENCES = [
  'The committee told @here and @channel that widget tariffs fall to 10 percent next year.',
  'Contact #general or @everyone about the widget quota of 500 tons at https://evil.example/quota or www.evil.example today.',
  'Run </deal:1234> before <t:1700000000:R> for the widget rebate, or click [the widget rebate](http://evil.example/phish) now.',
  'The ||widget licence|| fees are `free` and ```code``` under __new__ ~~old~~ **rules**, says <:pepe:123> at <id:customize>.',
];

/** What Slack auto-parses in plain text (from Slack's formatting docs). */
const SLACK_AUTO_PARSED = [/@(here|channel|everyone)\b/i, /@[\p{L}\p{N}_]/u, /#[\p{L}\p{N}_-]/u, /[a-z][a-z0-9+.-]*:\/\//i, /[\p{L}\p{N}]\.\p{L}{2}/u];

let dir: string;
let engine: Engine;
let slackFake: FakeSlack;
let slack: SlackAdapter;
let discordFake: FakeDiscord;
let discord: RunningAdapter;
let n = 0;

beforeAll(async () => {
  dir = await makeKnowledge({
    'articles/widgets.md': article(
      { title: 'Widget news for #general @here [x](http://evil.example) ||spoiler||', date: '2024-03-01', publisher: '@channel Wire </deal:1>', url: ARTICLE_URL },
      SENTENCES.join('\n\n') + '\n',
    ),
  });
  engine = await openEngine(dir, { cacheDir: false });
  const deps = (): AdapterDeps => ({ engine: () => engine, logger: createLogger('warn', [], () => {}), feedback: new FeedbackLog('/dev/null'), rateLimiter: new RateLimiter(1000) });
  slackFake = await startFakeSlack();
  slack = await startSlack({ botToken: 'xoxb-markup-0123456789', signingSecret: SECRET, port: 0, apiUrl: slackFake.apiUrl }, deps(), {
    host: '127.0.0.1',
    botId: 'B_BOT',
    botUserId: 'U_BOT',
    clientOptions: { retryConfig: { retries: 0 } },
  });
  discordFake = await FakeDiscord.start();
  discord = await startDiscord({ token: 'markup-discord-token', channels: [], apiUrl: discordFake.apiUrl }, deps());
}, 60_000);

afterAll(async () => {
  await slack?.stop();
  await discord?.stop();
  await slackFake?.close();
  await discordFake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const QUESTIONS = [
  'what do widget tariffs fall to? @here #general https://evil.example',
  'how big is the widget quota? @everyone www.evil.example',
  'how do I get the widget rebate? </deal:1> <t:1:R> [click](http://evil.example)',
  'what are the widget licence fees? ||x|| ```y``` # z',
];

async function slash(text: string): Promise<Record<string, any>> {
  const id = `m${++n}`;
  const res = await postSigned(slack.port!, slashCommandBody({ text, user_id: `U_M${n}`, response_url: slackFake.responseUrl(id) }), 'application/x-www-form-urlencoded', { secret: SECRET });
  expect(res.status).toBe(200);
  return (await slackFake.waitForCall((c) => c.path === `/respond/${id}`, 5000)).body;
}

async function ask(text: string): Promise<Record<string, any>> {
  const since = discordFake.requests.length;
  const interaction = slashCommand('ask', [{ name: 'question', value: text }], human(`62000000000000${String(++n).padStart(4, '0')}`, `m${n}`));
  discordFake.dispatch('INTERACTION_CREATE', interaction);
  const final = (r: RecordedRequest) => r.path.includes(`/webhooks/${IDS.app}/${interaction.token}`) && r.method === 'PATCH';
  return (await discordFake.request(final, since, 5000)).body;
}

describe('Slack: nothing from a source or a question is auto-parsed', () => {
  it('every text object is verbatim and every mention, channel and URL is broken, in blocks and fallback text', async () => {
    for (const q of QUESTIONS) {
      const body = await slash(q);
      expect(body.response_type).toBe('in_channel');
      const objects = (body.blocks as any[]).flatMap((b) => [b.text, ...(b.fields ?? []), ...(b.type === 'context' ? b.elements : [])]).filter((o) => o?.type === 'mrkdwn');
      expect(objects.length).toBeGreaterThan(0);
      for (const o of objects) expect(o.verbatim, o.text).toBe(true);
      for (const text of [body.text, ...objects.map((o) => o.text)]) {
        // Ours: the quote marker and the link to the source.
        const foreign = text.replace(/^> /, '').replace(/<(https?:\/\/[^\s<>|]+)\|[^<>]*>/g, (_: string, url: string) => (url === ARTICLE_URL ? '' : `<${url}|>`));
        for (const token of SLACK_AUTO_PARSED) expect(foreign, q).not.toMatch(token);
        expect(foreign).not.toMatch(/[<>]/);
      }
      // The quote is shown word for word once the escapes and zero-width spaces are read back.
      const quotes = (body.blocks as any[]).filter((b) => b.type === 'section' && b.text?.text.startsWith('> ')).map((b) => unescapeSlack(b.text.text.slice(2)));
      expect(quotes.length).toBeGreaterThan(0);
      for (const quote of quotes) expect(SENTENCES).toContain(quote);
    }
  });
});

describe('Discord: no markup that is not ours is live', () => {
  it('in the title (the question), the description, field names and values', async () => {
    for (const q of QUESTIONS) {
      const body = await ask(q);
      expect(body.allowed_mentions).toEqual({ parse: [] });
      const message = { content: body.content ?? '', embeds: body.embeds ?? [], allowedMentions: { parse: [] as [] } };
      expect(message.embeds[0]?.fields?.length ?? 0, q).toBeGreaterThan(0);
      for (const { where, text } of foreignText(message)) expect(activeMarkup(text), `${q}: ${where}: ${text.slice(0, 120)}`).toEqual([]);
      // The one link left is ours, to the source.
      for (const f of message.embeds[0]!.fields!) for (const m of f.value.matchAll(/(?<!\\)\]\(([^)]*)\)/g)) expect(m[1]).toBe(ARTICLE_URL);
    }
  });
});
