import { spawn } from 'node:child_process';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEngine } from '../src/core/engine.ts';
import { KnowledgeHolder } from '../src/knowledge-watch.ts';
import { createLogger } from '../src/log.ts';
import { article, makeKnowledge } from './helpers/knowledge.ts';

const v1 = article({ title: 'Quota', date: '2023-01-01' }, 'The grain quota is 2 million tonnes this year.\n');
const v2 = article({ title: 'Quota', date: '2023-06-01' }, 'The grain quota rises to 3 million tonnes this year.\n');

const v3 = article({ title: 'Quota', date: '2023-09-01' }, 'The grain quota rises to 4 million tonnes this year.\n');
const made: string[] = [];

async function setup() {
  const dir = await makeKnowledge({ 'articles/quota.md': v1 });
  made.push(dir);
  const lines: string[] = [];
  const logger = createLogger('info', [], (l) => lines.push(l));
  // Folder checked every 50 ms (default 1 s) so the tests are quick.
  const holder = new KnowledgeHolder(await loadEngine(dir), dir, loadEngine, logger, 50, 50);
  return { dir, holder, lines };
}

afterAll(async () => {
  for (const dir of made) for (const d of [dir, `${dir}.away`, `${dir}.next`]) await rm(d, { recursive: true, force: true });
});

const quota = (holder: KnowledgeHolder) => /(\d) million/.exec(holder.current().ask('How big is the grain quota?').citations[0]!.quote)?.[1];
const count = (lines: string[], msg: string) => lines.filter((l) => JSON.parse(l).msg === msg).length;

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('live knowledge', () => {
  it('swaps in a valid change picked up by the watcher', async () => {
    const { dir, holder, lines } = await setup();
    holder.watch();
    expect(holder.current().ask('How big is the grain quota?').citations[0]!.quote).toMatch(/2 million/);
    await writeFile(path.join(dir, 'articles', 'quota.md'), v2);
    await until(() => lines.some((l) => l.includes('knowledge reloaded')));
    expect(holder.current().ask('How big is the grain quota?').citations[0]!.quote).toMatch(/3 million/);
    await holder.close();
  });

  it('keeps the old knowledge on an invalid change and logs every problem', async () => {
    const { dir, holder, lines } = await setup();
    await writeFile(path.join(dir, 'articles', 'broken.md'), 'no front matter');
    await writeFile(path.join(dir, 'articles', 'undated.md'), article({ title: 'T' }, 'Body.'));
    expect(await holder.reload()).toBe(false);
    const logged = JSON.parse(lines.find((l) => l.includes('knowledge change rejected'))!);
    expect(logged.problems).toEqual([expect.stringMatching(/^articles\/broken\.md: missing front matter/), expect.stringMatching(/^articles\/undated\.md: date: /)]);
    expect(holder.current().ask('How big is the grain quota?').citations[0]!.quote).toMatch(/2 million/);
  });

  it('watches again after the folder is deleted and restored, says so, and keeps answering meanwhile', async () => {
    const { dir, holder, lines } = await setup();
    holder.watch();
    await rm(dir, { recursive: true });
    await until(() => count(lines, 'knowledge folder is gone; keeping the current knowledge and watching for it to come back') === 1);
    expect(quota(holder)).toBe('2');
    await mkdir(path.join(dir, 'articles'), { recursive: true });
    await writeFile(path.join(dir, 'articles', 'quota.md'), v2);
    await until(() => count(lines, 'knowledge folder is back; watching it again') === 1 && quota(holder) === '3');
    // The new watch works: a later edit is picked up.
    await writeFile(path.join(dir, 'articles', 'quota.md'), v3);
    await until(() => quota(holder) === '4');
    expect(count(lines, 'knowledge change rejected; keeping the previous knowledge')).toBe(0);
    await holder.close();
  });

  it('watches again after the folder is moved away and back, or replaced by another folder', async () => {
    const { dir, holder, lines } = await setup();
    holder.watch();
    // Moved away: the old watch would follow the folder to its new name.
    await rename(dir, `${dir}.away`);
    await until(() => count(lines, 'knowledge folder is gone; keeping the current knowledge and watching for it to come back') === 1);
    await writeFile(path.join(`${dir}.away`, 'articles', 'quota.md'), v2);
    await rename(`${dir}.away`, dir);
    await until(() => count(lines, 'knowledge folder is back; watching it again') === 1 && quota(holder) === '3');
    // Replaced in one step by another folder (a new inode the old watch never sees).
    await mkdir(path.join(`${dir}.next`, 'articles'), { recursive: true });
    await writeFile(path.join(`${dir}.next`, 'articles', 'quota.md'), v1);
    await rename(dir, `${dir}.away`);
    await rename(`${dir}.next`, dir);
    await until(() => count(lines, 'knowledge folder is back; watching it again') === 2 && quota(holder) === '2');
    await writeFile(path.join(dir, 'articles', 'quota.md'), v3);
    await until(() => quota(holder) === '4');
    await holder.close();
  });

  it('the console (npm start with no chat settings) reloads too', async () => {
    const dir = await makeKnowledge({ 'articles/quota.md': v1 });
    made.push(dir);
    const env = { ...process.env, KNOWLEDGE_DIR: dir, SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', DISCORD_TOKEN: '', STORE: 'off', LOG_LEVEL: 'info', INDEX_CACHE_DIR: path.join(dir, '..', `${path.basename(dir)}.away`) };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: path.resolve(import.meta.dirname, '..'), env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    try {
      child.stdin.write('How big is the grain quota?\n');
      await until(() => /2 million/.test(stdout), 30_000);
      await writeFile(path.join(dir, 'articles', 'quota.md'), v2);
      await until(() => stderr.includes('"msg":"knowledge reloaded"'), 30_000);
      child.stdin.write('How big is the grain quota?\n');
      await until(() => /3 million/.test(stdout), 10_000);
      child.stdin.end();
      expect(await exited).toBe(0);
    } finally {
      child.kill();
    }
  }, 60_000);

  it('answers every question during reloads with the old or the new knowledge, never an error', async () => {
    const { dir, holder } = await setup();
    const seen = new Set<string>();
    let reloads = 0;
    for (let round = 0; round < 6; round++) {
      await writeFile(path.join(dir, 'articles', 'quota.md'), round % 2 ? v1 : v2);
      const pending = holder.reload().then(() => reloads++);
      // Ask while the reload is in flight.
      for (let i = 0; i < 20; i++) {
        const quote = holder.current().ask('How big is the grain quota?').citations[0]!.quote;
        seen.add(/3 million/.test(quote) ? 'new' : /2 million/.test(quote) ? 'old' : 'other');
        await new Promise((r) => setImmediate(r));
      }
      await pending;
    }
    expect(reloads).toBe(6);
    expect([...seen].sort()).toEqual(['new', 'old']);
  });
});
