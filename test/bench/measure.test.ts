/** Benchmark building blocks: sizes, percentiles, answer matching, quality rates, SQuAD conversion, the table. */
import { describe, expect, it } from 'vitest';
import { qualityOf } from '../../src/bench/measure.ts';
import { containsAnswer, squadSet } from '../../src/bench/squad.ts';
import { percentile } from '../../src/bench/stats.ts';
import { formatTable, parseSize } from '../../src/bench/table.ts';

describe('parseSize', () => {
  it('reads k and m suffixes and refuses the rest', () => {
    expect(parseSize('10k')).toBe(10_000);
    expect(parseSize('1.5M')).toBe(1_500_000);
    expect(parseSize('2500')).toBe(2500);
    expect(() => parseSize('lots')).toThrow(/^bench: /);
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([3], 99)).toBe(3);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('answers and quality', () => {
  it('matches answers ignoring case and white space', () => {
    expect(containsAnswer('It was  Denver Broncos who won.', ['denver broncos'])).toBe(true);
    expect(containsAnswer('Carolina won.', ['Denver'])).toBe(false);
  });

  it('counts top-1 and top-3 over questions with gold only', () => {
    const q = (answer: string) => ({ question: answer, gold: (quote: string) => quote.includes(answer) });
    const cited: Record<string, string[]> = { a: ['a!', 'x'], b: ['x', 'y', 'b!'], c: ['x', 'y', 'z', 'c!'] };
    const quality = qualityOf([q('a'), q('b'), q('c'), { question: 'no gold' }], (x) => cited[x.question] ?? []);
    expect(quality).toEqual({ questions: 3, top1: 1 / 3, top3: 2 / 3 });
    expect(qualityOf([{ question: 'x' }], () => [])).toBeUndefined();
  });
});

describe('squadSet', () => {
  it('turns pages into articles (paragraphs split by blank lines) and keeps gold answers', () => {
    const set = squadSet({
      data: [
        {
          title: 'Super_Bowl_50',
          paragraphs: [
            { context: 'First paragraph.', qas: [{ question: 'Q1?', answers: [{ text: 'First' }, { text: 'First' }] }] },
            { context: 'Second one.', qas: [{ question: 'Q2?', answers: [] }] },
          ],
        },
      ],
    });
    expect(set.articles[0]).toMatchObject({ id: 'squad-000', title: 'Super Bowl 50', body: 'First paragraph.\n\nSecond one.' });
    expect(set.questions).toEqual([{ question: 'Q1?', answers: ['First'], articleId: 'squad-000' }]);
  });
});

describe('formatTable', () => {
  it('prints one aligned row per corpus and retriever', () => {
    const lat = { p50: 1, p99: 2 };
    const table = formatTable([
      {
        corpus: '10k',
        sentences: 10222,
        vocabulary: 16000,
        variants: [{ retriever: 'compact', buildMs: 900, writeMs: 40, snapshotBytes: 4e6, loadMs: 20, heapBytes: 2e7, fresh: { loadMs: 25, loadCpuMs: 24, heapBytes: 3e7, rssBytes: 9e7 }, pipeline: lat, retrieve: lat, answered: 1, quality: { questions: 1, top1: 0.5, top3: 0.75 } }],
        raw: { buildMs: 400, heapBytes: 2e7, latency: { p50: 10, p99: 40 }, questions: 1 },
      },
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(3);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[2]).toMatch(/\|\s+0\.10 \|/);
    expect(lines[2]).toContain('75.0%');
  });

  it('shows a skipped raw minisearch as dashes', () => {
    const lat = { p50: 1, p99: 2 };
    const variant = { retriever: 'compact' as const, buildMs: 9e4, writeMs: 4e3, snapshotBytes: 4e8, loadMs: 2e3, heapBytes: 1e9, fresh: { loadMs: 2100, loadCpuMs: 2000, heapBytes: 1.1e9, rssBytes: 1.3e9 }, pipeline: lat, retrieve: lat, answered: 1 };
    const [, , row] = formatTable([{ corpus: '1m', sentences: 1e6, vocabulary: 2e5, variants: [variant] }]).split('\n');
    expect(row).toMatch(/\|\s+2\.10 \|\s+1049 \|\s+1240 \|/);
    expect(row!.match(/–/g)!.length).toBeGreaterThanOrEqual(8);
  });
});
