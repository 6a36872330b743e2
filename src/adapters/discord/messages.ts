/**
 * Channel questions: a message that mentions the bot, any message in a DM, or
 * a question-looking message in one of the `DISCORD_CHANNELS` channels gets a
 * reply (in a thread when the answer is long). Bots, including this one, are never answered.
 */
import { ChannelType, type Message } from 'discord.js';
import { answerLine, looksLikeQuestion } from '../../../commands/index.ts';
import { embedLength, renderDiscordNotice } from '../../render/discord.ts';
import { inTurn } from '../answer-queue.ts';
import { recordAnswer } from '../record.ts';
import { rateLimitedMessage } from '../types.ts';
import type { DiscordContext } from './context.ts';
import { answerPayload, type AnswerPayload } from './payload.ts';
import { wantsVotes } from './votes.ts';

/** Answers whose embeds are longer than this go to a thread (in channels that allow threads). */
export const THREAD_THRESHOLD = 2500;

/** The parts of a message that decide whether to answer it. */
export interface IncomingMessage {
  content: string;
  authorIsBot: boolean;
  authorId: string;
  channelId: string;
  inGuild: boolean;
  /** User ids the message mentions (not @everyone, roles or the replied-to user). */
  mentions: readonly string[];
}

/**
 * What to answer for a message, or undefined to stay silent: the text with the
 * bot's mention removed (empty means "show help").
 */
export function questionFor(m: IncomingMessage, botId: string, channels: ReadonlySet<string>): string | undefined {
  if (m.authorIsBot || m.authorId === botId) return undefined;
  const mentioned = m.mentions.includes(botId);
  const text = m.content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
  if (mentioned || !m.inGuild) return text;
  if (channels.has(m.channelId) && text && looksLikeQuestion(text)) return text;
  return undefined;
}

/** Replies to a channel message or DM when `questionFor` says so. */
export async function handleMessage(message: Message, ctx: DiscordContext): Promise<void> {
  const botId = message.client.user.id;
  const text = questionFor(
    {
      content: message.content,
      authorIsBot: message.author.bot || message.system || !!message.webhookId,
      authorId: message.author.id,
      channelId: message.channelId,
      inGuild: message.inGuild(),
      mentions: [...message.mentions.users.keys()],
    },
    botId,
    ctx.channels,
  );
  if (text === undefined) return;
  const { deps, memory } = ctx;
  const limit = await deps.rateLimiter.check(message.author.id);
  if (!limit.ok) {
    await message.reply(renderDiscordNotice(rateLimitedMessage(limit.retryAfterSeconds)));
    return;
  }
  // In its own event-loop turn, so acks and replies keep flowing during bursts.
  const answer = await inTurn(() => answerLine(deps.engine(), text));
  recordAnswer(deps.events, 'discord', message.author.id, answer);
  const payload = answerPayload(answer);
  const sent = (await replyInThread(message, answer.question, payload, ctx)) ?? (await message.reply(payload));
  if (wantsVotes(answer)) memory.remember(sent.id, answer);
  deps.logger.info('discord: answered message', { kind: answer.kind, citations: answer.citations.length, thread: sent.channelId !== message.channelId });
}

/**
 * Posts a long answer in a new thread on the message, named after the question
 * as the router read it (chat markup stripped); undefined when short or threads are not possible.
 */
async function replyInThread(message: Message, question: string, payload: AnswerPayload, ctx: DiscordContext): Promise<Message | undefined> {
  const long = payload.embeds.reduce((n, e) => n + embedLength(e), 0) > THREAD_THRESHOLD;
  const type = message.channel.type;
  if (!long || (type !== ChannelType.GuildText && type !== ChannelType.GuildAnnouncement)) return undefined;
  try {
    const name = question.replace(/\s+/g, ' ').trim().slice(0, 90) || 'dealdesk answer';
    const thread = await message.startThread({ name, autoArchiveDuration: 1440 });
    return await thread.send(payload);
  } catch (err) {
    // Usually a missing "Create Public Threads" permission: a plain reply still works.
    ctx.deps.logger.warn('discord: could not answer in a thread; replying instead', { error: err });
    return undefined;
  }
}
