/**
 * The Slack app manifest, generated from the command definitions in
 * `commands/` (the `/deal` slash command, its usage hint and description),
 * plus the events, scopes and settings the adapter needs.
 */
import { writeFile } from 'node:fs/promises';
import { commands } from '../../../commands/index.ts';
import type { Command } from '../../../commands/types.ts';
import { SLASH_COMMAND } from './listeners/commands.ts';

/** Bot events the adapter listens to. */
export const BOT_EVENTS = ['app_mention', 'message.im'] as const;

/**
 * Bot scopes: `/deal` (commands), mentions (app_mentions:read), replies and
 * private replies (chat:write), direct messages (im:history, im:read).
 */
export const BOT_SCOPES = ['app_mentions:read', 'chat:write', 'commands', 'im:history', 'im:read'] as const;

/** Options for the manifest. */
export interface ManifestOptions {
  /** App and bot name; default `dealdesk`. */
  name?: string;
  /**
   * HTTP mode: the public base URL (e.g. `https://bot.example.com`); requests
   * then go to `<base>/slack/events` and Socket Mode is off. Default: Socket Mode.
   */
  httpBaseUrl?: string;
}

/** `[partner] [topic]` from a command's options (required ones in `<>`). */
export function optionHint(command: Command): string {
  return command.options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`)).join(' ');
}

/** The `/deal` entry: the `deal` command's description and options, plus what else `/deal` accepts. */
export function slashCommandEntry(command: Command, url?: string): Record<string, unknown> {
  // The other commands /deal takes as its first word, each with its options: "check <claim> | timeline [partner] [topic] | sources | help".
  const others = commands.filter((c) => c !== command && c.name !== 'ask').map((c) => `${c.name} ${optionHint(c)}`.trim());
  return {
    command: SLASH_COMMAND,
    description: command.description.slice(0, 100),
    usage_hint: `${optionHint(command)} | a question? | ${others.join(' | ')}`,
    should_escape: false,
    ...(url ? { url } : {}),
  };
}

/** Builds the manifest object (Slack's JSON manifest format). */
export function buildSlackManifest(options: ManifestOptions = {}): Record<string, unknown> {
  const name = options.name ?? 'dealdesk';
  const deal = commands.find((c) => `/${c.name}` === SLASH_COMMAND);
  if (!deal) throw new Error(`slack: no "${SLASH_COMMAND.slice(1)}" command in commands/index.ts to build the manifest from`);
  const url = options.httpBaseUrl ? `${options.httpBaseUrl.replace(/\/+$/, '')}/slack/events` : undefined;
  return {
    display_information: {
      name,
      description: 'Answers trade-deal questions with verbatim, dated, attributed quotes.',
      long_description:
        'dealdesk answers questions about trade deals with word-for-word quotes from named, dated sources, and says so when it has none. Use /deal with a partner and topic (/deal <partner> <topic>) or a question, check a claim (/deal check <claim>), see what happened when (/deal timeline <partner> [topic]), mention it in a channel, or message it directly.',
      background_color: '#1f3a5f',
    },
    features: {
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: name, always_online: true },
      slash_commands: [slashCommandEntry(deal, url)],
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(url ? { request_url: url } : {}), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !url,
      token_rotation_enabled: false,
    },
  };
}

/** Writes the manifest as pretty JSON to `file`. */
export async function writeSlackManifest(file: string, options: ManifestOptions = {}): Promise<void> {
  await writeFile(file, JSON.stringify(buildSlackManifest(options), null, 2) + '\n', 'utf8');
}
