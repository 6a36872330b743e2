/**
 * The real `src/main.ts` process in Slack HTTP mode (issue 10, item 3): the
 * probe's signed `payload=null` gets a 400 instead of ending the process, an
 * unhandled promise rejection from anywhere is logged and the bot keeps
 * answering, and SIGTERM still exits 0.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, waitFor, type FakeSlack } from '../helpers/slack-server.ts';
import { postSigned, slashCommandBody } from '../helpers/slack-requests.ts';

const root = path.resolve(import.meta.dirname, '../..');
const SIGNING_SECRET = 'process-signing-secret-0123456789';
const FORM = 'application/x-www-form-urlencoded';

let slack: FakeSlack;
let dir: string;

beforeAll(async () => {
  slack = await startFakeSlack();
  dir = await mkdtemp(path.join(tmpdir(), 'dealdesk-process-'));
  slack.on('auth.test', () => ({ json: { ok: true, user_id: 'U_BOT', bot_id: 'B_BOT', team_id: 'T_TEAM' } }));
});

afterAll(async () => {
  await slack?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the bot process', () => {
  it('survives a signed malformed body and an unhandled rejection, logging both, and still answers', async () => {
    const env = {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-process-0123456789',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: '',
      SLACK_PORT: '0',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: '',
      KNOWLEDGE_DIR: '',
      LOG_LEVEL: 'info',
      FEEDBACK_FILE: path.join(dir, 'feedback.jsonl'),
      DATA_FILE: path.join(dir, 'events.sqlite'),
      STORE: 'off',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', './test/helpers/reject-on-signal.mjs', 'src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let exitCode: number | null | undefined;
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve((exitCode = code))));
    const lines = () => stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; [k: string]: any });
    try {
      await waitFor(() => lines().some((l) => l.msg === 'adapters started'), 'the bot to start', 30_000);
      const port = lines().find((l) => l.msg === 'slack: started')!.port as number;
      const answers = async (id: string) => {
        const ack = await postSigned(port, slashCommandBody({ text: 'help', user_id: `U_${id}`, response_url: slack.responseUrl(id) }), FORM, { secret: SIGNING_SECRET });
        expect(ack.status).toBe(200);
        await slack.waitForCall((c) => c.path === `/respond/${id}`, 5000);
      };

      // The probe's request: correctly signed, `payload=null`.
      const res = await postSigned(port, 'payload=null', FORM, { secret: SIGNING_SECRET });
      expect(res.status).toBe(400);
      expect(lines().find((l) => l.msg === 'slack: refused a malformed request')).toMatchObject({ level: 'warn', status: 400, reason: 'body is null, not an object' });
      await answers('after-malformed');

      // A rejection nobody handles, raised inside the running process.
      child.kill('SIGUSR2');
      const logged = await waitFor(() => lines().find((l) => l.msg === 'unhandled promise rejection; still running'), 'the rejection to be logged', 5000);
      expect(logged).toMatchObject({ level: 'error', error: { message: 'probe: a rejection nobody handles' } });
      expect(exitCode).toBeUndefined();
      await answers('after-rejection');

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (exitCode === undefined) child.kill('SIGKILL');
    }
  }, 60_000);
});
