/**
 * Discord slash-command registration data, generated from the platform-neutral
 * definitions in `commands/` (the deploy script sends this; the bot itself never
 * registers commands). Built with discord.js's `SlashCommandBuilder`, which
 * validates names, description lengths and option order as it goes.
 */
import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { commands as allCommands } from '../../../commands/index.ts';
import type { Command } from '../../../commands/types.ts';

/** Discord's longest command or option description. */
const MAX_DESCRIPTION = 100;
/** Discord's longest string option value. */
const MAX_STRING_OPTION = 6000;

function clip(text: string): string {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…`;
}

/**
 * The JSON body for `PUT /applications/{app}/commands` (or the guild route):
 * one chat-input command per entry in `commands`, every option a string
 * (autocomplete on for partner and topic), required options first as Discord demands.
 * Usable in servers and in DMs with the bot.
 * @throws from the builder when a definition breaks Discord's rules (e.g. an upper-case name).
 */
export function discordCommandData(list: readonly Command[] = allCommands): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return list.map((command) => {
    const builder = new SlashCommandBuilder()
      .setName(command.name)
      .setDescription(clip(command.description))
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
    const options = [...command.options].sort((a, b) => Number(b.required) - Number(a.required));
    for (const option of options) {
      builder.addStringOption((o) => {
        o.setName(option.name).setDescription(clip(option.description)).setRequired(option.required);
        if (option.autocomplete) o.setAutocomplete(true);
        if (option.maxLength) o.setMaxLength(Math.min(option.maxLength, MAX_STRING_OPTION));
        return o;
      });
    }
    return builder.toJSON();
  });
}
