/**
 * Gateway dispatch payloads for the fake Discord: slash commands,
 * autocomplete, button clicks and messages, shaped as Discord sends them.
 */
import { ALL_PERMISSIONS, botUser, IDS, snowflake } from './discord-fake.ts';

/** A human user object. */
export function human(id: string = IDS.user, username = 'asker'): Record<string, unknown> {
  return { id, username, discriminator: '0', global_name: username, avatar: null };
}

function base(type: number, user: Record<string, unknown>): Record<string, unknown> {
  const id = snowflake();
  return {
    id,
    application_id: IDS.app,
    type,
    token: `token-${id}`,
    version: 1,
    guild_id: IDS.guild,
    channel_id: IDS.channel,
    channel: { id: IDS.channel, type: 0, guild_id: IDS.guild, name: 'general', permissions: ALL_PERMISSIONS, flags: 0 },
    member: { user, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, permissions: ALL_PERMISSIONS },
    app_permissions: ALL_PERMISSIONS,
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: {},
    context: 0,
    attachment_size_limit: 8388608,
  };
}

/** INTERACTION_CREATE for `/name option:value…` (type 2), or autocomplete (type 4) when an option is `focused`. */
export function slashCommand(
  name: string,
  options: { name: string; value: string; focused?: boolean }[] = [],
  user = human(),
): Record<string, unknown> & { id: string; token: string } {
  const autocomplete = options.some((o) => o.focused);
  const payload = base(autocomplete ? 4 : 2, user);
  payload.data = { id: '300000000000000001', name, type: 1, options: options.map((o) => ({ type: 3, name: o.name, value: o.value, ...(o.focused ? { focused: true } : {}) })) };
  return payload as Record<string, unknown> & { id: string; token: string };
}

/** INTERACTION_CREATE for a click on a button with `customId` under `message` (an API message object). */
export function buttonClick(customId: string, message: Record<string, unknown>, user = human()): Record<string, unknown> & { id: string; token: string } {
  const payload = base(3, user);
  payload.data = { custom_id: customId, component_type: 2 };
  payload.message = message;
  return payload as Record<string, unknown> & { id: string; token: string };
}

/**
 * MESSAGE_CREATE in a guild channel (or a DM when `channelId` is `IDS.dm`).
 * `mentionBot` adds the bot to `mentions` (the content should hold `<@bot>`).
 */
export function chatMessage(
  content: string,
  { channelId = IDS.channel as string, author = human(), mentionBot = false }: { channelId?: string; author?: Record<string, unknown>; mentionBot?: boolean } = {},
): Record<string, unknown> & { id: string } {
  const dm = channelId === IDS.dm;
  return {
    id: snowflake(),
    channel_id: channelId,
    // Discord says what kind of channel it is; discord.js needs it to build an uncached DM channel.
    channel_type: dm ? 1 : 0,
    ...(dm ? {} : { guild_id: IDS.guild, member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } }),
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: mentionBot ? [botUser] : [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
  } as Record<string, unknown> & { id: string };
}
