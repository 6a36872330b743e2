/**
 * Refuses malformed Slack requests before Bolt sees them.
 *
 * Why: Bolt's HTTP receiver trusts the shape of any correctly signed body.
 * `payload=null` makes it read `null.ssl_check` outside its own error
 * handling (an unhandled rejection, and a request that never gets an answer);
 * a command without a `response_url` or an event whose `text` is a number
 * reaches the listeners and fails there. A signature only says the request
 * came from someone holding the secret, not that its body is what Slack sends.
 *
 * In HTTP mode `guardHttpReceiver` wraps the receiver's request listener: it
 * buffers the body (Bolt reuses the buffer), lets Bolt answer bad signatures
 * (401), bad JSON (400) and Slack's `ssl_check`, and answers 400 with a log
 * line for a signed body that is not one of the shapes below. In Socket Mode
 * (bodies come over the app's own authenticated socket) `dropMalformed`, a
 * global middleware, acknowledges and logs such an envelope instead of
 * passing it to the listeners.
 *
 * It also refuses a request timestamped more than `MAX_FUTURE_SKEW_SECONDS`
 * ahead (401, a warning): Bolt refuses one over 5 minutes old but none from
 * the future, so a request signed with a time far ahead (a sender's wrong
 * clock, or one signed in advance) could be replayed from capture until 5
 * minutes after that time.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, isValidSlackRequest, type AnyMiddlewareArgs, type HTTPReceiver, type Middleware } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../../log.ts';

/**
 * Latest request timestamp accepted, in seconds ahead of our clock: the same
 * 5 minutes Bolt allows behind it (Bolt refuses older, as stale).
 */
export const MAX_FUTURE_SKEW_SECONDS = 5 * 60;

/** Largest request body read (Bolt's own default: 4 MB); bigger ones get 413. */
export const MAX_BODY_BYTES = HTTPModuleFunctions.defaultBodyLimit;

const str = z.string();
const optStr = str.optional();
const httpUrl = z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL');

/** A slash command, form-encoded: the fields our `/deal` listener and Bolt read. */
const slashCommand = z.object({
  command: z.string().regex(/^\/\S+$/, 'must be a command name such as /deal'),
  text: str,
  user_id: str.min(1),
  channel_id: str.min(1),
  team_id: optStr,
  response_url: httpUrl,
  trigger_id: optStr,
});

/** The message fields the event listeners read, each checked when present. */
const messageEvent = z.object({
  type: z.enum(['app_mention', 'message']),
  channel: str.min(1),
  ts: str.min(1),
  user: optStr,
  text: optStr,
  thread_ts: optStr,
  channel_type: optStr,
  subtype: optStr,
  bot_id: optStr,
});

/** An Events API callback; message and mention events are checked field by field (`messageEvent`). */
const eventCallback = z.object({
  type: z.literal('event_callback'),
  event_id: optStr,
  team_id: optStr,
  event: z.looseObject({ type: str.min(1) }),
});

/** A button click (`block_actions`, sent as `payload=<JSON>`). */
const blockActions = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: str.min(1) }),
  response_url: httpUrl.optional(),
  actions: z.array(z.object({ type: str, action_id: str, block_id: optStr, value: optStr })).min(1),
  message: z.object({ blocks: z.array(z.unknown()).optional() }).optional(),
});

const urlVerification = z.object({ type: z.literal('url_verification'), challenge: str.min(1) });
const appRateLimited = z.object({ type: z.literal('app_rate_limited') });

/** Envelope kinds, by their `type` field (slash commands have none). */
const BY_TYPE: Record<string, z.ZodType> = {
  event_callback: eventCallback,
  block_actions: blockActions,
  url_verification: urlVerification,
  app_rate_limited: appRateLimited,
};

/**
 * Why a parsed request body is not something this app handles, or undefined
 * when it is well formed: a slash command in `commands`, an Events API
 * callback, a `block_actions` click, a URL verification or a rate-limit notice.
 * The reason names the field, never its value (a body may carry a token).
 */
