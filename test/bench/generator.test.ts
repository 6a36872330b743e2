/** The distractor generator and the corpora built with it: seeded, text-like, growing vocabulary. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/text/analyzer.ts';
import { articlePassages } from '../../src/core/text/passages.ts';
import type { Article } from '../../src/core/model/types.ts';
import { scaledCorpus } from '../../src/bench/corpora.ts';
import { createGenerator } from '../../src/bench/generator.ts';
import { sample, seeded } from '../../src/bench/random.ts';

const TRAINING = [
  'The river flows through the northern valley before it reaches the sea.',
  'Farmers in the valley grow wheat, barley and grapes for local markets.',
  'The old bridge across the river was rebuilt after the flood of the spring.',
  'Local markets sell grapes from the northern farms every week.',
  'Engineers said the new bridge would carry more traffic than the old one.',
];
const real: Article[] = [0, 1, 2].map((i) => ({
  id: `real-${i}`,
  title: `Real ${i}`,
  date: '2016-06-16',
  reliability: 'normal',
  body: TRAINING.join(' ') + '\n\n' + TRAINING.slice().reverse().join(' '),
  file: `articles/real-${i}.md`,
}));

describe('seeded random', () => {
  it('repeats with the same seed and samples without repeats', () => {
    expect(Array.from({ length: 5 }, seeded(7).next)).toEqual(Array.from({ length: 5 }, seeded(7).next));
    const s = sample([1, 2, 3, 4, 5, 6], 4, seeded(3));
    expect(new Set(s).size).toBe(4);
    expect(sample([1, 2], 5, seeded(1)).sort()).toEqual([1, 2]);
  });
});

describe('createGenerator', () => {
  it('is deterministic for a seed', () => {
    const a = createGenerator(TRAINING, seeded(42));
    const b = createGenerator(TRAINING, seeded(42));
    expect(Array.from({ length: 20 }, a.sentence)).toEqual(Array.from({ length: 20 }, b.sentence));
  });

  it('makes sentences the splitter keeps whole: capitalised, 5+ words, ending with a stop', () => {
    const g = createGenerator(TRAINING, seeded(1));
    for (let i = 0; i < 50; i++) {
      const s = g.sentence();
      expect(s.split(' ').length).toBeGreaterThanOrEqual(5);
      expect(s).toMatch(/^\P{Ll}.*[.!?]["')\]]*$/u);
    }
  });

  it('keeps inventing words as text grows (vocabulary does not saturate)', () => {
    const g = createGenerator(TRAINING, seeded(5), { inventedShare: 0.3 });
    const vocab = new Set<string>();
    const sizes: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 400; i++) for (const t of analyze(g.sentence())) vocab.add(t);
      sizes.push(vocab.size);
    }
    expect(sizes[1]! - sizes[0]!).toBeGreaterThan(20);
    expect(sizes[2]! - sizes[1]!).toBeGreaterThan(20);
    expect(g.inventedWords).toBeGreaterThan(50);
  });

  it('refuses training text with no usable sentence', () => {
    expect(() => createGenerator(['Hi.'], seeded(1))).toThrow(/^generator: /);
  });
});

describe('scaledCorpus', () => {
  const count = (articles: Article[]) => articles.reduce((n, a) => n + articlePassages(a).passages.length, 0);

  it('reaches about the target size, keeps every real article, and is deterministic', () => {
    const c = scaledCorpus(real, 300, 9);
    expect(count(c.articles)).toBeGreaterThanOrEqual(280);
    expect(count(c.articles)).toBeLessThan(360);
    for (const a of real) expect(c.articles).toContainEqual(a);
    expect(scaledCorpus(real, 300, 9).hash).toBe(c.hash);
    expect(scaledCorpus(real, 300, 10).hash).not.toBe(c.hash);
  });

  it('uses a prefix of the real articles when the target is smaller', () => {
    const c = scaledCorpus(real, 5);
    expect(c.articles.map((a) => a.id)).toEqual(['real-0']);
  });
});
