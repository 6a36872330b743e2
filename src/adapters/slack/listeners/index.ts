/** Registers every Slack listener (one module per kind, Bolt-starter style). */
import type { App } from '@slack/bolt';
import type { AdapterDeps } from '../../types.ts';
import type { InFlight } from '../in-flight.ts';
import { registerActions } from './actions.ts';
import { registerCommands } from './commands.ts';
import { registerEvents } from './events.ts';

/** Registers the command, event and action listeners on `app`. */
export function registerListeners(app: App, deps: AdapterDeps, inFlight: InFlight): void {
  registerCommands(app, deps, inFlight);
  registerEvents(app, deps, inFlight);
  registerActions(app, deps, inFlight);
}
