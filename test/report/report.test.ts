/**
 * `npm run report`: the store is filled by driving the real console
 * (`src/main.ts` with questions on standard input) plus an old feedback.jsonl
 * it imports, then the real report CLI reads it back, as JSON and as text.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, wordingKey } from '../../src/report/build.ts';
import { parseSince } from '../../src/report/since.ts';
import { article, makeKnowledge } from '../helpers/knowledge.ts';

const root = path.resolve(import.meta.dirname, '../..');
let kb: string;
let dir: string;

const QUESTIONS = [
  'How big is the wheat import quota?',
  'What are the steel duties now?',
  'What is the tuna catch limit?',
  'what are the limits on tuna catches',
  'What is the Tuna catch limit?',
  'Who won the football match?',
  '/help',
  '/deal sources',
];

beforeAll(async () => {
  kb = await makeKnowledge({
    'articles/grain.md': article(
      { title: 'Grain quota raised', date: '2023-03-01', publisher: 'Farm Wire' },
      'The government raised the wheat import quota to 2 million tonnes this year, officials said on Monday.\n\nRice imports stay capped at 500,000 tonnes under the old agreement.\n',
    ),
    'articles/steel.md': article(
      { title: 'Steel duties cut', date: '2024-06-10', publisher: 'Metal Daily' },
      'Steel duties fall from 25 percent to 10 percent starting in July, the trade ministry announced.\n\nThe cut applies to flat-rolled steel and aluminium sheet.\n',
    ),
    'articles/unused.md': article({ title: 'Port strike ends', date: '2024-01-05', publisher: 'Harbour News' }, 'Dock workers returned to work after a two-week strike over wages at the container terminal.\n'),
    'topics.yaml': 'topics:\n  - id: grain\n    name: Grain\n    synonyms: [wheat, rice, grain]\n  - id: metals\n    name: Metals\n    synonyms: [steel, aluminium]\n  - id: fisheries\n    name: Fisheries\n    synonyms: [fish, tuna]\n',
  });
  dir = await mkdtemp(path.join(tmpdir(), 'dealdesk-report-'));
});

afterAll(async () => {
  await rm(kb, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
});

function run(script: string, args: string[], env: Record<string, string>, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: { ...process.env, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input ?? '');
  });
}

describe('npm run report on a store filled through the console', () => {
  it('reports abstentions grouped by wording, votes down, answers per topic and source, sources never cited', async () => {
    const env = {
      SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', DISCORD_TOKEN: '', DISCORD_APP_ID: '',
      KNOWLEDGE_DIR: kb, DATA_FILE: path.join(dir, 'data', 'dealdesk.sqlite'), FEEDBACK_FILE: path.join(dir, 'feedback.jsonl'), STORE: '', STORE_SALT: '', LOG_LEVEL: 'info',
    };
    // Votes from before the store existed: main imports them once at start-up.
    const old = [
      { time: new Date(Date.now() - 3_600_000).toISOString(), platform: 'slack', question: 'What are the steel duties now?', articleIds: ['steel'], vote: 'down', user: 'U_1' },
      { time: new Date(Date.now() - 3_000_000).toISOString(), platform: 'discord', question: 'What are the steel duties now?', articleIds: ['steel'], vote: 'down', user: '77' },
      { time: new Date(Date.now() - 2_000_000).toISOString(), platform: 'slack', question: 'How big is the wheat import quota?', articleIds: ['grain'], vote: 'up', user: 'U_2' },
      { time: new Date(Date.now() - 60 * 86_400_000).toISOString(), platform: 'slack', question: 'an old one', articleIds: ['grain'], vote: 'down', user: 'U_3' },
      // Older than RETAIN_DAYS (default 90): imported, then deleted by retention.
      { time: new Date(Date.now() - 200 * 86_400_000).toISOString(), platform: 'slack', question: 'too old to keep', articleIds: ['grain'], vote: 'down', user: 'U_4' },
    ];
    await writeFile(env.FEEDBACK_FILE, old.map((v) => JSON.stringify(v)).join('\n') + '\n');

    const bot = await run('src/main.ts', [], env, QUESTIONS.join('\n') + '\n');
    expect(bot.code, bot.stderr).toBe(0);
    expect(bot.stdout).toContain('I have no source on that.');
    expect(bot.stderr).toContain('imported votes from the old feedback file');

    const json = await run('src/cli/report.ts', ['--json', '--since', '30d'], env);
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(Object.keys(report)).toEqual(['abstained', 'downvoted', 'byTopic', 'bySource', 'neverCited']);
    // Three wordings of the tuna question are one group, shown by its latest wording; help and sources are not questions.
    expect(report.abstained).toEqual([
      { question: 'What is the Tuna catch limit?', count: 3, lastAsked: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) },
      { question: 'Who won the football match?', count: 1, lastAsked: expect.any(String) },
    ]);
    // The vote from 60 days ago is outside --since 30d.
    expect(report.downvoted).toEqual([{ question: 'What are the steel duties now?', articleIds: ['steel'], count: 2 }]);
    expect(report.byTopic).toEqual({ grain: 1, metals: 1, fisheries: 0 });
    expect(report.bySource).toEqual({ grain: 1, steel: 1 });
    expect(report.neverCited).toEqual(['unused']);

    const all = JSON.parse((await run('src/cli/report.ts', ['--json'], env)).stdout);
    expect(all.downvoted).toContainEqual({ question: 'an old one', articleIds: ['grain'], count: 1 });
    expect(JSON.stringify(all)).not.toContain('too old to keep');

    const text = await run('src/cli/report.ts', ['--since', '30d'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^dealdesk report for the last 30 days: 6 questions \(2 answered, 4 abstained\), 3 votes \(1 👍, 2 👎\)/);
    expect(text.stdout).toMatch(/Questions the bot could not answer[^\n]*\n\s+count\s+last asked \(UTC\)\s+question\n\s+3\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+What is the Tuna catch limit\?/);
    expect(text.stdout).toMatch(/Answers voted down[^\n]*\n[^\n]+\n\s+2\s+What are the steel duties now\?\s+steel/);
    expect(text.stdout).toMatch(/Sources never cited \(1\):\n\s+unused/);
    // No user id appears in any report.
    for (const out of [json.stdout, text.stdout]) expect(out).not.toMatch(/U_1|U_2|"77"/);
  }, 120_000);

  it('says so when nothing is recorded, and refuses a bad --since', async () => {
    const env = { KNOWLEDGE_DIR: kb, DATA_FILE: path.join(dir, 'none', 'x.sqlite'), FEEDBACK_FILE: path.join(dir, 'none.jsonl'), STORE: '' };
    const empty = await run('src/cli/report.ts', ['--json'], env);
    expect(empty.code).toBe(0);
    expect(empty.stderr).toContain('no event store at');
    expect(JSON.parse(empty.stdout)).toEqual({ abstained: [], downvoted: [], byTopic: { grain: 0, metals: 0, fisheries: 0 }, bySource: {}, neverCited: ['grain', 'steel', 'unused'] });
    const off = await run('src/cli/report.ts', [], { ...env, STORE: 'off' });
    expect(off.stderr).toContain('STORE=off');
    const bad = await run('src/cli/report.ts', ['--since', 'last week'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--since: "last week" is not a period');
  }, 60_000);
});

describe('report parts', () => {
  it('groups wordings by analysed terms', () => {
    expect(wordingKey('What is the tuna catch limit?')).toBe(wordingKey('what are the limits on tuna catches'));
    expect(wordingKey('What is the tuna catch limit?')).not.toBe(wordingKey('What is the wheat quota?'));
    expect(wordingKey('???')).toBe('=???');
  });

  it('parses --since', () => {
    const now = new Date('2025-06-30T12:00:00Z');
    expect(parseSince('30d', now)).toEqual({ from: new Date('2025-05-31T12:00:00Z'), label: 'the last 30 days' });
    expect(parseSince('1w', now).label).toBe('the last 1 week');
    expect(parseSince('12h', now).from).toEqual(new Date('2025-06-30T00:00:00Z'));
    expect(parseSince('2025-06-01', now)).toEqual({ from: new Date('2025-06-01T00:00:00Z'), label: '2025-06-01 onwards' });
    expect(parseSince(undefined).from).toEqual(new Date(0));
    expect(() => parseSince('2025-02-30')).toThrow(/not a period/);
    expect(() => parseSince('30 days')).toThrow(/not a period/);
  });

  it('counts a question once per topic and source however often it names them', () => {
    const q = (question: string, answered: boolean, articleIds: string[]) => ({ time: '2025-01-01T00:00:00.000Z', platform: 'slack' as const, userHash: 'h', question, kind: 'answer', answered, articleIds });
    const r = buildReport(
      { questions: [q('steel and aluminium steel', true, ['s', 's', 't'])], votes: [] },
      { articles: [], deals: [], topics: [{ id: 'metals', name: 'Metals', synonyms: ['steel', 'aluminium'] }] },
    );
    expect(r.byTopic).toEqual({ metals: 1 });
    expect(r.bySource).toEqual({ s: 1, t: 1 });
  });
});
