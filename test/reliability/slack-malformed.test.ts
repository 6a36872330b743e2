/**
 * Correctly signed but malformed Slack requests (issue 10, item 3), against
 * the real Bolt app in HTTP mode and in Socket Mode: every such body gets a
 * 400 (HTTP) or an ack (socket) and a log line, no listener runs, nothing is
 * left unhandled, and the next real command is answered.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/index.ts';
import { FeedbackLog } from '../../src/adapters/feedback.ts';
import { RateLimiter } from '../../src/adapters/rate-limit.ts';
import type { AdapterDeps } from '../../src/adapters/types.ts';
import { createLogger } from '../../src/log.ts';
import { openEngine } from '../../src/startup.ts';
import { startFakeSlack, type FakeSlack } from '../helpers/slack-server.ts';
import { blockActionBody, eventBody, postSigned, slashCommandBody } from '../helpers/slack-requests.ts';

const SECRET = 'malformed-signing-secret-0123456789';
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

let fake: FakeSlack;
let http: SlackAdapter;
let socket: SlackAdapter;
const logs: string[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let n = 0;

beforeAll(async () => {
  const engine = await openEngine();
  fake = await startFakeSlack();
  const deps = (): AdapterDeps => ({
    engine: () => engine,
    logger: createLogger('debug', [], (line) => logs.push(line)),
    feedback: new FeedbackLog('/nonexistent/never-written.jsonl'),
    rateLimiter: new RateLimiter(1000),
  });
  const options = { host: '127.0.0.1', botId: 'B_BOT', botUserId: 'U_BOT', clientOptions: { retryConfig: { retries: 0 } } };
  http = await startSlack({ botToken: 'xoxb-malformed-0123456789', signingSecret: SECRET, port: 0, apiUrl: fake.apiUrl }, deps(), options);
  socket = await startSlack({ botToken: 'xoxb-malformed-0123456789', appToken: 'xapp-malformed-0123456789', port: 0, apiUrl: fake.apiUrl }, deps(), options);
  await fake.connected();
  process.on('unhandledRejection', onUnhandled);
}, 60_000);

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await http?.stop();
  await socket?.stop();
  await fake?.close();
});

beforeEach(() => {
  logs.length = 0;
});
afterEach(() => {
  expect(unhandled).toEqual([]);
});

const post = (body: string, type: string) => postSigned(http.port!, body, type, { secret: SECRET });
const form = (fields: Record<string, unknown>) => new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString();
const asPayload = (value: unknown) => new URLSearchParams({ payload: JSON.stringify(value) }).toString();
const refusals = () => logs.filter((l) => l.includes('refused a malformed request')).map((l) => JSON.parse(l).reason as string);

/** A real `/deal` after the abuse: acked and answered. */
async function stillAnswers(): Promise<void> {
  const id = `after-${++n}`;
  const res = await post(slashCommandBody({ text: 'help', user_id: `U_${n}`, response_url: fake.responseUrl(id) }), FORM);
  expect(res.status).toBe(200);
  await fake.waitForCall((c) => c.path === `/respond/${id}`);
}

const validCommand = () => Object.fromEntries(new URLSearchParams(slashCommandBody({ text: 'japan autos', response_url: fake.responseUrl(`never-${++n}`) })));
const validMention = () => eventBody({ type: 'app_mention', user: 'U_ASKER', text: '<@U_BOT> japan autos', ts: '1700000000.000100', channel: 'C_GENERAL' }, `Ev${++n}`);
const validClick = () => blockActionBody({ actionId: 'dealdesk_vote_up', value: 'up|a', blockId: 'dealdesk_vote', message: { blocks: [] }, response_url: fake.responseUrl(`never-${++n}`) });

