/**
 * The compact retriever must score exactly like the minisearch reference (so
 * swapping them changes no ranking), prune without changing the top results,
 * and round-trip through its snapshot.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/text/analyzer.ts';
import { CompactRetriever } from '../../../src/core/retrieval/compact-retriever.ts';
import { MiniSearchRetriever } from '../../../src/core/retrieval/minisearch-retriever.ts';
import { RETRIEVERS } from '../../../src/core/retrieval/registry.ts';
import type { Hit, RetrievalDoc } from '../../../src/core/retrieval/retriever.ts';
import { buildIndex } from '../../../src/core/retrieval/corpus-index.ts';
import type { Fact } from '../../../src/core/model/types.ts';

const DOCS: RetrievalDoc[] = [
  'Tariffs on imported cars rose to 25 percent in the spring.',
  'The farm deal cut duties on beef and pork.',
  'Car makers warned that tariffs on vehicles would cost jobs.',
  'Negotiators met again to discuss digital trade.',
  'Rice quotas stayed unchanged under the new agreement.',
  'The agreement lowered tariffs on beef, pork and wine.',
  'Vehicle exports fell as tariffs on cars took effect.',
  'Officials said the talks on digital services would continue.',
].map((text, id) => ({ id, text }));

const terms = (q: string, weights: Record<string, number> = {}) => new Map(analyze(q).map((t) => [t, weights[t] ?? 1]));
const close = (a: Hit[], b: Hit[]) => {
  expect(a.map((h) => h.id)).toEqual(b.map((h) => h.id));
  a.forEach((h, i) => expect(h.score).toBeCloseTo(b[i]!.score, 9));
};

describe('CompactRetriever', () => {
  const compact = CompactRetriever.build(DOCS, { keepTerms: true });
  const mini = MiniSearchRetriever.build(DOCS);

  it('gives the same hits and scores as minisearch (BM25+, times terms matched)', () => {
    for (const q of ['tariffs on cars', 'beef pork', 'digital trade talks', 'rice', 'unknownword cars']) {
      close(compact.search(terms(q), 10), mini.search(terms(q), 10));
    }
    close(compact.search(terms('tariffs cars', { car: 0.5 }), 10), mini.search(terms('tariffs cars', { car: 0.5 }), 10));
  });

  it('scores one document exactly as search does (scoreOf), and 0 when it holds no term', () => {
    const r = CompactRetriever.build(DOCS);
    for (const q of [terms('tariffs on cars'), terms('beef pork wine', { beef: 2, wine: 0.3 }), terms('digital trade talks')]) {
      const hits = r.search(q, DOCS.length);
      expect(hits.length).toBeGreaterThan(1);
      for (const h of hits) expect(r.scoreOf(h.id, q)).toBeCloseTo(h.score, 9);
      for (const d of DOCS) if (!hits.some((h) => h.id === d.id)) expect(r.scoreOf(d.id, q)).toBe(0);
    }
    expect(r.scoreOf(999, terms('tariffs'))).toBe(0);
  });

  it('reports document frequency, size and matched terms', () => {
    expect(compact.size).toBe(DOCS.length);
    expect(compact.documentFrequency('tariff')).toBe(mini.documentFrequency('tariff'));
    expect(compact.documentFrequency('nothing')).toBe(0);
    const hit = compact.search(terms('tariffs beef'), 10).find((h) => h.id === 5)!;
    expect(hit.matched.sort()).toEqual(['beef', 'tariff']);
  });

  it('keeps each document’s analysed terms in order', () => {
    DOCS.forEach((d) => expect(compact.termsOf(d.id)).toEqual(analyze(d.text)));
    expect(CompactRetriever.build(DOCS).termsOf(0)).toBeUndefined();
  });

  it('gives the same terms as ids into its dictionary (term, vocabulary), also after a snapshot', () => {
    const loaded = RETRIEVERS.compact.load(compact.snapshot()) as CompactRetriever;
    for (const r of [compact, loaded]) {
      DOCS.forEach((d) => expect([...r.termIdsOf!(d.id)!].map((t) => r.term!(t))).toEqual(analyze(d.text)));
      expect(r.vocabulary).toBe(new Set(DOCS.flatMap((d) => analyze(d.text))).size);
    }
    const { offsets, terms } = compact.termSequences()!;
    DOCS.forEach((d) => expect(terms.subarray(offsets[d.id]!, offsets[d.id + 1]!)).toEqual(compact.termIdsOf(d.id)));
    expect(CompactRetriever.build(DOCS).termIdsOf(0)).toBeUndefined();
    expect(CompactRetriever.build(DOCS).termSequences()).toBeUndefined();
    // Sequences are read by position: documents whose ids are not their positions do not offer them.
    expect(CompactRetriever.build(DOCS.map((d) => ({ ...d, id: d.id + 10 })), { keepTerms: true }).termSequences()).toBeUndefined();
    expect(compact.termIdsOf(DOCS.length)).toBeUndefined();
  });

  it('returns nothing for empty queries or limits', () => {
    expect(compact.search(new Map(), 10)).toEqual([]);
    expect(compact.search(terms('cars'), 0)).toEqual([]);
    expect(CompactRetriever.build([]).search(terms('cars'), 5)).toEqual([]);
  });

  it('round-trips through a snapshot, and refuses a damaged one', () => {
    const loaded = RETRIEVERS.compact.load(compact.snapshot());
    close(loaded.search(terms('tariffs on vehicles'), 5), compact.search(terms('tariffs on vehicles'), 5));
    expect(loaded.termsOf?.(3)).toEqual(analyze(DOCS[3]!.text));
    const bad = compact.snapshot();
    bad.arrays.postings = new Uint32Array([99]);
    expect(() => RETRIEVERS.compact.load(bad)).toThrow(/compact-retriever/);
    expect(() => RETRIEVERS.compact.load({ ...compact.snapshot(), kind: 'minisearch' })).toThrow(/compact-retriever/);
  });

  it('prunes without changing the top results (property: any corpus, any limit)', () => {
    // Small vocabulary so that terms are common and pruning actually starts.
    const word = fc.constantFrom('tariff', 'car', 'beef', 'rice', 'deal', 'quota', 'wine', 'steel', 'yen', 'chip');
    let pruned = 0;
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 60 }),
        fc.array(word, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 10 }),
        (texts, query, limit) => {
          const docs = texts.map((t, id) => ({ id, text: t.join(' ') }));
          const q = terms(query.join(' '));
          const compact = CompactRetriever.build(docs);
          const a = compact.search(q, limit);
          if (compact.stats.prunedFrom >= 0) pruned++;
          const b = MiniSearchRetriever.build(docs).search(q, 1000);
          // Same scores in the same order; equal scores may come in either order.
          expect(a.map((h) => h.score.toFixed(9))).toEqual(b.slice(0, limit).map((h) => h.score.toFixed(9)));
        },
      ),
      { numRuns: 150 },
    );
    expect(pruned).toBeGreaterThan(0);
  });
});

describe('MiniSearchRetriever', () => {
  it('round-trips through a snapshot', () => {
    const mini = MiniSearchRetriever.build(DOCS);
    close(RETRIEVERS.minisearch.load(mini.snapshot()).search(terms('beef wine'), 5), mini.search(terms('beef wine'), 5));
  });
});

describe('facts find their sentences', () => {
  const body =
    'The minister and the envoy committed to deepen cooperation on ports. The minister and the envoy committed to deepen cooperation on rail, and to meet again next year in the capital.\n\nA third sentence stands apart.';
  const fact = (quote: string): Fact => ({ id: 'f', statement: 'They agreed on rail.', asOf: '2024-01-01', articleId: 'a', quote, file: 'facts/f.yaml' });
  const indexOf = (quote: string) =>
    buildIndex({ articles: [{ id: 'a', title: 'A', date: '2024-01-01', reliability: 'normal', body, file: 'articles/a.md' }], deals: [], topics: [], facts: [fact(quote)], hash: 'facts-test' }, { wordnet: null });

  it('a sentence holding the quote, not another that opens with the same 40 characters', () => {
    const index = indexOf('The minister and the envoy committed to deepen cooperation on rail');
    expect(index.facts[0]!.passages.map((i) => index.passages[i]!.text)).toEqual([
      'The minister and the envoy committed to deepen cooperation on rail, and to meet again next year in the capital.',
    ]);
  });

  it('a quote that runs on past the sentence it starts in is found in that sentence (by its head), and not in one that only opens the same way', () => {
    const index = indexOf('The minister and the envoy committed to deepen cooperation on rail, and to meet again next year in the capital. A third sentence');
    expect(index.facts[0]!.passages.map((i) => index.passages[i]!.text)).toEqual([
      'The minister and the envoy committed to deepen cooperation on rail, and to meet again next year in the capital.',
    ]);
  });
});
