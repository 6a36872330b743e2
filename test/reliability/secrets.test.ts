/**
 * Secrets never leak: both adapters run with recognisable fake tokens, errors
 * are provoked (failing handlers, bad upstream answers, refused tokens, a bad
 * signature), and every log line, every thrown start-up error and every
 * payload sent is searched for the tokens. The logger has no secrets
 * registered, so this checks the adapters themselves, not the redaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord } from '../../src/adapters/discord/index.ts';
import { FeedbackLog } from '../../src/adapters/feedback.ts';
import { RateLimiter } from '../../src/adapters/rate-limit.ts';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/index.ts';
import { FRIENDLY_ERROR, type AdapterDeps, type RunningAdapter } from '../../src/adapters/types.ts';
import type { Engine } from '../../src/core/engine.ts';
import { createLogger } from '../../src/log.ts';
import { openEngine } from '../../src/startup.ts';
import { FakeDiscord, IDS } from '../helpers/discord-fake.ts';
import { chatMessage, human, slashCommand } from '../helpers/discord-payloads.ts';
import { startFakeSlack, waitFor, type FakeSlack } from '../helpers/slack-server.ts';
import { eventBody, postSigned, slashCommandBody } from '../helpers/slack-requests.ts';

const SLACK_TOKEN = 'xoxb-FAKE-SECRET-123';
const SIGNING_SECRET = 'FAKE-SIGNING-SECRET-456';
const DISCORD_TOKEN = 'FAKE.DISCORD.TOKEN';
const SECRETS = [SLACK_TOKEN, SIGNING_SECRET, DISCORD_TOKEN];
const FORM = 'application/x-www-form-urlencoded';

let slackFake: FakeSlack;
let discordFake: FakeDiscord;
let slack: SlackAdapter;
let discord: RunningAdapter;
let engine: Engine;
let broken = false;
/** Every log line, plus the messages of errors thrown at start-up. */
const output: string[] = [];
let n = 0;

const deps = (): AdapterDeps => ({
  engine: () => {
    if (broken) throw new Error('engine: index unavailable');
    return engine;
  },
  logger: createLogger('debug', [], (l) => output.push(l)),
  feedback: new FeedbackLog('/dev/null'),
  rateLimiter: new RateLimiter(1000),
});

beforeAll(async () => {
  engine = await openEngine();
  slackFake = await startFakeSlack();
  slack = await startSlack({ botToken: SLACK_TOKEN, signingSecret: SIGNING_SECRET, port: 0, apiUrl: slackFake.apiUrl }, deps(), {
    host: '127.0.0.1',
    botId: 'B_BOT',
    botUserId: 'U_BOT',
    clientOptions: { retryConfig: { retries: 0 } },
  });
  discordFake = await FakeDiscord.start();
  discord = await startDiscord({ token: DISCORD_TOKEN, channels: [], apiUrl: discordFake.apiUrl }, deps());
});

afterAll(async () => {
  await slack?.stop();
  await discord?.stop();
  await slackFake?.close();
  await discordFake?.close();
});

/** Where the logs and the traffic stand now: each test checks only what it caused. */
function mark() {
  return { output: output.length, slack: slackFake.calls.length, discord: discordFake.requests.length, gateway: discordFake.received.length };
}

/**
 * No token or secret in the log lines, start-up errors and payloads since `from`, and at least
 * `errors` error lines among them (so the search is over something the test provoked).
 */
function expectNoSecretsSince(from: ReturnType<typeof mark>, errors: number): void {
  const lines = output.slice(from.output);
  expect(lines.filter((l) => l.includes('"level":"error"')).length).toBeGreaterThanOrEqual(errors);
  const sent = [
    ...slackFake.calls.slice(from.slack).map((c) => JSON.stringify(c.body)),
    ...discordFake.requests.slice(from.discord).map((r) => JSON.stringify([r.body, r.response])),
    // Gateway payloads other than IDENTIFY (which must carry the token).
    ...discordFake.received.slice(from.gateway).filter((p) => p.op !== 2).map((p) => JSON.stringify(p)),
  ];
  for (const secret of SECRETS) {
    for (const line of lines) expect(line).not.toContain(secret);
    for (const body of sent) expect(body).not.toContain(secret);
  }
}