describe('signed but malformed requests (HTTP mode)', () => {
  it('refuses the probe’s `payload=null`, and every other non-object body, with 400 and a log line', async () => {
    const bodies: [string, string][] = [
      ['payload=null', FORM],
      ['payload=5', FORM],
      ['payload=%22text%22', FORM],
      ['payload=true', FORM],
      ['payload=%5B%5D', FORM],
      ['null', JSON_TYPE],
      ['42', JSON_TYPE],
      ['"text"', JSON_TYPE],
      ['false', JSON_TYPE],
      ['[{"type":"event_callback"}]', JSON_TYPE],
    ];
    for (const [body, type] of bodies) expect((await post(body, type)).status, body).toBe(400);
    expect(refusals()).toHaveLength(bodies.length);
    expect(refusals()[0]).toBe('body is null, not an object');
    await stillAnswers();
  });

  it('refuses missing fields, wrong types and repeated form keys, in form and JSON encoding, naming the field', async () => {
    const { response_url: _r, ...noResponseUrl } = validCommand();
    const cases: [string, string, RegExp][] = [
      [form(noResponseUrl), FORM, /^response_url:/],
      [form({ ...validCommand(), response_url: 'javascript:alert(1)' }), FORM, /^response_url: must be an http\(s\) URL/],
      [form({ ...validCommand(), command: 'deal' }), FORM, /^command:/],
      [form({ ...validCommand(), command: '/other' }), FORM, /^command: not a command of this app/],
      [`${form(validCommand())}&user_id=U2`, FORM, /^user_id: .*array/],
      [JSON.stringify({ ...validCommand(), text: null }), JSON_TYPE, /^text: .*null/],
      [JSON.stringify({ ...validMention(), event: null }), JSON_TYPE, /^event: .*null/],
      [JSON.stringify({ ...validMention(), event: { ...(validMention().event as object), text: 5 } }), JSON_TYPE, /^event\.text: .*number/],
      [JSON.stringify({ ...validMention(), event: { type: 'message' } }), JSON_TYPE, /^event\.channel:/],
      [JSON.stringify({ type: 'url_verification' }), JSON_TYPE, /^challenge:/],
      [JSON.stringify({ type: 'no_such_kind' }), JSON_TYPE, /^type: not a slash command/],
      [JSON.stringify({}), JSON_TYPE, /^type: /],
      [asPayload({ ...validClick(), actions: null }), FORM, /^actions:/],
      [asPayload({ ...validClick(), user: 'U1' }), FORM, /^user:/],
      [asPayload({ ...validClick(), actions: [{ type: 'button', action_id: 7 }] }), FORM, /^actions\.0\.action_id:/],
    ];
    for (const [body, type, reason] of cases) {
      logs.length = 0;
      expect((await post(body, type)).status, body).toBe(400);
      expect(refusals(), body).toEqual([expect.stringMatching(reason)]);
    }
    // No listener ran for any of them: nothing was answered or posted.
    expect(fake.calls.filter((c) => c.path.startsWith('/respond/never-') || c.method === 'chat.postMessage')).toEqual([]);
    await stillAnswers();
  });

  it('any field of a real command, mention or click set to a wrong type or removed: 400, never a crash (property, fixed seed)', async () => {
    const wrong = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.string(), { maxKeys: 2 }));
    const fields = {
      command: ['command', 'text', 'user_id', 'channel_id', 'response_url'],
      mention: ['type', 'event', 'event.type', 'event.channel', 'event.ts', 'event.user', 'event.text'],
      click: ['type', 'user', 'user.id', 'actions', 'actions.0', 'actions.0.action_id', 'actions.0.value', 'response_url'],
    } as const;
    // Fields that may be absent (but never of the wrong type).
    const optional = new Set(['event.user', 'event.text', 'actions.0.value', 'click:response_url']);
    const kind = fc.constantFrom('command', 'mention', 'click') as fc.Arbitrary<keyof typeof fields>;
    const cases = kind.chain((k) => fc.tuple(fc.constant(k), fc.constantFrom(...fields[k]), fc.option(wrong, { nil: undefined, freq: 4 }), fc.boolean()));
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(cases, async ([k, field, value, asJson]) => {
        const body: Record<string, any> = k === 'command' ? validCommand() : k === 'mention' ? validMention() : validClick();
        const keys = field.split('.');
        const last = keys.at(-1)!;
        const holder = keys.slice(0, -1).reduce((o, key) => o[key], body);
        const remove = value === undefined && !optional.has(field) && !optional.has(`${k}:${field}`);
        if (remove && Array.isArray(holder)) holder.splice(Number(last), 1);
        else if (remove) delete holder[last];
        else holder[last] = value ?? null;
        let encoded: string;
        let type = JSON_TYPE;
        if (k === 'command' && !asJson) {
          // A form field is always text: the wrong shapes are a missing field and a repeated one.
          if (!remove) delete body[last];
          encoded = remove ? form(body) : `${form({ ...validCommand(), ...body, [last]: 'x' })}&${last}=y`;
          type = FORM;
        } else if (k === 'click' || !asJson) {
          encoded = asPayload(body);
          type = FORM;
        } else encoded = JSON.stringify(body);
        const res = await post(encoded, type);
        runs++;
        expect(res.status, `${k} ${field} ${remove ? 'removed' : `= ${JSON.stringify(value ?? null)}`} (${type})`).toBe(400);
      }),
      { seed: 10, numRuns: 150 },
    );
    expect(refusals()).toHaveLength(runs);
    await stillAnswers();
  });

  it('still answers 401 to a malformed body with a bad signature, and serves Slack’s URL verification and ssl_check', async () => {
    const bad = await postSigned(http.port!, 'payload=null', FORM, { secret: 'not-the-secret' });
    expect(bad.status).toBe(401);
    expect(refusals()).toEqual([]);
    const verify = await post(JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 't' }), JSON_TYPE);
    expect(verify).toEqual({ status: 200, text: JSON.stringify({ challenge: 'abc123' }) });
    const ssl = await fetch(`http://127.0.0.1:${http.port}/slack/events`, { method: 'POST', headers: { 'content-type': FORM }, body: 'ssl_check=1&token=x' });
    expect(ssl.status).toBe(200);
    await stillAnswers();
  });

  it('refuses a body over 4 MB with 413 without reading the rest', async () => {
    const res = await post(`payload=${'x'.repeat(4 * 1024 * 1024 + 10)}`, FORM);
    expect(res.status).toBe(413);
    expect(refusals()).toEqual([expect.stringMatching(/^body over 4194304 bytes/)]);
  });
});

describe('malformed envelopes (Socket Mode)', () => {
  it('acks them on the socket, logs them and runs no listener', async () => {
    const { response_url: _r, ...noResponseUrl } = validCommand();
    const envelopes = [
      { envelope_id: 'bad-1', type: 'slash_commands', accepts_response_payload: true, payload: noResponseUrl },
      { envelope_id: 'bad-2', type: 'events_api', accepts_response_payload: false, payload: { ...validMention(), event: { ...(validMention().event as object), text: 5 } } },
      { envelope_id: 'bad-3', type: 'interactive', accepts_response_payload: false, payload: { ...validClick(), user: null } },
    ];
    for (const e of envelopes) {
      fake.send(e);
      await fake.waitForAck(e.envelope_id);
    }
    const ignored = () => logs.filter((l) => l.includes('ignored a malformed request')).map((l) => JSON.parse(l).reason);
    await new Promise((r) => setTimeout(r, 50));
    expect(ignored()).toEqual([expect.stringMatching(/^response_url:/), expect.stringMatching(/^event\.text:/), expect.stringMatching(/^user:/)]);
    expect(fake.calls.filter((c) => c.path.startsWith('/respond/never-') || c.method === 'chat.postMessage')).toEqual([]);
  });
});
