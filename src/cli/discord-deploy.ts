/**
 * `npm run discord:deploy`: registers the slash commands generated from
 * `commands/` with Discord, in one server (`DISCORD_GUILD_ID`: instant) or
 * globally (can take up to an hour to show). Separate from `npm start`: the bot
 * never registers commands when it connects. Needs `DISCORD_TOKEN` and
 * `DISCORD_APP_ID`; honours `DISCORD_API_URL`. Never prints the token.
 */
import { REST, Routes } from 'discord.js';
import { discordCommandData } from '../adapters/discord/command-data.ts';
import { ConfigError, readConfig } from '../config.ts';

/** Registers the commands; returns the line to print. @throws Error prefixed `discord-deploy:` */
async function deployCommands(): Promise<string> {
  const config = readConfig();
  const discord = config.discord;
  if (!discord?.token || !discord.appId) {
    const missing = [!discord?.token && 'DISCORD_TOKEN', !discord?.appId && 'DISCORD_APP_ID'].filter(Boolean).join(' and ');
    throw new Error(`discord-deploy: ${missing} must be set (in .env or the environment): the bot token and the application id from the Discord Developer Portal.`);
  }
  const body = discordCommandData();
  const rest = new REST({ version: '10', ...(discord.apiUrl ? { api: discord.apiUrl } : {}) }).setToken(discord.token);
  const route = discord.guildId ? Routes.applicationGuildCommands(discord.appId, discord.guildId) : Routes.applicationCommands(discord.appId);
  try {
    await rest.put(route, { body });
  } catch (err) {
    throw new Error(`discord-deploy: Discord refused the commands: ${err instanceof Error ? err.message : String(err)}`);
  }
  const names = body.map((c) => `/${c.name}`).join(', ');
  return discord.guildId
    ? `discord-deploy: registered ${body.length} commands (${names}) in server ${discord.guildId}; they are usable now.`
    : `discord-deploy: registered ${body.length} commands (${names}) globally; Discord can take up to an hour to show them.`;
}

deployCommands().then(
  (line) => process.stdout.write(line + '\n'),
  (err) => {
    process.stderr.write(`${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
