/**
 * SIGTERM on the real `src/main.ts` process (node --import tsx), configured
 * for Slack HTTP mode and Discord against local fakes: the answer in flight is
 * delivered, new requests are refused, both platforms stop cleanly, exit 0,
 * and no token or secret appears in anything the process printed.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../helpers/discord-fake.ts';
import { startFakeSlack, waitFor, type FakeSlack } from '../helpers/slack-server.ts';
import { postSigned, slashCommandBody } from '../helpers/slack-requests.ts';

const root = path.resolve(import.meta.dirname, '../..');
const BOT_TOKEN = 'xoxb-FAKE-SECRET-123';
const SIGNING_SECRET = 'FAKE-SIGNING-SECRET-456';
const DISCORD_TOKEN = 'FAKE.DISCORD.TOKEN';
const FORM = 'application/x-www-form-urlencoded';
/** How long the fake response_url takes to accept the in-flight answer. */
const SLOW_MS = 1500;

let slack: FakeSlack;
let discord: FakeDiscord;
let dir: string;

beforeAll(async () => {
  slack = await startFakeSlack();
  discord = await FakeDiscord.start();
  dir = await mkdtemp(path.join(tmpdir(), 'dealdesk-shutdown-'));
  // No bot ids are passed in production: the start-up token check must be served.
  slack.on('auth.test', () => ({ json: { ok: true, user_id: 'U_BOT', bot_id: 'B_BOT', team_id: 'T_TEAM' } }));
  slack.on('respond', async (_body, call) => {
    if (call.path === '/respond/inflight') await new Promise((r) => setTimeout(r, SLOW_MS));
    return { json: { ok: true } };
  });
});

afterAll(async () => {
  await slack?.close();
  await discord?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('SIGTERM', () => {
  it('finishes the answer in flight, refuses new work, disconnects and exits 0', async () => {
    const env = {
      ...process.env,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: '',
      SLACK_PORT: '0',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_APP_ID: '',
      DISCORD_GUILD_ID: '',
      DISCORD_CHANNELS: '',
      KNOWLEDGE_DIR: '',
      LOG_LEVEL: 'debug',
      FEEDBACK_FILE: path.join(dir, 'feedback.jsonl'),
      DATA_FILE: path.join(dir, 'events.sqlite'),
      STORE: '',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const lines = () => stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; [k: string]: any });
    try {
      await waitFor(() => lines().some((l) => l.msg === 'adapters started'), 'the bot to start', 15_000);
      const port = lines().find((l) => l.msg === 'slack: started')!.port as number;
      expect(slack.calls.filter((c) => c.method === 'auth.test')).toHaveLength(1);

      // A command whose answer is still being delivered when SIGTERM arrives.
      const ack = await postSigned(port, slashCommandBody({ text: 'japan autos', user_id: 'U_1', response_url: slack.responseUrl('inflight') }), FORM, { secret: SIGNING_SECRET });
      expect(ack.status).toBe(200);
      await slack.waitForCall((c) => c.path === '/respond/inflight');
      const answered = () => lines().some((l) => l.msg === 'slack: /deal answered');
      expect(answered()).toBe(false);
      child.kill('SIGTERM');
      await waitFor(() => lines().some((l) => l.msg === 'shutting down'), 'the shutdown log', 5000);

      // Draining: the health check tells the balancer to stop sending; a request that still arrives is served, not dropped.
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect([health.status, await health.json()]).toEqual([503, { status: 'draining' }]);
      const late = await postSigned(port, slashCommandBody({ text: 'japan autos', user_id: 'U_2', response_url: slack.responseUrl('late') }), FORM, { secret: SIGNING_SECRET }).then(
        (r) => r.status,
        (e: Error) => e.name,
      );
      expect(late).toBe(200);

      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 12_000))]);
      expect(code).toBe(0);
      const msgs = lines().map((l) => l.msg);
      // The in-flight answer was delivered before the process stopped.
      expect(msgs.indexOf('slack: /deal answered')).toBeGreaterThan(msgs.indexOf('shutting down'));
      expect(msgs.indexOf('slack: /deal answered')).toBeLessThan(msgs.indexOf('slack: stopped'));
      expect(slack.calls.find((c) => c.path === '/respond/inflight')!.body.response_type).toBe('in_channel');
      expect(msgs).toContain('discord: stopped');
      expect(msgs.at(-1)).toBe('stopped');
      expect(slack.calls.find((c) => c.path === '/respond/late')?.body.response_type).toBe('in_channel');
      expect(lines().filter((l) => l.level === 'error')).toEqual([]);
      // The event store was flushed and closed before exit: the answered question is in the file.
      const db = new Database(path.join(dir, 'events.sqlite'), { readonly: true });
      const recorded = db.prepare('SELECT platform, question, answered FROM questions').all();
      db.close();
      expect(recorded).toEqual([
        { platform: 'slack', question: expect.stringMatching(/japan autos/), answered: 1 },
        { platform: 'slack', question: expect.stringMatching(/japan autos/), answered: 1 },
      ]);

      // Secrets: in no log line, and in nothing sent to Slack or Discord.
      for (const secret of [BOT_TOKEN, SIGNING_SECRET, DISCORD_TOKEN]) {
        expect(stderr + stdout).not.toContain(secret);
        expect(JSON.stringify(slack.calls.map((c) => c.body))).not.toContain(secret);
        expect(JSON.stringify(discord.requests.map((r) => [r.body, r.response]))).not.toContain(secret);
      }
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 40_000);
});
