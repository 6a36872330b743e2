/**
 * The Discord adapter: logs the discord.js client in and answers slash
 * commands, autocomplete, vote buttons and channel questions. Thin wiring:
 * parsing, commands, rendering and sending live in the modules next to this one.
 * The bot never registers commands here (see `npm run discord:deploy`).
 */
import { once } from 'node:events';
import { Events, MessageFlags, type Interaction, type Message } from 'discord.js';
import type { DiscordConfig } from '../../config.ts';
import { renderDiscordNotice } from '../../render/discord.ts';
import { DEFAULT_SHUTDOWN_GRACE_MS, FRIENDLY_ERROR, type AdapterDeps, type RunningAdapter } from '../types.ts';
import { createDiscordClient } from './client.ts';
import type { DiscordContext } from './context.ts';
import { handleAutocomplete, handleCommand, handleVote } from './interactions.ts';
import { handleMessage } from './messages.ts';
import { AnswerMemory } from './votes.ts';

/**
 * Logs in and resolves once the client is ready (guilds received).
 * @throws Error prefixed `discord:` when login fails (bad token, unreachable API).
 */
export async function startDiscord(config: DiscordConfig, deps: AdapterDeps): Promise<RunningAdapter> {
  const { logger } = deps;
  const client = createDiscordClient(config);
  const ctx: DiscordContext = { deps, memory: new AnswerMemory(), channels: new Set(config.channels) };
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  client.on(Events.InteractionCreate, (interaction) => {
    if (!stopping) track(onInteraction(interaction, ctx));
  });
  client.on(Events.MessageCreate, (message) => {
    if (!stopping) track(onMessage(message, ctx));
  });
  // Connection trouble is logged; discord.js reconnects and resumes by itself.
  client.on(Events.Error, (error) => logger.error('discord: client error', { error }));
  client.on(Events.ShardError, (error, shard) => logger.error('discord: gateway error', { error, shard }));
  client.on(Events.ShardReconnecting, (shard) => {
    // discord.js reports its own shutdown as a reconnect too.
    if (!stopping) logger.warn('discord: gateway reconnecting', { shard });
  });
  client.on(Events.ShardResume, (shard, replayed) => logger.info('discord: gateway resumed', { shard, replayed }));
  client.on(Events.ShardDisconnect, (event, shard) => logger.error('discord: gateway disconnected for good', { code: event.code, shard }));
  client.on(Events.Warn, (message) => logger.warn('discord: warning', { message }));

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(config.token);
    await ready;
  } catch (err) {
    await client.destroy().catch(() => {});
    throw new Error(`discord: could not log in: ${err instanceof Error ? err.message : String(err)}`);
  }
  logger.info('discord: connected', { user: client.user?.tag, guilds: client.guilds.cache.size, channels: config.channels.length });

  return {
    name: 'discord',
    async stop(graceMs = DEFAULT_SHUTDOWN_GRACE_MS) {
      stopping = true;
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'over'>((r) => (timer = setTimeout(() => r('over'), graceMs)));
      const outcome = await Promise.race([Promise.allSettled([...inFlight]), graceOver]);
      clearTimeout(timer);
      if (outcome === 'over') logger.warn('discord: shutdown grace period over; disconnecting with replies unfinished', { graceMs, unfinished: inFlight.size });
      await client.destroy();
      logger.info('discord: stopped');
    },
  };
}

/** Routes an interaction; the one top-level catch for interactions. */
async function onInteraction(interaction: Interaction, ctx: DiscordContext): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) await handleCommand(interaction, ctx);
    else if (interaction.isAutocomplete()) await handleAutocomplete(interaction, ctx);
    else if (interaction.isButton()) await handleVote(interaction, ctx);
  } catch (error) {
    ctx.deps.logger.error('discord: interaction failed', { error, type: interaction.type, id: interaction.id });
    await tellInteractionError(interaction).catch((e) => ctx.deps.logger.error('discord: could not send the error message', { error: e }));
  }
}

/** Sends the fixed friendly message privately, whatever state the interaction is in. */
async function tellInteractionError(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  const notice = { ...renderDiscordNotice(FRIENDLY_ERROR), flags: MessageFlags.Ephemeral } as const;
  if (interaction.deferred && !interaction.replied) {
    if (interaction.ephemeral) {
      await interaction.editReply({ ...renderDiscordNotice(FRIENDLY_ERROR), embeds: [], components: [] });
      return;
    }
    await interaction.deleteReply().catch(() => {});
    await interaction.followUp(notice);
  } else if (interaction.replied) {
    await interaction.followUp(notice);
  } else {
    await interaction.reply(notice);
  }
}

/** Handles a message; the one top-level catch for messages (a channel reply cannot be private). */
async function onMessage(message: Message, ctx: DiscordContext): Promise<void> {
  try {
    await handleMessage(message, ctx);
  } catch (error) {
    ctx.deps.logger.error('discord: message handling failed', { error, id: message.id });
    await message.reply(renderDiscordNotice(FRIENDLY_ERROR)).catch((e) => ctx.deps.logger.error('discord: could not send the error message', { error: e }));
  }
}
