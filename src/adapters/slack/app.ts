/**
 * Builds the Bolt app for a configuration: Socket Mode when there is an app
 * token (no public URL needed), else HTTP mode with the signing secret.
 */
import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { SlackConfig } from '../../config.ts';
import type { AdapterDeps } from '../types.ts';
import { boltLogger } from './bolt-logger.ts';
import type { DedupOptions } from './dedup.ts';
import { healthRoutes } from './health-route.ts';
import { guardHttpReceiver, malformedReason } from './request-guard.ts';

/** Extra settings for `startSlack`, mainly for tests against local servers. */
export interface SlackStartOptions {
  /** Interface the HTTP mode server listens on; default all interfaces. */
  host?: string;
  /**
   * The bot's ids. When both are given the start-up `auth.test` call is
   * skipped (tests); otherwise it runs once to check the token and learn them.
   */
  botId?: string;
  botUserId?: string;
  /** Merged over the WebClient options (e.g. `retryConfig: { retries: 0 }` in tests). */
  clientOptions?: webApi.WebClientOptions;
  /** Longest wait for one outgoing HTTP request (`response_url`, one Web API attempt); default `REQUEST_TIMEOUT_MS`. */
  requestTimeoutMs?: number;
  /** The repeated-delivery filter's window, bound and clock (`dedup.ts`); defaults for production. */
  dedup?: DedupOptions;
}

/** Default for `requestTimeoutMs`: 10 s. */
export const REQUEST_TIMEOUT_MS = 10_000;

/**
 * `fetch` that gives up after `ms` unless the caller brought its own signal.
 * Why: Bolt's `respond()` posts to `response_url` with no timeout, so a
 * `response_url` that never answers would hold a handler (and shutdown) for
 * minutes; the WebClient has no timeout by default either.
 */
export function fetchWithTimeout(ms: number): typeof fetch {
  return (input, init) => fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(ms) });
}

/** The Bolt app, plus the Socket Mode receiver when in that mode (its client is needed to stop cleanly). */
export interface BuiltApp {
  app: App;
  mode: 'socket' | 'http';
  socketReceiver?: SocketModeReceiver;
}

/** The WebClient options for a configuration: `SLACK_API_URL` becomes `slackApiUrl`; every request gets a timeout. */
export function clientOptionsFor(config: SlackConfig, options: SlackStartOptions): webApi.WebClientOptions {
  return { fetch: fetchWithTimeout(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS), ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), ...options.clientOptions };
}

/**
 * Checks the bot token once at start-up (`auth.test`) and returns the bot's
 * ids, so a wrong token fails at start with a clear message.
 * @throws Error "slack: …" naming Slack's error code (never the token)
 */
export async function identifyBot(config: SlackConfig, options: SlackStartOptions, deps: AdapterDeps): Promise<{ botId: string; botUserId: string }> {
  if (options.botId && options.botUserId) return { botId: options.botId, botUserId: options.botUserId };
  // Bounded retries: start-up should fail within minutes, not retry for half an hour.
  const web = new webApi.WebClient(config.botToken, { retryConfig: webApi.retryPolicies.fiveRetriesInFiveMinutes, ...clientOptionsFor(config, options), logger: boltLogger(deps.logger) });
  let result;
  try {
    result = await web.auth.test();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
    throw new Error(`slack: the bot token was not accepted (auth.test: ${code})`);
  }
  if (!result.bot_id || !result.user_id) throw new Error('slack: auth.test did not return the bot ids; is SLACK_BOT_TOKEN a bot token (xoxb-)?');
  return { botId: result.bot_id, botUserId: result.user_id };
}

/**
 * Creates the Bolt app (not started, no listeners yet).
 * @param commands the slash commands the listeners serve; HTTP requests for others are refused
 */
export function buildApp(config: SlackConfig, deps: AdapterDeps, ids: { botId: string; botUserId: string }, options: SlackStartOptions = {}, commands: readonly string[] = []): BuiltApp {
  const logger = boltLogger(deps.logger);
  const clientOptions = clientOptionsFor(config, options);
  const common = { token: config.botToken, botId: ids.botId, botUserId: ids.botUserId, logger, clientOptions };
  if (config.appToken) {
    // Our own receiver, so stop() can wait for the socket to close.
    const socketReceiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger,
      installerOptions: { clientOptions: { ...clientOptions } },
      // A body Bolt cannot even route (e.g. `user: null` on a click) fails before any middleware: ack it (a resend would fail the same way) and log why.
      processEventErrorHandler: async ({ error, event }) => {
        const reason = malformedReason(event.body, commands);
        if (reason) deps.logger.warn('slack: ignored a malformed request', { reason });
        else deps.logger.error('slack: an envelope could not be processed', { error });
        return !!reason;
      },
    });
    return { app: new App({ ...common, receiver: socketReceiver }), mode: 'socket', socketReceiver };
  }
  if (!config.signingSecret) throw new Error('slack: SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) is required');
  // Our own receiver, so malformed signed bodies are refused before Bolt reads them (request-guard.ts).
  const receiver = new HTTPReceiver({ signingSecret: config.signingSecret, port: config.port, logger, customRoutes: healthRoutes(deps.health) });
  guardHttpReceiver(receiver, { signingSecret: config.signingSecret, logger: deps.logger, commands });
  return { app: new App({ ...common, receiver }), mode: 'http' };
}
