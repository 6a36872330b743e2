/** The discord.js client, configured for dealdesk (intents, partials, safe defaults). */
import { Client, GatewayIntentBits, Partials } from 'discord.js';
import type { DiscordConfig } from '../../config.ts';

/**
 * Gateway intents: guilds (channel cache), guild and DM messages, and the
 * privileged Message Content intent (enable it in the Developer Portal) so
 * channel questions can be read.
 */
export const DISCORD_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages] as const;

/**
 * Creates (does not log in) the client. `config.apiUrl` replaces Discord's REST
 * base (proxies, end-to-end tests); the gateway URL then comes from that
 * server's `/gateway/bot`.
 */
export function createDiscordClient(config: Pick<DiscordConfig, 'apiUrl'>): Client {
  return new Client({
    intents: [...DISCORD_INTENTS],
    // DM channels are not cached ahead of time; without this partial DMs are dropped.
    partials: [Partials.Channel],
    // Default for every message, on top of the per-message setting: nothing we send can ping.
    allowedMentions: { parse: [] },
    // Replying to a message deleted meanwhile should post anyway, not throw.
    failIfNotExists: false,
    rest: config.apiUrl ? { api: config.apiUrl } : {},
  });
}
