/**
 * Paraphrased fitting questions (src/fit/paraphrase.ts): which words are
 * swapped, for what, and that the copy stays the same question otherwise.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, type CorpusIndex } from '../../src/core/retrieval/corpus-index.ts';
import { loadCorpus } from '../../src/core/knowledge/load.ts';
import { parseQuery } from '../../src/core/query/parse.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/startup.ts';
import { seeded } from '../../src/bench/random.ts';
import { PARAPHRASE_WORDNET_SIMILARITY, paraphraseQuery, standIns } from '../../src/fit/paraphrase.ts';

let index: CorpusIndex;
beforeAll(async () => {
  // No deals or topics, as the fit parses SQuAD questions.
  index = buildIndex(await loadCorpus(DEFAULT_KNOWLEDGE_DIR));
});
const parse = (q: string) => parseQuery(q, [], []);

describe('standIns', () => {
  it('offers words the corpus uses, never names or numbers, and WordNet ones only in a related sense', () => {
    const find = standIns(index);
    const vectors = index.vectors!;
    let offered = 0;
    for (const stem of ['tariff', 'invest', 'promis', 'car', 'negoti', 'compani']) {
      for (const s of find(stem)) {
        offered++;
        expect(s).not.toBe(stem);
        expect(index.sentences.documentFrequency(s)).toBeGreaterThan(0);
        expect(index.names.has(s)).toBe(false);
        expect(s).not.toMatch(/^\d/);
        if (index.wordnet!.synonymous(stem, s)) expect(vectors.similarity(vectors.row(stem), vectors.row(s))).toBeGreaterThanOrEqual(PARAPHRASE_WORDNET_SIMILARITY);
      }
    }
    expect(offered).toBeGreaterThan(3);
    // WordNet puts "company" with "party" and "society" (other senses; both words the corpus uses); the vectors rule them out.
    expect(index.wordnet!.synonymous('compani', 'parti')).toBe(true);
    expect(index.sentences.documentFrequency('parti')).toBeGreaterThan(0);
    expect(find('compani')).not.toContain('parti');
    expect(find('compani')).not.toContain('societi');
  });
});

describe('paraphraseQuery', () => {
  const question = 'How much did Toyota promise to invest in new car factories in 2019?';

  it('swaps nothing at share 0, and every swappable word at share 1, keeping names and numbers', () => {
    const find = standIns(index);
    expect(paraphraseQuery(parse(question), index, find, seeded(1), { share: 0 })).toBeUndefined();
    const original = parse(question);
    const copy = paraphraseQuery(original, index, find, seeded(1), { share: 1 })!;
    expect(copy).toBeDefined();
    expect(copy.concepts).toHaveLength(original.concepts.length);
    original.concepts.forEach((c, i) => {
      const asked = c.stems[0]!;
      const now = copy.concepts[i]!.stems[0]!;
      if (index.names.has(asked) || /^\d/.test(asked) || find(asked).length === 0) expect(now).toBe(asked);
      else expect(find(asked)).toContain(now);
    });
    expect(copy.concepts.some((c, i) => c.stems[0] !== original.concepts[i]!.stems[0])).toBe(true);
    // The question's text and type are the original's: only the matched words change.
    expect(copy.text).toBe(original.text);
    expect(copy.type).toBe(original.type);
  });

  it('moves each swapped word’s search weight to its stand-in, and is the same for the same seed', () => {
    const find = standIns(index);
    const original = parse(question);
    const a = paraphraseQuery(original, index, find, seeded(5), { share: 0.5 });
    const b = paraphraseQuery(original, index, find, seeded(5), { share: 0.5 });
    expect(a).toEqual(b);
    const copy = paraphraseQuery(original, index, find, seeded(5), { share: 1 })!;
    original.concepts.forEach((c, i) => {
      const asked = c.stems[0]!;
      const now = copy.concepts[i]!.stems[0]!;
      if (now === asked) return;
      expect(copy.terms.has(asked)).toBe(false);
      expect(copy.terms.get(now)).toBe(original.terms.get(asked));
    });
    // The original is left as it was.
    expect(parse(question)).toEqual(original);
  });
});
