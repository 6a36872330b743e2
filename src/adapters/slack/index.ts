/**
 * The Slack adapter: `/deal`, app mentions (answered in a thread), direct
 * messages, and 👍/👎 votes, on @slack/bolt. Thin: parse, call a command,
 * render with `renderSlack`, send.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { App } from '@slack/bolt';
import type { SlackConfig } from '../../config.ts';
import { DEFAULT_SHUTDOWN_GRACE_MS, type AdapterDeps, type RunningAdapter } from '../types.ts';
import { buildApp, identifyBot, type SlackStartOptions } from './app.ts';
import { InFlight } from './in-flight.ts';
import { registerListeners } from './listeners/index.ts';
import { SLASH_COMMAND } from './listeners/commands.ts';
import { dropMalformed } from './request-guard.ts';

export type { SlackStartOptions } from './app.ts';

/** A started Slack adapter. */
export interface SlackAdapter extends RunningAdapter {
  name: 'slack';
  mode: 'socket' | 'http';
  /** The Bolt app (for tests and diagnostics). */
  app: App;
  /** HTTP mode: the port actually listened on (useful with port 0). */
  port?: number;
}

/**
 * Starts the Slack app: Socket Mode with an app token, else HTTP mode
 * (`/slack/events` on `config.port`, requests checked with the signing secret).
 * Any error inside a handler is logged and answered with a short private
 * message; the app keeps serving.
 * @param options host, bot ids and WebClient options (tests pass `retryConfig: { retries: 0 }` and the bot ids)
 * @throws Error "slack: …" when the token is refused or the app cannot start
 */
export async function startSlack(config: SlackConfig, deps: AdapterDeps, options: SlackStartOptions = {}): Promise<SlackAdapter> {
  const ids = await identifyBot(config, options, deps);
  const { app, mode, socketReceiver } = buildApp(config, deps, ids, options, [SLASH_COMMAND]);
  const inFlight = new InFlight();
  app.use(dropMalformed(deps.logger, [SLASH_COMMAND]));
  registerListeners(app, deps, inFlight);
  // Last resort: anything a listener did not catch (listeners catch their own errors).
  app.error(async (error) => {
    deps.logger.error('slack: unhandled error', { error });
  });

  let port: number | undefined;
  if (mode === 'http') {
    const server: Server = await app.start(options.host ? { port: config.port, host: options.host } : config.port);
    port = (server.address() as AddressInfo).port;
  } else {
    await app.start();
  }
  deps.logger.info('slack: started', { mode, ...(port !== undefined ? { port } : {}), botUserId: ids.botUserId });

  let stopped: Promise<void> | undefined;
  return {
    name: 'slack',
    mode,
    app,
    port,
    stop(graceMs = DEFAULT_SHUTDOWN_GRACE_MS) {
      stopped ??= (async () => {
        // Stop taking new work first (the HTTP server stops accepting connections), then let answers in progress finish, for at most the grace period.
        let timer: NodeJS.Timeout | undefined;
        const graceOver = new Promise<'over'>((r) => (timer = setTimeout(() => r('over'), graceMs)));
        const closed = socketReceiver ? socketReceiver.client.disconnect() : app.stop();
        const outcome = await Promise.race([closed.then(() => inFlight.drain()), graceOver]);
        clearTimeout(timer);
        if (outcome === 'over') deps.logger.warn('slack: shutdown grace period over; stopping with answers unfinished', { graceMs, unfinished: inFlight.size });
        deps.logger.info('slack: stopped', { mode });
      })();
      return stopped;
    },
  };
}
