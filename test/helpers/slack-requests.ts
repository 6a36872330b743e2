/**
 * Signed requests to a Bolt app in HTTP mode, as Slack sends them:
 * `x-slack-signature: v0=HMAC_SHA256(secret, "v0:" + ts + ":" + body)`.
 */
import { createHmac } from 'node:crypto';

/** Signing options; `timestamp` in seconds (default now). */
export interface SignOptions {
  secret: string;
  timestamp?: number;
}

/** The two signature headers for a body. */
export function signatureHeaders(body: string, { secret, timestamp = Math.floor(Date.now() / 1000) }: SignOptions): Record<string, string> {
  const signature = 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

/** POSTs a body to `/slack/events`, signed; returns status and text. */
export async function postSigned(port: number, body: string, contentType: string, sign: SignOptions): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...signatureHeaders(body, sign) },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** A slash command, form-encoded as Slack sends it. */
export function slashCommandBody(fields: { text: string; user_id?: string; response_url: string; channel_id?: string }): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T_TEAM',
    team_domain: 'example',
    channel_id: fields.channel_id ?? 'C_GENERAL',
    channel_name: 'general',
    user_id: fields.user_id ?? 'U_ASKER',
    user_name: 'asker',
    command: '/deal',
    text: fields.text,
    api_app_id: 'A_APP',
    is_enterprise_install: 'false',
    response_url: fields.response_url,
    trigger_id: '1.2.3',
  }).toString();
}

/** An Events API callback body around `event`. */
export function eventBody(event: Record<string, unknown>, id = 'Ev1'): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T_TEAM',
    api_app_id: 'A_APP',
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: id,
    event_time: 1700000000,
    authorizations: [{ team_id: 'T_TEAM', user_id: 'U_BOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** A `block_actions` payload for a button click on a message. */
export function blockActionBody(fields: { actionId: string; value: string; blockId: string; message: Record<string, unknown>; response_url: string; user?: string }): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: fields.user ?? 'U_VOTER', username: 'voter', name: 'voter', team_id: 'T_TEAM' },
    api_app_id: 'A_APP',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C_GENERAL', is_ephemeral: false },
    trigger_id: '1.2.3',
    team: { id: 'T_TEAM', domain: 'example' },
    channel: { id: 'C_GENERAL', name: 'general' },
    message: { type: 'message', ts: '1700000000.000100', bot_id: 'B_BOT', ...fields.message },
    response_url: fields.response_url,
    actions: [{ type: 'button', action_id: fields.actionId, block_id: fields.blockId, value: fields.value, action_ts: '1700000001.000200', text: { type: 'plain_text', text: 'vote' } }],
  };
}
