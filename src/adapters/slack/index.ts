/** Slack adapter entry (to be built by the Slack issue). */
import type { SlackConfig } from '../../config.ts';
import type { AdapterDeps, RunningAdapter } from '../types.ts';

/** Starts the Slack app (Socket Mode with an app token, else HTTP mode). */
export async function startSlack(_config: SlackConfig, _deps: AdapterDeps): Promise<RunningAdapter> {
  throw new Error('slack: adapter not built yet');
}
