/**
 * Mentions in channels (answered in a thread under the question) and direct
 * messages (answered in the conversation). Messages from bots, including this
 * one, are never answered. The payload is exactly `renderSlack(answer)` plus
 * `channel` (and `thread_ts` for mentions; `user` for private replies in a channel).
 */
import type { App, webApi } from '@slack/bolt';
import type { SlackMessage } from '../../../render/slack.ts';
import type { AdapterDeps } from '../../types.ts';
import type { InFlight } from '../in-flight.ts';
import { answerFor, friendlyError, logFields, stripBotMention } from '../reply.ts';

/** The fields of a message or mention event that matter here. */
interface IncomingMessage {
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
  subtype?: string;
  bot_id?: string;
}

/** True for anything a bot wrote (ours or another app's), and for edits, joins and other subtypes. */
export function isFromBot(event: IncomingMessage, botUserId: string | undefined): boolean {
  return !!event.bot_id || event.subtype !== undefined || !event.user || event.user === botUserId;
}

/** Registers the `app_mention` and direct `message` listeners. */
export function registerEvents(app: App, deps: AdapterDeps, inFlight: InFlight): void {
  app.event('app_mention', ({ event, context, client }) =>
    inFlight.run(async () => {
      const msg = event as IncomingMessage;
      if (isFromBot(msg, context.botUserId)) return ignored(deps, msg);
      // Reply under the question; a mention inside a thread stays in that thread.
      await answer(deps, client, msg, context.botUserId, msg.thread_ts ?? msg.ts, 'mention');
    }),
  );

  app.event('message', ({ event, context, client }) =>
    inFlight.run(async () => {
      const msg = event as IncomingMessage;
      if (msg.channel_type !== 'im') return;
      if (isFromBot(msg, context.botUserId)) return ignored(deps, msg);
      await answer(deps, client, msg, context.botUserId, undefined, 'dm');
    }),
  );
}

function ignored(deps: AdapterDeps, msg: IncomingMessage): void {
  deps.logger.debug('slack: ignored a message from a bot or a non-user message', { channel: msg.channel, ts: msg.ts, subtype: msg.subtype, bot_id: msg.bot_id });
}

async function answer(deps: AdapterDeps, client: webApi.WebClient, msg: IncomingMessage, botUserId: string | undefined, threadTs: string | undefined, source: 'mention' | 'dm'): Promise<void> {
  const user = msg.user!;
  const where = { channel: msg.channel, ...(threadTs ? { thread_ts: threadTs } : {}) };
  // In a DM every reply is already private; in a channel, help and errors go to the asker only.
  const privately = (payload: SlackMessage) => (source === 'dm' ? client.chat.postMessage({ ...where, ...payload }) : client.chat.postEphemeral({ ...where, user, ...payload }));
  try {
    const reply = await answerFor(deps, user, stripBotMention(msg.text ?? '', botUserId));
    if (reply.ephemeral) await privately(reply.message);
    else await client.chat.postMessage({ ...where, ...reply.message });
    deps.logger.info(`slack: ${source} answered`, { user, channel: msg.channel, ...logFields(reply) });
  } catch (error) {
    deps.logger.error(`slack: ${source} failed`, { user, channel: msg.channel, error });
    await privately(friendlyError()).catch((e: unknown) => deps.logger.error('slack: could not send the error message', { error: e }));
  }
}