describe('secrets under errors', () => {
  it('Slack: failing handler, failing response_url, invalid_auth, HTTP 500 and a bad signature', async () => {
    const from = mark();
    // A handler error: the friendly message goes out.
    broken = true;
    await postSigned(slack.port!, slashCommandBody({ text: 'japan autos', user_id: `U_S${++n}`, response_url: slackFake.responseUrl('broken') }), FORM, { secret: SIGNING_SECRET });
    expect((await slackFake.waitForCall((c) => c.path === '/respond/broken')).body.text).toBe(FRIENDLY_ERROR);
    broken = false;

    // response_url answering 500.
    slackFake.on('respond', (_b, call) => (call.path === '/respond/r500' ? { status: 500, json: { ok: false, error: 'internal' } } : { json: { ok: true } }));
    await postSigned(slack.port!, slashCommandBody({ text: 'japan autos', user_id: `U_S${++n}`, response_url: slackFake.responseUrl('r500') }), FORM, { secret: SIGNING_SECRET });
    await waitFor(() => output.some((l) => l.includes('could not send the error message') && l.includes('500')), 'the 500 log');

    // The Web API refusing the token, then failing outright.
    slackFake.on('chat.postMessage', () => ({ json: { ok: false, error: 'invalid_auth' } }));
    slackFake.on('chat.postEphemeral', () => ({ status: 500, json: { ok: false, error: 'fatal_error' } }));
    await postSigned(slack.port!, JSON.stringify(eventBody({ type: 'app_mention', user: 'U_S', text: '<@U_BOT> japan autos', ts: '1700002000.000100', channel: 'C_S' }, 'EvS1')), 'application/json', { secret: SIGNING_SECRET });
    await waitFor(() => output.some((l) => l.includes('slack: mention failed') && l.includes('invalid_auth')), 'the invalid_auth log');
    await waitFor(() => output.some((l) => l.includes('could not send the error message') && l.includes('500')), 'the HTTP 500 log');
    // The token was really in use (so its absence below means something).
    expect(slackFake.calls.find((c) => c.method === 'chat.postMessage')!.headers.authorization).toBe(`Bearer ${SLACK_TOKEN}`);

    // A forged request.
    expect((await postSigned(slack.port!, slashCommandBody({ text: 'x', response_url: slackFake.responseUrl('forged') }), FORM, { secret: 'wrong' })).status).toBe(401);
    expectNoSecretsSince(from, 3);
  });

  it('Slack: a refused token at start-up fails without naming it', async () => {
    const from = mark();
    const own = await startFakeSlack();
    own.on('auth.test', () => ({ json: { ok: false, error: 'invalid_auth' } }));
    try {
      const error = await startSlack({ botToken: SLACK_TOKEN, signingSecret: SIGNING_SECRET, port: 0, apiUrl: own.apiUrl }, deps(), { host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      output.push(String((error as Error).message), String((error as Error).stack));
      expect((error as Error).message).toMatch(/invalid_auth/);
      // The refused request carried the token, so its absence from the error means something.
      expect(own.calls.some((c) => c.headers.authorization === `Bearer ${SLACK_TOKEN}`)).toBe(true);
      for (const secret of SECRETS) for (const line of output.slice(from.output)) expect(line).not.toContain(secret);
    } finally {
      await own.close();
    }
  });

  it('Discord: failing handler, REST 500, and a refused token at login', async () => {
    const from = mark();
    const since = discordFake.requests.length;
    broken = true;
    const interaction = slashCommand('ask', [{ name: 'question', value: 'what tariff do Japanese cars pay now?' }], human('500000000000000001', 'sec1'));
    discordFake.dispatch('INTERACTION_CREATE', interaction);
    const followUp = await discordFake.request((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${IDS.app}/${interaction.token}`, since);
    expect(followUp.body.content).toBe(FRIENDLY_ERROR);
    broken = false;

    discordFake.override = (r) => (r.method === 'POST' && r.path.endsWith('/messages') ? { status: 500, body: { message: 'Internal Server Error', code: 0 } } : undefined);
    const message = chatMessage(`<@${IDS.bot}> what tariff do Japanese cars pay now?`, { mentionBot: true, author: human('500000000000000002', 'sec2') });
    discordFake.dispatch('MESSAGE_CREATE', message);
    await waitFor(() => output.some((l) => l.includes('discord: could not send the error message')), 'the REST 500 log', 10_000);
    discordFake.override = undefined;
    expect((await discordFake.op(2)).d.token).toBe(DISCORD_TOKEN);

    const refusing = await FakeDiscord.start();
    refusing.override = (r) => (r.path.endsWith('/gateway/bot') ? { status: 401, body: { message: '401: Unauthorized', code: 0 } } : undefined);
    try {
      const error = await startDiscord({ token: DISCORD_TOKEN, channels: [], apiUrl: refusing.apiUrl }, deps()).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/^discord: could not log in/);
      output.push(String((error as Error).message), String((error as Error).stack));
    } finally {
      await refusing.close();
    }
    expectNoSecretsSince(from, 2);
  }, 20_000);
});
