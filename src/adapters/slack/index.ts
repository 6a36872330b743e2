/**
 * The Slack adapter: `/deal`, app mentions (answered in a thread), direct
 * messages, and 👍/👎 votes, on @slack/bolt. Thin: parse, call a command,
 * render with `renderSlack`, send.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { App } from '@slack/bolt';
import type { SlackConfig } from '../../config.ts';
import { HEALTH_PATH } from '../health.ts';
import { DEFAULT_SHUTDOWN_GRACE_MS, type AdapterDeps, type RunningAdapter } from '../types.ts';
import { buildApp, identifyBot, type SlackStartOptions } from './app.ts';
import { InFlight } from './in-flight.ts';
import { registerListeners } from './listeners/index.ts';
import { SLASH_COMMAND } from './listeners/commands.ts';
import { dropMalformed } from './request-guard.ts';
import { dropDuplicates, RecentIds } from './dedup.ts';

export type { SlackStartOptions } from './app.ts';

/**
 * HTTP mode, on SIGTERM: the port stays open until no request (health checks
 * aside) has arrived for this long, then closes; at most until the grace
 * period ends. Why: a balancer learns that a replica is going from its health
 * check (now 503 "draining") a moment after the signal, and requests it sends
 * meanwhile must be served, not reset: closing the listening socket at once
 * drops the connections still waiting in its backlog.
 */
export const DRAIN_QUIET_MS = 1000;

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
  // Slack resends what it thinks was not received; answer each delivery once (dedup.ts).
  app.use(dropDuplicates(new RecentIds(options.dedup), deps.logger));
  registerListeners(app, deps, inFlight);
  // Last resort: anything a listener did not catch (listeners catch their own errors).
  app.error(async (error) => {
    deps.logger.error('slack: unhandled error', { error });
  });

  let port: number | undefined;
  let lastRequestAt = 0;
  if (mode === 'http') {
    const server: Server = await app.start(options.host ? { port: config.port, host: options.host } : config.port);
    port = (server.address() as AddressInfo).port;
    server.on('request', (req) => {
      if (!req.url?.startsWith(HEALTH_PATH)) lastRequestAt = Date.now();
    });
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
        // Stop taking new work (HTTP: once requests stop arriving, see DRAIN_QUIET_MS), then let answers in progress finish; all within the grace period.
        const deadline = Date.now() + graceMs;
        let timer: NodeJS.Timeout | undefined;
        const graceOver = new Promise<'over'>((r) => (timer = setTimeout(() => r('over'), graceMs)));
        const quiet = async () => {
          for (let wait = lastRequestAt + DRAIN_QUIET_MS - Date.now(); wait > 0 && Date.now() < deadline; wait = lastRequestAt + DRAIN_QUIET_MS - Date.now()) {
            await new Promise((r) => setTimeout(r, Math.min(wait, deadline - Date.now())));
          }
        };
        const closed = socketReceiver ? socketReceiver.client.disconnect() : quiet().then(() => app.stop());
        const outcome = await Promise.race([closed.then(() => inFlight.drain()), graceOver]);
        clearTimeout(timer);
        if (outcome === 'over') deps.logger.warn('slack: shutdown grace period over; stopping with answers unfinished', { graceMs, unfinished: inFlight.size });
        deps.logger.info('slack: stopped', { mode });
      })();
      return stopped;
    },
  };
}
