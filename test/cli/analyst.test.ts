/** The CLI contract for `/deal check` and `/deal timeline`: run the real script as external checks do. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/core/knowledge/load.ts';
import { containsQuote } from '../../src/core/text/normalise.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/startup.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function ask(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/ask.ts'), ...args], { cwd: root, env: { ...process.env, KNOWLEDGE_DIR: '' } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input);
  });
}

describe('npm run ask -- --json with /deal check and /deal timeline', () => {
  it('answers checks and timelines read from standard input, one JSON line each, in order', { timeout: 30_000 }, async () => {
    const lines = [
      '/deal check Japan pledged $1 trillion of new investment in America',
      '/deal check Japan will buy 100 Boeing aircraft',
      '/deal check Germany will buy 50 Boeing aircraft',
      '/deal check Japanese cars face a 25% U.S. tariff',
      '/deal timeline japan autos',
      'check: Japan will get 90% of the profits from the investment',
    ];
    const { code, stdout } = await ask(['--json'], lines.join('\n') + '\n');
    expect(code).toBe(0);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(lines.length);
    const corpus = await loadCorpus(DEFAULT_KNOWLEDGE_DIR);
    const verbatim = (articleId: string, quote: string) => containsQuote(corpus.articles.find((a) => a.id === articleId)!.body, quote);

    // The existing fields keep their meaning; a check adds "verdict" and a "stance" per citation.
    const [trillion, boeing, germany, cars, timeline, profits] = out;
    for (const check of [trillion, boeing, germany, cars, profits]) {
      expect(Object.keys(check)).toEqual(expect.arrayContaining(['question', 'answered', 'answer', 'citations', 'facts', 'notes', 'verdict']));
      for (const c of check.citations) {
        expect(['supports', 'contradicts', 'context']).toContain(c.stance);
        expect(Object.keys(c)).toEqual(expect.arrayContaining(['articleId', 'title', 'publisher', 'date', 'quote', 'url', 'reliability', 'era', 'alsoReportedBy']));
        expect(verbatim(c.articleId, c.quote)).toBe(true);
      }
    }
    expect(trillion).toMatchObject({ question: 'Japan pledged $1 trillion of new investment in America', answered: true, verdict: 'contradicted', claimed: ['$1 trillion'] });
    expect(trillion.citations.some((c: { stance: string; quote: string }) => c.stance === 'contradicts' && /550 billion/.test(c.quote))).toBe(true);
    expect(boeing.verdict).toBe('supported');
    expect(germany).toMatchObject({ verdict: 'no-source', answered: false, citations: [] });
    expect(cars.verdict).toBe('differs-by-date');
    expect(profits.verdict).toBe('contradicted');

    // A timeline adds "events" in date order, each with the contract's fields.
    expect(timeline.events.length).toBeGreaterThan(5);
    const dates = timeline.events.map((e: { date: string }) => e.date);
    expect(dates).toEqual([...dates].sort());
    for (const e of timeline.events) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['date', 'label', 'quote', 'articleId', 'title', 'publisher', 'url', 'era']));
      expect(e.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      if (e.quote) expect(verbatim(e.articleId, e.quote)).toBe(true);
    }
    expect(timeline.verdict).toBeUndefined();
  });

  it('leaves other answers’ JSON as it was: no verdict, no events', { timeout: 30_000 }, async () => {
    const { stdout } = await ask(['--json', 'japan autos']);
    const json = JSON.parse(stdout);
    expect(json).not.toHaveProperty('verdict');
    expect(json).not.toHaveProperty('events');
    expect(json.citations[0]).not.toHaveProperty('stance');
  });

  it('prints a check as text, and gives a clear message for an empty claim', { timeout: 30_000 }, async () => {
    const text = await ask(['/deal check Japan will buy 100 Boeing aircraft']);
    expect(text.stdout).toMatch(/^✅ Supported: /);
    expect(text.stdout).toContain('✔ supports · states 100 aircraft');
    const empty = await ask(['--json', '/deal check']);
    expect(JSON.parse(empty.stdout)).toMatchObject({ answered: false, answer: expect.stringMatching(/^Give me a claim to check, for example: \/deal check /) });
  });
});
