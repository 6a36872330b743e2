/**
 * `/check` and `/timeline` through the real discord.js client and adapter,
 * against the fake Discord on 127.0.0.1, with the real engine on the shipped
 * knowledge; and "check: …" after a mention.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerLine, runCommand } from '../../commands/index.ts';
import { startDiscord } from '../../src/adapters/discord/index.ts';
import { answerPayload } from '../../src/adapters/discord/payload.ts';
import { FeedbackLog } from '../../src/adapters/feedback.ts';
import { RateLimiter } from '../../src/adapters/rate-limit.ts';
import type { RunningAdapter } from '../../src/adapters/types.ts';
import type { Engine } from '../../src/core/engine.ts';
import { createLogger } from '../../src/log.ts';
import { openEngine } from '../../src/startup.ts';
import { FakeDiscord, IDS, type RecordedRequest } from '../helpers/discord-fake.ts';
import { chatMessage, human, slashCommand } from '../helpers/discord-payloads.ts';
import { checkLimits } from '../helpers/discord-limits.ts';

const CALLBACK = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/api/v10/interactions/${id}/`);
const EDIT = (token: string) => (r: RecordedRequest) => r.method === 'PATCH' && r.path.includes(`/webhooks/${IDS.app}/${token}/messages/`);

let fake: FakeDiscord;
let adapter: RunningAdapter;
let engine: Engine;
let dir: string;
let users = 0;
const newUser = () => human(`9100000000000000${String(++users).padStart(2, '0')}`, `analyst${users}`);

beforeAll(async () => {
  fake = await FakeDiscord.start();
  engine = await openEngine();
  dir = await mkdtemp(path.join(tmpdir(), 'dealdesk-discord-analyst-'));
  adapter = await startDiscord(
    { token: 'fake-token-for-tests', appId: IDS.app, channels: [], apiUrl: fake.apiUrl },
    { engine: () => engine, logger: createLogger('error', [], () => {}), feedback: new FeedbackLog(path.join(dir, 'feedback.jsonl')), rateLimiter: new RateLimiter(20) },
  );
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Sends a slash command and returns the deferral and the edit that answers it. */
async function command(name: string, options: { name: string; value: string }[]) {
  const since = fake.requests.length;
  const interaction = slashCommand(name, options, newUser());
  fake.dispatch('INTERACTION_CREATE', interaction);
  const callback = await fake.request(CALLBACK(interaction.id), since);
  const edit = await fake.request(EDIT(interaction.token), since);
  return { callback, edit };
}

describe('Discord: /check and /timeline', () => {
  it('/check claim: defers publicly, then edits in the verdict with its quotes, exactly answerPayload(answer)', async () => {
    const claim = 'Japan pledged $1 trillion of new investment in America';
    const { callback, edit } = await command('check', [{ name: 'claim', value: claim }]);
    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
    const expected = answerPayload(runCommand(engine, 'check', { claim }));
    expect(edit.body.embeds).toEqual(expected.embeds);
    expect(edit.body.components).toEqual(expected.components);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(edit.body.embeds[0].description).toContain('❌ Contradicted');
    checkLimits({ content: edit.body.content ?? '', embeds: edit.body.embeds, allowedMentions: edit.body.allowed_mentions });
  });

  it('/timeline partner topic: the events within Discord’s limits, exactly answerPayload(answer)', async () => {
    const { edit } = await command('timeline', [
      { name: 'partner', value: 'japan' },
      { name: 'topic', value: 'autos' },
    ]);
    const expected = answerPayload(runCommand(engine, 'timeline', { partner: 'japan', topic: 'autos' }));
    expect(edit.body.embeds).toEqual(expected.embeds);
    expect(edit.body.embeds[0].fields.length).toBeGreaterThan(3);
    checkLimits({ content: edit.body.content ?? '', embeds: edit.body.embeds, allowedMentions: edit.body.allowed_mentions });
  });

  it('/timeline with no partner covers every deal and says what it left out', async () => {
    const { edit } = await command('timeline', []);
    expect(edit.body.embeds[0].footer.text).toMatch(/\d+ more events: narrow with a topic/);
  });

  it('suggests partners and topics for /timeline as the user types', async () => {
    const since = fake.requests.length;
    const topic = slashCommand('timeline', [{ name: 'partner', value: 'japan' }, { name: 'topic', value: 'tar', focused: true }], newUser());
    fake.dispatch('INTERACTION_CREATE', topic);
    const topicReply = await fake.request(CALLBACK(topic.id), since);
    expect(topicReply.body.type).toBe(8);
    expect(topicReply.body.data.choices).toEqual([{ name: 'Tariffs', value: 'tariffs' }]);
    const partner = slashCommand('timeline', [{ name: 'partner', value: 'jap', focused: true }], newUser());
    fake.dispatch('INTERACTION_CREATE', partner);
    const partnerReply = await fake.request(CALLBACK(partner.id), since);
    expect(partnerReply.body.data.choices.map((c: { value: string }) => c.value)).toContain('japan');
  });

  it('answers "check: …" after a mention with a reply holding the verdict', async () => {
    const since = fake.requests.length;
    const message = chatMessage(`<@${IDS.bot}> check: Japan will buy 100 Boeing aircraft`, { mentionBot: true, author: newUser() });
    fake.dispatch('MESSAGE_CREATE', message);
    const post = await fake.request((r) => r.method === 'POST' && r.body?.message_reference?.message_id === message.id, since);
    expect(post.body.embeds).toEqual(answerPayload(answerLine(engine, 'check: Japan will buy 100 Boeing aircraft')).embeds);
    expect(post.body.embeds[0].description).toContain('✅ Supported');
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
  });
});
