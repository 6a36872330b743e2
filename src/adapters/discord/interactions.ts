/**
 * Interaction handlers: slash commands, autocomplete and vote buttons. Thin:
 * parse the interaction, run a command from `commands/`, render, send.
 */
import { MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { answerOrUserError, findCommand, runCommand } from '../../../commands/index.ts';
import { renderDiscord, renderDiscordNotice } from '../../render/discord.ts';
import { inTurn } from '../answer-queue.ts';
import { recordAnswer } from '../record.ts';
import { rateLimitedMessage } from '../types.ts';
import { autocompleteChoices } from './autocomplete.ts';
import type { DiscordContext } from './context.ts';
import { answerPayload } from './payload.ts';
import { parseVoteId, wantsVotes } from './votes.ts';

/**
 * `/deal`, `/ask`, `/sources`, `/help`. Acknowledges first (deferReply, private
 * for help and sources) so Discord's 3-second limit never bites, then edits the
 * reply with the answer. A user error on a public command is shown privately:
 * the public placeholder is deleted and a private follow-up sent instead.
 */
export async function handleCommand(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  const { deps, memory } = ctx;
  const limit = await deps.rateLimiter.check(interaction.user.id);
  if (!limit.ok) {
    await interaction.reply({ ...renderDiscordNotice(rateLimitedMessage(limit.retryAfterSeconds)), flags: MessageFlags.Ephemeral });
    return;
  }
  const name = interaction.commandName;
  const ephemeral = findCommand(name)?.ephemeral ?? true;
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});

  const options: Record<string, unknown> = {};
  for (const o of interaction.options.data) if (o.value !== undefined) options[o.name] = o.value;
  const shown = typeof options.question === 'string' ? options.question : [`/${name}`, ...Object.values(options).map(String)].join(' ');
  // In its own event-loop turn, so other interactions' acks go out during bursts.
  const answer = await inTurn(() => answerOrUserError(shown.trim(), () => runCommand(deps.engine(), name, options)));
  recordAnswer(deps.events, 'discord', interaction.user.id, answer);

  if (answer.kind === 'error' && !ephemeral) {
    // A public "thinking…" placeholder cannot become private: remove it and answer privately.
    await interaction.deleteReply();
    await interaction.followUp({ ...renderDiscord(answer), flags: MessageFlags.Ephemeral });
    return;
  }
  const message = await interaction.editReply(answerPayload(answer));
  if (wantsVotes(answer)) memory.remember(message.id, answer);
  deps.logger.info('discord: answered command', { command: name, kind: answer.kind, citations: answer.citations.length });
}

/** Suggestions for `/deal partner:` and `/deal topic:` as the user types. */
export async function handleAutocomplete(interaction: AutocompleteInteraction, ctx: DiscordContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const option = findCommand(interaction.commandName)?.options.find((o) => o.name === focused.name);
  const choices = option?.autocomplete ? autocompleteChoices(ctx.deps.engine(), option.autocomplete, String(focused.value ?? '')) : [];
  await interaction.respond(choices);
}

/** A 👍/👎 click: logged to the feedback file with the question and cited articles, thanked privately. */
export async function handleVote(interaction: ButtonInteraction, ctx: DiscordContext): Promise<void> {
  const parsed = parseVoteId(interaction.customId);
  if (!parsed) {
    // Not one of ours: acknowledge silently so Discord shows no failure.
    await interaction.deferUpdate();
    return;
  }
  const remembered = ctx.memory.get(interaction.message.id);
  // After a restart the memory is empty; the embed title holds the question.
  const title = interaction.message.embeds[0]?.title ?? '';
  const question = remembered?.question ?? title.replace(/^Briefing: /, '');
  await ctx.deps.feedback.record({
    platform: 'discord',
    question,
    articleIds: remembered?.articleIds ?? parsed.articleIds,
    vote: parsed.vote,
    user: interaction.user.id,
  });
  const thanks = parsed.vote === 'up' ? 'Thanks for the 👍, noted.' : 'Thanks for the 👎, noted: it helps improve the answers.';
  await interaction.reply({ ...renderDiscordNotice(thanks), flags: MessageFlags.Ephemeral });
}
