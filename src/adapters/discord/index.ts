/** Discord adapter entry (to be built by the Discord issue). */
import type { DiscordConfig } from '../../config.ts';
import type { AdapterDeps, RunningAdapter } from '../types.ts';

/** Logs the Discord client in and starts answering. */
export async function startDiscord(_config: DiscordConfig, _deps: AdapterDeps): Promise<RunningAdapter> {
  throw new Error('discord: adapter not built yet');
}
