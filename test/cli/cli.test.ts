/** The CLI contract (DESIGN.md): run the real scripts as a user would. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { containsQuote } from '../../src/core/text/normalise.ts';
import { loadCorpus } from '../../src/core/knowledge/load.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/startup.ts';
import { article, tempKnowledge } from '../helpers/knowledge.ts';
import { ANSWERABILITY_FEATURES } from '../../src/core/ranking/abstention.ts';
import { FEATURE_NAMES } from '../../src/core/ranking/features.ts';

// Every knowledge folder this file makes is deleted after its tests.
const makeKnowledge = tempKnowledge();

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs a CLI script with tsx; resolves with exit code and output. */
function run(script: string, args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], { cwd: root, env: { ...process.env, KNOWLEDGE_DIR: '' } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input ?? '');
  });
}

describe('npm run ask', () => {
  it('--json prints one object with the contract fields, quotes verbatim', async () => {
    const { code, stdout } = await run('src/cli/ask.ts', ['--json', 'What tariff has Trump threatened to put on Japanese autos?']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['question', 'answered', 'answer', 'citations', 'facts']));
    expect(json.answered).toBe(true);
    expect(Object.keys(json.citations[0])).toEqual(expect.arrayContaining(['articleId', 'title', 'publisher', 'date', 'quote', 'url', 'reliability']));
    expect(Object.keys(json.facts[0])).toEqual(expect.arrayContaining(['id', 'statement', 'articleId', 'quote', 'asOf']));
    const corpus = await loadCorpus(DEFAULT_KNOWLEDGE_DIR);
    for (const c of json.citations) expect(containsQuote(corpus.articles.find((a) => a.id === c.articleId)!.body, c.quote)).toBe(true);
  });

  it('--explain prints the abstention decision with its features, and every cited sentence\'s feature values', async () => {
    const answered = await run('src/cli/ask.ts', ['--explain', 'How much will Japan invest in the US?']);
    expect(answered.code).toBe(0);
    expect(answered.stdout).toMatch(/^explain: answerability 0\.\d{3} against 0\.\d{4}.*: answered$/m);
    for (const name of ANSWERABILITY_FEATURES) expect(answered.stdout).toMatch(new RegExp(`^ +${name} +-?\\d+\\.\\d{3} × -?\\d+\\.\\d{3} = `, 'm'));
    // One block per cited sentence, each with every ranking feature.
    const blocks = answered.stdout.split(/^  \[\d\] p /m).slice(1);
    expect(blocks.length).toBeGreaterThanOrEqual(1);
    for (const block of blocks) for (const name of FEATURE_NAMES) expect(block).toMatch(new RegExp(`^ +${name} +-?\\d+\\.\\d{3} × `, 'm'));

    const declined = await run('src/cli/ask.ts', ['--explain', 'How do I bake sourdough bread?']);
    expect(declined.stdout).toMatch(/I have no source on that/);
    expect(declined.stdout).toMatch(/^explain: answerability 0\.\d{3} against 0\.\d{4}.*: abstained$/m);

    const json = JSON.parse((await run('src/cli/ask.ts', ['--json', '--explain', 'How much will Japan invest in the US?'])).stdout);
    expect(json.confidence).toBeGreaterThanOrEqual(json.threshold);
    expect(Object.keys(json.answerability)).toEqual(expect.arrayContaining([...ANSWERABILITY_FEATURES]));
    expect(json.scores).toHaveLength(json.citations.length);
    expect(Object.keys(json.scores[0].features)).toEqual([...FEATURE_NAMES]);
  }, 30_000);

  it('reads questions from standard input, one JSON line each, in order', async () => {
    const { code, stdout } = await run('src/cli/ask.ts', ['--json'], 'japan autos\nHow do I bake sourdough bread?\n\nWho is the U.S. Trade Representative in the talks?\n');
    expect(code).toBe(0);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.question)).toEqual(['japan autos', 'How do I bake sourdough bread?', 'Who is the U.S. Trade Representative in the talks?']);
    expect(out.map((o) => o.answered)).toEqual([true, false, true]);
    expect(out[1].citations).toEqual([]);
  });

  it('prints plain text by default and platform payloads with --render', async () => {
    const text = await run('src/cli/ask.ts', ['japan autos']);
    expect(text.stdout).toMatch(/^United States–Japan: Autos/);
    const slack = JSON.parse((await run('src/cli/ask.ts', ['--render', 'slack', 'japan autos'])).stdout);
    expect(slack.text).toBeTruthy();
    const discord = JSON.parse((await run('src/cli/ask.ts', ['--render', 'discord', 'japan autos'])).stdout);
    expect(discord.allowedMentions).toEqual({ parse: [] });
  });

  it('exits 1 naming every problem of a bad knowledge folder, printing no reply', async () => {
    const dir = await makeKnowledge({ 'articles/a.md': 'no front matter', 'articles/b.md': article({ title: 'T' }, 'Body.') });
    const { code, stdout, stderr } = await run('src/cli/ask.ts', ['--knowledge', dir, 'anything?']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/knowledge: 2 problem\(s\)/);
    expect(stderr).toMatch(/articles\/a\.md: missing front matter/);
    expect(stderr).toMatch(/articles\/b\.md: date: /);
  });

  it('rejects an unknown renderer', async () => {
    const { code, stderr } = await run('src/cli/ask.ts', ['--render', 'fax', 'x']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--render must be text, slack or discord/);
  });
});

describe('npm run knowledge:check', () => {
  it('warns about machine-paraphrased text, low-reliability sources and near-duplicates', async () => {
    const spun = 'Officials will see to slim gaps on commerce, sources articulate. One demand is to cut tariffs on pork and pork imports across worldwide locations.\n';
    const dir = await makeKnowledge({
      'articles/spun.md': `---\ntitle: "Spun"\ndate: "2020-01-01"\n---\n${spun}`,
      'articles/orig.md': article({ title: 'Original', date: '2020-01-01', reliability: 'high' }, spun),
    });
    const { code, stdout } = await run('src/cli/knowledge-check.ts', [dir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/valid: 2 article\(s\)/);
    expect(stdout).toMatch(/warning: articles\/spun\.md: low-reliability source: Flagged automatically: the text looks machine-paraphrased/);
    expect(stdout).toMatch(/warning: articles\/spun\.md: near-duplicate of articles\/orig\.md/);
    expect(stdout).toMatch(/warning: articles\/orig\.md: text looks machine-paraphrased/);
  });

  it('exits 1 on an invalid folder', async () => {
    const { code, stderr } = await run('src/cli/knowledge-check.ts', [await makeKnowledge({ 'articles/a.md': 'x' })]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/missing front matter/);
  });
});