export function malformedReason(body: unknown, commands: readonly string[]): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return `body is ${body === null ? 'null' : Array.isArray(body) ? 'an array' : `a ${typeof body}`}, not an object`;
  const record = body as Record<string, unknown>;
  let schema: z.ZodType | undefined;
  if ('command' in record && !('type' in record)) schema = slashCommand;
  else if (typeof record.type === 'string') schema = BY_TYPE[record.type];
  if (!schema) return 'type: not a slash command, event, button click or URL verification';
  const problem = firstIssue(schema, body, '');
  if (problem) return problem;
  const event = (record.event ?? {}) as { type?: unknown };
  if (schema === eventCallback && (event.type === 'app_mention' || event.type === 'message')) return firstIssue(messageEvent, event, 'event.');
  if (schema === slashCommand && !commands.includes(record.command as string)) return 'command: not a command of this app';
  return undefined;
}

function firstIssue(schema: z.ZodType, value: unknown, prefix: string): string | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]!;
  return `${prefix}${issue.path.join('.') || 'body'}: ${issue.message}`;
}

/** The request's header as one string ('' when absent or repeated). */
const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : '';
};

/**
 * Wraps `receiver.requestListener` so every POST to `/slack/events` is
 * screened first (see the file comment). Other requests pass straight through.
 * @param commands the slash commands the app serves (others are refused)
 */
export function guardHttpReceiver(receiver: HTTPReceiver, options: { signingSecret: string; logger: Logger; commands: readonly string[] }): void {
  const inner: RequestListener = receiver.requestListener;
  const { logger } = options;
  const refuse = (res: ServerResponse, status: number, reason: string, req: IncomingMessage) => {
    logger.warn('slack: refused a malformed request', { status, reason, contentType: header(req, 'content-type') || undefined });
    res.writeHead(status);
    res.end();
  };
  const screen = async (req: IncomingMessage, res: ServerResponse) => {
    let buffered: IncomingMessage & { rawBody: Buffer };
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, MAX_BODY_BYTES);
    } catch (error) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && (error as { statusCode?: number }).statusCode === 413;
      return refuse(res, tooLarge ? 413 : 400, tooLarge ? `body over ${MAX_BODY_BYTES} bytes` : 'body could not be read', req);
    }
    // As Bolt does for a stale one: checked before the signature, 401 and a warning.
    const aheadSeconds = Number(header(req, 'x-slack-request-timestamp')) - Math.floor(Date.now() / 1000);
    if (aheadSeconds > MAX_FUTURE_SKEW_SECONDS) {
      logger.warn(`slack: Failed to verify authenticity: x-slack-request-timestamp must differ from system time by no more than ${MAX_FUTURE_SKEW_SECONDS / 60} minutes or request is from the future`, { status: 401, aheadSeconds });
      res.writeHead(401);
      return res.end();
    }
    const text = buffered.rawBody.toString();
    const signed = isValidSlackRequest({
      signingSecret: options.signingSecret,
      body: text,
      headers: { 'x-slack-signature': header(req, 'x-slack-signature'), 'x-slack-request-timestamp': Number(header(req, 'x-slack-request-timestamp')) },
    });
    let body: unknown;
    try {
      body = signed ? HTTPModuleFunctions.parseHTTPRequestBody(buffered) : undefined;
    } catch {
      body = undefined; // Not JSON: Bolt answers 400 and logs it.
    }
    // Unsigned (401), unparseable (400) and ssl_check requests are Bolt's to answer.
    const isSslCheck = !!body && typeof body === 'object' && (body as { ssl_check?: unknown }).ssl_check === '1';
    const reason = signed && body !== undefined && !isSslCheck ? malformedReason(body, options.commands) : undefined;
    if (reason) return refuse(res, 400, reason, req);
    inner(req, res);
  };
  receiver.requestListener = (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || pathname !== '/slack/events') return inner(req, res);
    screen(req, res).catch((error: unknown) => {
      logger.error('slack: request handling failed', { error });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
}

/**
 * Global middleware for Socket Mode: an envelope whose body is malformed is
 * acknowledged (so Slack does not resend it) and logged, and reaches no listener.
 */
export function dropMalformed(logger: Logger, commands: readonly string[]): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const reason = malformedReason(args.body, commands);
    if (!reason) return args.next();
    logger.warn('slack: ignored a malformed request', { reason });
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
  };
}
