/**
 * The Slack adapter in Socket Mode, end to end: the real Bolt app opens a
 * connection through a local `apps.connections.open`, a local WebSocket server
 * delivers envelopes, and the acks come back on the socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/index.ts';
import { FeedbackLog } from '../../src/adapters/feedback.ts';
import { RateLimiter } from '../../src/adapters/rate-limit.ts';
import { answerLine } from '../../commands/index.ts';
import type { Engine } from '../../src/core/engine.ts';
import { createLogger } from '../../src/log.ts';
import { renderSlack } from '../../src/render/slack.ts';
import { openEngine } from '../../src/startup.ts';
import { startFakeSlack, type FakeSlack } from '../helpers/slack-server.ts';
import { eventBody } from '../helpers/slack-requests.ts';

const BOT_TOKEN = 'xoxb-socket-bot-token-0123456789';
const APP_TOKEN = 'xapp-socket-app-token-0123456789';

let fake: FakeSlack;
let adapter: SlackAdapter;
let engine: Engine;
const logs: string[] = [];

beforeAll(async () => {
  engine = await openEngine();
  fake = await startFakeSlack();
  adapter = await startSlack(
    { botToken: BOT_TOKEN, appToken: APP_TOKEN, port: 0, apiUrl: fake.apiUrl },
    {
      engine: () => engine,
      logger: createLogger('debug', [], (line) => logs.push(line)),
      feedback: new FeedbackLog('/nonexistent/never-written.jsonl'),
      rateLimiter: new RateLimiter(10),
    },
    { botId: 'B_BOT', botUserId: 'U_BOT', clientOptions: { retryConfig: { retries: 0 } } },
  );
  await fake.connected();
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

describe('slack Socket Mode', () => {
  it('connects through apps.connections.open with the app token', () => {
    expect(adapter.mode).toBe('socket');
    const open = fake.calls.find((c) => c.method === 'apps.connections.open');
    expect(open?.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
  });

  it('acks a slash_commands envelope on the socket and answers at the response_url', async () => {
    fake.send({
      envelope_id: 'env-slash-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'legacy',
        team_id: 'T_TEAM',
        channel_id: 'C_GENERAL',
        user_id: 'U_SOCK',
        command: '/deal',
        text: 'japan autos',
        api_app_id: 'A_APP',
        response_url: fake.responseUrl('sock-1'),
        trigger_id: '1.2.3',
      },
    });
    const ack = await fake.waitForAck('env-slash-1');
    expect(ack.envelope_id).toBe('env-slash-1');
    const { body } = await fake.waitForCall((c) => c.path === '/respond/sock-1');
    const { response_type, ...message } = body;
    expect(response_type).toBe('in_channel');
    expect(message).toEqual(renderSlack(answerLine(engine, '/deal japan autos')));
  });

  it('acks an events_api app mention and answers in its thread', async () => {
    fake.send({
      envelope_id: 'env-event-1',
      type: 'events_api',
      accepts_response_payload: false,
      payload: eventBody({ type: 'app_mention', user: 'U_SOCK', text: '<@U_BOT> what tariff do Japanese cars pay now?', ts: '1700000500.000100', channel: 'C_GENERAL' }, 'EvSock1'),
    });
    expect((await fake.waitForAck('env-event-1')).envelope_id).toBe('env-event-1');
    const call = await fake.waitForCall((c) => c.method === 'chat.postMessage' && c.body.thread_ts === '1700000500.000100');
    expect(call.body.blocks).toEqual(renderSlack(answerLine(engine, 'what tariff do Japanese cars pay now?')).blocks);
  });

  it('never logs the tokens', () => {
    const all = logs.join('\n');
    expect(all).toContain('slack: started');
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(APP_TOKEN);
  });

  it('stop() closes the socket', async () => {
    await adapter.stop();
    await fake.clientClosed();
  });
});
