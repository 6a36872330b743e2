import { execFile } from 'node:child_process';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/adapters/console.ts';
import { loadEngine } from '../../src/core/engine.ts';
import { article, tempKnowledge } from '../helpers/knowledge.ts';

// Every knowledge folder this file makes is deleted after its tests.
const makeKnowledge = tempKnowledge();

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('console', () => {
  it('answers each piped line in chat syntax and ends with the input', async () => {
    const engine = await loadEngine(await makeKnowledge({ 'articles/q.md': article({ title: 'Quota', date: '2023-01-01', publisher: 'Wire' }, 'The grain quota is 2 million tonnes this year.\n') }));
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d) => (text += d));
    const done = runConsole(() => engine, input, output);
    input.end('/help\nHow big is the grain quota?\n/deal sources\n');
    await done;
    const replies = text.trim().split('\n\n');
    expect(replies[0]).toMatch(/^dealdesk: cited answers on trade deals/);
    expect(text).toMatch(/“The grain quota is 2 million tonnes this year\.”\n {3}— Quota\. Wire, 2023-01-01 \(2023\)/);
    expect(text).toMatch(/2023-01-01: Quota \(Wire; reliability normal\)/);
  });

  it('npm start with no tokens and piped input answers and exits 0', async () => {
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      const env = { ...process.env, SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', DISCORD_TOKEN: '', DISCORD_APP_ID: '', KNOWLEDGE_DIR: '', STORE: 'off' };
      const child = execFile(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env }, (err, stdout) => resolve({ code: err ? 1 : 0, stdout }));
      child.stdin!.end('/deal japan autos\n');
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^United States–Japan: Autos/);
    expect(result.stdout).toMatch(/2019 agreement/);
    expect(result.stdout).toMatch(/2025 agreement/);
  });
});
