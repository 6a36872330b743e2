/**
 * The Discord adapter end to end: the real discord.js client, our adapter and
 * the real engine on the shipped knowledge, against a fake Discord (REST +
 * gateway) on 127.0.0.1.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../commands/index.ts';
import { startDiscord } from '../../src/adapters/discord/index.ts';
import { answerPayload } from '../../src/adapters/discord/payload.ts';
import { FeedbackLog } from '../../src/adapters/feedback.ts';
import { RateLimiter } from '../../src/adapters/rate-limit.ts';
import { FRIENDLY_ERROR, type RunningAdapter } from '../../src/adapters/types.ts';
import type { Engine } from '../../src/core/engine.ts';
import { createLogger } from '../../src/log.ts';
import { renderDiscord, unescapeMarkdown } from '../../src/render/discord.ts';
import { DEFAULT_KNOWLEDGE_DIR, openEngine } from '../../src/startup.ts';
import { apiMessage, FakeDiscord, IDS, type RecordedRequest } from '../helpers/discord-fake.ts';
import { startRefusingGateway } from '../helpers/discord-refusing-gateway.ts';
import { waitFor } from '../helpers/slack-server.ts';
import { buttonClick, chatMessage, human, slashCommand } from '../helpers/discord-payloads.ts';

const RATE_LIMIT = 4;
/** The bot token. The adapter's logger does not register it for masking, so no log line may contain it. */
const TOKEN = 'fake-token-for-tests';
const CALLBACK = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/api/v10/interactions/${id}/`);
const EDIT = (token: string) => (r: RecordedRequest) => r.method === 'PATCH' && r.path.includes(`/webhooks/${IDS.app}/${token}/messages/`);
const CHANNEL_POST = (channel: string) => (r: RecordedRequest) => r.method === 'POST' && r.path === `/api/v10/channels/${channel}/messages`;
const replyTo = (messageId: string) => (r: RecordedRequest) => r.method === 'POST' && r.body?.message_reference?.message_id === messageId;

let fake: FakeDiscord;
let adapter: RunningAdapter;
let engine: Engine;
let dir: string;
let feedbackFile: string;
const logLines: string[] = [];
let users = 0;
const CLI_QUESTION = 'what tariff do Japanese cars pay now?';
/** A question whose answer is short enough to stay in the channel (under the thread threshold). */
const SHORT_QUESTION = 'Who is the U.S. Trade Representative in the talks?';
/** The CLI's output, started early so its start-up overlaps the other tests. */
let cliOutput: Promise<{ stdout: string }>;
/** A fresh user per test, so the rate limit only bites where a test means it to. */
const newUser = () => human(`9000000000000000${String(++users).padStart(2, '0')}`, `user${users}`);

/** Every text a quote could appear in: embed descriptions and field values, unescaped. */
function embedText(body: { embeds?: { description?: string; fields?: { value: string }[] }[] }): string {
  return unescapeMarkdown((body.embeds ?? []).flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]).join('\n'));
}

async function articleBodies(): Promise<string> {
  const folder = path.join(DEFAULT_KNOWLEDGE_DIR, 'articles');
  const files = await readdir(folder);
  return (await Promise.all(files.map((f) => readFile(path.join(folder, f), 'utf8')))).join('\n').replace(/\s+/g, ' ');
}

beforeAll(async () => {
  cliOutput = promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--render', 'discord', CLI_QUESTION], { cwd: path.resolve(import.meta.dirname, '../..') });
  fake = await FakeDiscord.start();
  engine = await openEngine();
  dir = await mkdtemp(path.join(tmpdir(), 'dealdesk-discord-'));
  feedbackFile = path.join(dir, 'feedback.jsonl');
  adapter = await startDiscord(
    { token: TOKEN, appId: IDS.app, channels: [IDS.listen], apiUrl: fake.apiUrl },
    {
      engine: () => engine,
      // No secrets registered: masking would hide a leak, and this file checks the adapter itself keeps the token out.
      logger: createLogger('debug', [], (l) => logLines.push(l)),
      feedback: new FeedbackLog(feedbackFile),
      rateLimiter: new RateLimiter(RATE_LIMIT),
    },
  );
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('Discord adapter (discord.js against a local fake Discord)', () => {
  it('logs in with the right intents, becomes ready and registers no commands', async () => {
    const identify = await fake.op(2);
    // Guilds (1) | GuildMessages (512) | DirectMessages (4096) | MessageContent (32768)
    expect(identify.d.intents).toBe(1 | 512 | 4096 | 32768);
    expect(identify.d.token).toBe(TOKEN);
    expect(fake.requests.some((r) => r.path.includes('/commands'))).toBe(false);
    expect(logLines.some((l) => l.includes('discord: connected'))).toBe(true);
    expect(logLines.join('\n')).not.toContain(TOKEN);
  });

  it('keeps the token out of the log when Discord refuses a reply, an interaction and the login (nothing masked)', { timeout: 20_000 }, async () => {
    const since = logLines.length;
    const sinceRequests = fake.requests.length;
    const message = chatMessage(`<@${IDS.bot}> ${SHORT_QUESTION}`, { mentionBot: true, author: newUser() });
    const interaction = slashCommand('sources', [], newUser());
    // The reply to the message (and the friendly message after it) is refused; the interaction has expired.
    fake.override = (r) => {
      if (replyTo(message.id)(r)) return { status: 403, body: { message: 'Missing Permissions', code: 50013 } };
      if (CALLBACK(interaction.id)(r)) return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
      return undefined;
    };
    try {
      fake.dispatch('MESSAGE_CREATE', message);
      fake.dispatch('INTERACTION_CREATE', interaction);
      const own = () => logLines.slice(since);
      await waitFor(() => own().filter((l) => l.includes('discord: could not send the error message')).length >= 2, 'both failed error messages', 10_000);
      expect(own().some((l) => l.includes('discord: message handling failed') && l.includes('Missing Permissions'))).toBe(true);
      expect(own().some((l) => l.includes('discord: interaction failed') && l.includes('Unknown interaction'))).toBe(true);
      // The token was in use on those very requests, so its absence from the log means something.
      expect(fake.requests.slice(sinceRequests).find(replyTo(message.id))?.authorization).toBe(`Bot ${TOKEN}`);
      for (const line of own()) expect(line).not.toContain(TOKEN);
    } finally {
      fake.override = undefined;
    }

    // A login refused: the REST API answers 401, or the gateway closes IDENTIFY with 4004 (authentication failed).
    const restRefusing = await FakeDiscord.start();
    restRefusing.override = (r) => (r.path.endsWith('/gateway/bot') ? { status: 401, body: { message: '401: Unauthorized', code: 0 } } : undefined);
    const gatewayRefusing = await startRefusingGateway();
    const loginLines: string[] = [];
    const login = (apiUrl: string) =>
      startDiscord(
        { token: TOKEN, appId: IDS.app, channels: [], apiUrl },
        { engine: () => engine, logger: createLogger('debug', [], (l) => loginLines.push(l)), feedback: new FeedbackLog(feedbackFile), rateLimiter: new RateLimiter(RATE_LIMIT) },
      ).then(
        async (a) => {
          await a.stop();
          throw new Error('a refused login succeeded');
        },
        (e: Error) => e,
      );
    try {
      const errors = [await login(restRefusing.apiUrl), await login(gatewayRefusing.apiUrl)];
      expect(restRefusing.requests.find((r) => r.path.endsWith('/gateway/bot'))?.authorization).toBe(`Bot ${TOKEN}`);
      expect(gatewayRefusing.identified).toEqual([TOKEN]);
      expect(loginLines.some((l) => l.includes('discord: gateway error') && l.includes('Authentication failed'))).toBe(true);
      for (const error of errors) {
        expect(error.message).toMatch(/^discord: could not log in/);
        // main.ts logs this error; it must not carry the token either.
        expect(`${error.message}\n${error.stack}`).not.toContain(TOKEN);
      }
      for (const line of loginLines) expect(line).not.toContain(TOKEN);
    } finally {
      await restRefusing.close();
      await gatewayRefusing.close();
    }
  });

  it('answers /deal partner topic: defers, then edits the reply with the quotes as embeds', async () => {
    const since = fake.requests.length;
    const interaction = slashCommand('deal', [{ name: 'partner', value: 'japan' }, { name: 'topic', value: 'autos' }], newUser());
    fake.dispatch('INTERACTION_CREATE', interaction);
    const callback = await fake.request(CALLBACK(interaction.id), since);
    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
    const edit = await fake.request(EDIT(interaction.token), since);

    const expected = runCommand(engine, 'deal', { partner: 'japan', topic: 'autos' });
    expect(expected.citations.length).toBeGreaterThan(0);
    const quote = expected.citations[0]!.quote;
    // The quote shown is verbatim from a shipped article, and it is in the embed.
    expect(await articleBodies()).toContain(quote.replace(/\s+/g, ' '));
    expect(embedText(edit.body)).toContain(quote.replace(/\s+/g, ' '));
    // Exactly what the renderer produces, plus the vote buttons.
    const payload = answerPayload(expected);
    expect(edit.body.embeds).toEqual(payload.embeds);
    expect(edit.body.components).toEqual(payload.components);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('sends for /ask exactly what `npm run ask -- --render discord` prints', { timeout: 30_000 }, async () => {
    const question = CLI_QUESTION;
    const since = fake.requests.length;
    const interaction = slashCommand('ask', [{ name: 'question', value: question }], newUser());
    fake.dispatch('INTERACTION_CREATE', interaction);
    const edit = await fake.request(EDIT(interaction.token), since);
    const printed = JSON.parse((await cliOutput).stdout);
    expect(printed).toEqual(renderDiscord(engine.ask(question)));
    expect({ content: edit.body.content, embeds: edit.body.embeds, allowedMentions: edit.body.allowed_mentions }).toEqual(printed);
  });

  it('keeps /help private (ephemeral flag on the deferral)', async () => {
    const since = fake.requests.length;
    const interaction = slashCommand('help', [], newUser());
    fake.dispatch('INTERACTION_CREATE', interaction);
    const callback = await fake.request(CALLBACK(interaction.id), since);
    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.request(EDIT(interaction.token), since);
    expect(edit.body.embeds[0].title).toBe('dealdesk: help');
    expect(edit.body.components).toEqual([]);
  });

  it('suggests topics and partners as the user types (autocomplete)', async () => {
    const since = fake.requests.length;
    const topic = slashCommand('deal', [{ name: 'partner', value: 'japan' }, { name: 'topic', value: 'agri', focused: true }], newUser());
    fake.dispatch('INTERACTION_CREATE', topic);
    const topicReply = await fake.request(CALLBACK(topic.id), since);
    expect(topicReply.body.type).toBe(8);
    expect(topicReply.body.data.choices).toEqual([{ name: 'Agriculture', value: 'agriculture' }]);

    const partner = slashCommand('deal', [{ name: 'partner', value: '', focused: true }], newUser());
    fake.dispatch('INTERACTION_CREATE', partner);
    const partnerReply = await fake.request(CALLBACK(partner.id), since);
    const choices = partnerReply.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain('japan');
  });

  it('answers a message that mentions the bot, as a reply in that channel, without the mention', async () => {
    const since = fake.requests.length;
    const message = chatMessage(`<@${IDS.bot}> ${SHORT_QUESTION}`, { mentionBot: true, author: newUser() });
    fake.dispatch('MESSAGE_CREATE', message);
    const post = await fake.request(CHANNEL_POST(IDS.channel), since);
    expect(post.body.message_reference.message_id).toBe(message.id);
    expect(post.body.embeds).toEqual(renderDiscord(engine.ask(SHORT_QUESTION)).embeds);
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('puts a long answer in a thread on the message', async () => {
    const since = fake.requests.length;
    const message = chatMessage(`<@${IDS.bot}> japan autos`, { mentionBot: true, author: newUser() });
    fake.dispatch('MESSAGE_CREATE', message);
    const thread = await fake.request((r) => r.path === `/api/v10/channels/${IDS.channel}/messages/${message.id}/threads`, since);
    expect(thread.body.name).toBe('japan autos');
    const post = await fake.request((r) => r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path), since);
    expect(post.path).not.toBe(`/api/v10/channels/${IDS.channel}/messages`);
    expect(post.body.embeds[0].title).toBe('Briefing: japan autos');
  });

  it('answers questions in a DISCORD_CHANNELS channel without a mention, but not chatter, and not elsewhere', async () => {
    const since = fake.requests.length;
    const chatter = chatMessage('nice weather today', { channelId: IDS.listen, author: newUser() });
    const elsewhere = chatMessage(SHORT_QUESTION, { channelId: IDS.channel, author: newUser() });
    const question = chatMessage(SHORT_QUESTION, { channelId: IDS.listen, author: newUser() });
    for (const m of [chatter, elsewhere, question]) fake.dispatch('MESSAGE_CREATE', m);
    const post = await fake.request(replyTo(question.id), since);
    expect(post.path).toBe(`/api/v10/channels/${IDS.listen}/messages`);
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.requests.slice(since).filter((r) => r.method === 'POST' && r.path.includes('/channels/'))).toHaveLength(1);
  });

  it('answers DMs', async () => {
    const since = fake.requests.length;
    const message = chatMessage(SHORT_QUESTION, { channelId: IDS.dm, author: newUser() });
    fake.dispatch('MESSAGE_CREATE', message);
    const post = await fake.request(CHANNEL_POST(IDS.dm), since);
    expect(post.body.message_reference.message_id).toBe(message.id);
    expect(post.body.embeds[0].fields.length).toBeGreaterThan(0);
  });

  it('never answers bots, including itself', async () => {
    const since = fake.requests.length;
    const otherBot = chatMessage(`<@${IDS.bot}> ${SHORT_QUESTION}`, { mentionBot: true, author: { ...human(IDS.otherBot, 'otherbot'), bot: true } });
    const itself = chatMessage(`<@${IDS.bot}> ${SHORT_QUESTION}`, { mentionBot: true, channelId: IDS.listen, author: { id: IDS.bot, username: 'dealdesk', discriminator: '0', avatar: null, bot: true } });
    const person = chatMessage(`<@${IDS.bot}> ${SHORT_QUESTION}`, { mentionBot: true, author: newUser() });
    for (const m of [otherBot, itself, person]) fake.dispatch('MESSAGE_CREATE', m);
    // The person's reply arrives; give the bots' messages the same time, then check nothing answered them.
    await fake.request(replyTo(person.id), since);
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.requests.slice(since).some((r) => replyTo(otherBot.id)(r) || replyTo(itself.id)(r))).toBe(false);
  });

  it('logs a 👍 click to the feedback file with the question and cited articles', async () => {
    const since = fake.requests.length;
    const question = SHORT_QUESTION;
    const asker = newUser();
    const interaction = slashCommand('ask', [{ name: 'question', value: question }], asker);
    fake.dispatch('INTERACTION_CREATE', interaction);
    const edit = await fake.request(EDIT(interaction.token), since);
    const up = edit.body.components[0].components[0];
    expect(up.custom_id.length).toBeLessThanOrEqual(100);
    // The click comes on the message the edit created; the adapter remembered its id.
    const sent = edit.response;
    const voter = newUser();
    const click = buttonClick(up.custom_id, sent, voter);
    fake.dispatch('INTERACTION_CREATE', click);
    const thanks = await fake.request(CALLBACK(click.id), since);
    expect(thanks.body.type).toBe(4);
    expect(thanks.body.data.flags).toBe(64);
    const lines = (await readFile(feedbackFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const vote = lines.at(-1);
    const answer = engine.ask(question);
    expect(vote).toMatchObject({ platform: 'discord', question, vote: 'up', user: voter.id, articleIds: [...new Set(answer.citations.map((c) => c.articleId))] });
  });

  it('turns a failure inside a handler into the friendly private message, logs it, and keeps going', async () => {
    // A real failure: the feedback file's path becomes a directory, so appending to it fails.
    await rm(feedbackFile, { force: true });
    await mkdir(feedbackFile);
    const since = fake.requests.length;
    const answer = engine.ask(SHORT_QUESTION);
    const message = apiMessage(IDS.channel, answerPayload(answer));
    const down = answerPayload(answer).components[0]!.components[1] as { custom_id: string };
    const click = buttonClick(down.custom_id, message, newUser());
    fake.dispatch('INTERACTION_CREATE', click);
    const reply = await fake.request(CALLBACK(click.id), since);
    expect(reply.body).toMatchObject({ type: 4, data: { content: FRIENDLY_ERROR, flags: 64, allowed_mentions: { parse: [] } } });
    expect(logLines.some((l) => l.includes('discord: interaction failed') && l.includes('EISDIR'))).toBe(true);
    await rm(feedbackFile, { recursive: true, force: true });

    const next = slashCommand('help', [], newUser());
    fake.dispatch('INTERACTION_CREATE', next);
    await fake.request(EDIT(next.token), since);
  });

  it('shows a user error (too long a question) privately: the public placeholder is replaced', async () => {
    const since = fake.requests.length;
    const interaction = slashCommand('ask', [{ name: 'question', value: 'tariff '.repeat(300) }], newUser());
    fake.dispatch('INTERACTION_CREATE', interaction);
    const followUp = await fake.request((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${IDS.app}/${interaction.token}`, since);
    expect(followUp.body.flags).toBe(64);
    expect(followUp.body.content).toMatch(/limited to 1,000 characters/);
    expect(fake.requests.slice(since).some((r) => r.method === 'DELETE' && r.path.includes(interaction.token))).toBe(true);
  });

  it('rate-limits a user with a private message, other users unaffected', async () => {
    const since = fake.requests.length;
    const greedy = newUser();
    const asks = Array.from({ length: RATE_LIMIT + 1 }, () => slashCommand('sources', [], greedy));
    for (const a of asks) fake.dispatch('INTERACTION_CREATE', a);
    const refused = await fake.request(CALLBACK(asks.at(-1)!.id), since);
    expect(refused.body.type).toBe(4);
    expect(refused.body.data.flags).toBe(64);
    expect(refused.body.data.content).toMatch(/asking faster than I can keep up/);
    const other = slashCommand('sources', [], newUser());
    fake.dispatch('INTERACTION_CREATE', other);
    expect((await fake.request(CALLBACK(other.id), since)).body.type).toBe(5);
  });

  it('resumes after the gateway drops the connection, and the next command still answers', async () => {
    const connections = fake.connections;
    const sinceOps = fake.received.length;
    fake.dropConnection(4000);
    const resume = await fake.op(6, sinceOps);
    expect(resume.d.session_id).toBe('fake-session');
    expect(fake.connections).toBe(connections + 1);
    const since = fake.requests.length;
    const interaction = slashCommand('ask', [{ name: 'question', value: 'what tariff do Japanese cars pay now?' }], newUser());
    // The client may still be finishing the resume handshake; a dispatch right after RESUMED is fine.
    await new Promise((r) => setTimeout(r, 50));
    fake.dispatch('INTERACTION_CREATE', interaction);
    const edit = await fake.request(EDIT(interaction.token), since);
    expect(edit.body.embeds[0].fields.length).toBeGreaterThan(0);
  });
});
