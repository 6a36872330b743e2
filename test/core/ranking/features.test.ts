/**
 * One test per ranking feature and prior: each is computed on a small real
 * index (real analyser, retrievers and word vectors) and must move the way
 * its documentation says.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, type CorpusIndex } from '../../../src/core/retrieval/corpus-index.ts';
import { parseQuery } from '../../../src/core/query/parse.ts';
import { creditsOver, maxCredits, queryContext, type CandidateView, type QueryContext } from '../../../src/core/ranking/context.ts';
import * as F from '../../../src/core/ranking/features.ts';
import { DEFAULT_PRIORS, eraPrior, factPrior, fragmentPrior, reliabilityPrior } from '../../../src/core/ranking/priors.ts';
import { candidateViews, rankPassages } from '../../../src/core/ranking/rank.ts';
import { answerabilityFeatures, answerThreshold, bestSoftCredits, MARGIN_FIELD, nameForms, namesFound, VOCABULARY_SOFT_CREDIT, vocabularyShare } from '../../../src/core/ranking/abstention.ts';
import { softMatcher, UNKNOWN_ROW, WORDNET_CREDIT } from '../../../src/core/text/soft-match.ts';
import { stem } from '../../../src/core/text/analyzer.ts';
import { DEFAULT_WEIGHTS, checkWeights } from '../../../src/core/ranking/weights.ts';
import type { Article, Corpus, Deal } from '../../../src/core/model/types.ts';

const article = (id: string, date: string, body: string, reliability: Article['reliability'] = 'normal'): Article => ({ id, title: id, date, reliability, body, file: `articles/${id}.md` });
const deal: Deal = { id: 'd-2025', name: 'The 2025 deal', parties: ['Ruritania', 'Freedonia'], aliases: ['freedonia'], era: '2025 deal', from: '2025-01-01', status: 'signed', milestones: [] } as unknown as Deal;
const corpus: Corpus = {
  articles: [
    article('news', '2019-05-01', 'Automakers fear new duties on their exports.\n\nThat plan was dropped after talks in Osaka. The minister said the talks would resume.\n\nThe Signature,\n\nOfficials in Freedonia praised the negotiators.'),
    article('official', '2025-07-01', 'The government will cut the tariff on cars to 15 percent. Carmakers welcomed the cut in tariffs.', 'high'),
    article('flagged', '2025-07-02', 'The government will cut the tariff on cars to 15 percent, a blog said.', 'low'),
    article('relative', '2024-03-05', 'Last year the steel talks collapsed without a deal.'),
    article('exports', '2024-03-06', 'U.S. exports of steel to Canada rose, officials in Ottawa said.'),
  ],
  deals: [deal],
  topics: [],
  facts: [],
  hash: 'features-test',
};

let index: CorpusIndex;
beforeAll(() => {
  index = buildIndex(corpus);
});

function views(question: string): { q: QueryContext; byText: (re: RegExp) => CandidateView } {
  const q = queryContext(index, parseQuery(question, corpus.deals, corpus.topics), []);
  const all = candidateViews(index, q, { paragraphs: 50 });
  if (process.env.DEBUG_FEATURES) console.log(question, all.map((v) => v.passage.text));
  return {
    q,
    byText: (re) => {
      const v = all.find((x) => re.test(x.passage.text));
      if (!v) throw new Error(`no candidate matches ${re}`);
      return v;
    },
  };
}

describe('answerability features', () => {
  it('namesFound: the share of the question\'s names (not the partner) that the best sentence\'s surroundings use', () => {
    const q = (text: string) => parseQuery(text, corpus.deals, corpus.topics);
    const osaka = index.passages.findIndex((p) => /^That plan was dropped/.test(p.text));
    expect(namesFound(index, q('Which plan did they drop in Osaka?'), osaka)).toBe(1);
    // The same sentence for a question about Kyoto: the name is nowhere around it.
    expect(namesFound(index, q('Which plan did they drop in Kyoto?'), osaka)).toBe(0);
    expect(namesFound(index, q('Which plan did they drop in Osaka or Kyoto?'), osaka)).toBe(0.5);
    // The partner never counts, and a question with no names is not penalised.
    expect(namesFound(index, q('Which plan did Freedonia drop?'), osaka)).toBe(1);
    expect(namesFound(index, q('which plan was dropped?'), osaka)).toBe(1);
    // A demonym is found as its country, through WordNet ("American" → "America" → "USA", the analyser's "U.S."); another country is not.
    const exports = index.passages.findIndex((p) => /^U\.S\. exports/.test(p.text));
    expect(namesFound(index, q('How much steel did American firms sell to Canada?'), exports)).toBe(1);
    expect(namesFound(index, q('How much steel did Mexican firms sell to Canada?'), exports)).toBe(0.5);
    expect(nameForms(index, stem('american'))).toContain('usa');
    expect(nameForms(index, stem('japan'))).not.toContain(stem('korea'));
    // Months and weekdays are capitalised by convention, not names the source must use.
    expect(namesFound(index, q('Which plan did they drop in Osaka in September, on a Monday?'), osaka)).toBe(1);
  });

  it('answerThreshold: a named partner or topic lowers it, unless the question names what the answer never mentions or uses a word the sources never use', () => {
    const q = parseQuery('Which plan did Freedonia drop?', corpus.deals, corpus.topics);
    expect(q.deals.length).toBe(1);
    const p = { knownPartner: 0.5, knownTopic: 0.5 };
    expect(answerThreshold(0.4, q, { namesFound: 1, vocabulary: 1 }, p)).toBeCloseTo(0.2);
    expect(answerThreshold(0.4, q, { namesFound: 0.5, vocabulary: 1 }, p)).toBe(0.4);
    // "per kilogram" when no source says kilogram (nor kilo, kg): a thing the sources never discuss, not a paraphrase.
    expect(answerThreshold(0.4, q, { namesFound: 1, vocabulary: 0.8 }, p)).toBe(0.4);
    expect(answerThreshold(0.4, parseQuery('which plan was dropped?', corpus.deals, corpus.topics), { namesFound: 1, vocabulary: 1 }, p)).toBe(0.4);
  });

  it('margin: how far the best sentence stands above the mean of the next MARGIN_FIELD', () => {
    const q = parseQuery('steel talks collapsed', corpus.deals, corpus.topics);
    const best = { index: 0, logit: 2, features: { softCoverage: 1, neighbourSupport: 1 }, around: [] };
    const field = Array.from({ length: MARGIN_FIELD + 5 }, (_x, i) => ({ logit: i < MARGIN_FIELD ? -1 : -100, around: [] }));
    expect(answerabilityFeatures(index, q, best, [best, ...field], -7).margin).toBe(3);
    // Only the next MARGIN_FIELD count: the weaker tail does not widen the margin.
    expect(answerabilityFeatures(index, q, best, [best, ...field.slice(0, MARGIN_FIELD)], -7).margin).toBe(3);
    // A field short of MARGIN_FIELD (a small knowledge) is filled with sentences that share nothing (logit -7).
    const half = MARGIN_FIELD / 2;
    expect(answerabilityFeatures(index, q, best, [best, ...field.slice(0, half)], -7).margin).toBeCloseTo(2 - (half * -1 + half * -7) / MARGIN_FIELD);
    expect(answerabilityFeatures(index, q, best, [best], -7).margin).toBe(9);
    // A real ranking: a question the small corpus answers stands out more than one it does not.
    const margin = (text: string) => {
      const query = parseQuery(text, corpus.deals, corpus.topics);
      const ranked = rankPassages(index, query, []);
      return answerabilityFeatures(index, query, ranked[0]!, ranked, DEFAULT_WEIGHTS.bias).margin;
    };
    expect(margin('did the steel talks collapse last year?')).toBeGreaterThan(margin('what did officials say about the weather?'));
  });

  it('vocabulary: the share of the subject words the knowledge uses anywhere', () => {
    const q = (text: string) => parseQuery(text, corpus.deals, corpus.topics);
    expect(vocabularyShare(index, q('steel talks collapsed'))).toBe(1);
    expect(vocabularyShare(index, q('steel sourdough baking'))).toBeCloseTo(1 / 3);
    // A word counts as known when the sources use it or a WordNet synonym of it: without the
    // articles that say "tariff", the knowledge still says "duties".
    expect(index.sentences.documentFrequency(stem('duty'))).toBeGreaterThan(0);
    expect(index.sentences.documentFrequency(stem('tariff'))).toBeGreaterThan(0);
    const noTariff = buildIndex({ ...corpus, articles: corpus.articles.filter((a) => !/tariff/.test(a.body)) });
    expect(noTariff.sentences.documentFrequency(stem('tariff'))).toBe(0);
    expect(vocabularyShare(noTariff, q('tariff'))).toBe(1);
    expect(vocabularyShare(buildIndex(noTariff.corpus, { wordnet: null }), q('tariff'))).toBe(0);
  });

  it('vocabulary: a word the sources never use counts as known when a candidate gives it VOCABULARY_SOFT_CREDIT', () => {
    const query = parseQuery('did carmakers worry about duties?', corpus.deals, corpus.topics);
    // "carmakers" is in no source; "automakers" is, and the word vectors put them close.
    expect(index.sentences.documentFrequency(stem('carmakers'))).toBeGreaterThan(0);
    const noCarmakers = buildIndex({ ...corpus, articles: corpus.articles.filter((a) => !/carmakers/i.test(a.body)) });
    expect(noCarmakers.sentences.documentFrequency(stem('carmakers'))).toBe(0);
    const ranked = rankPassages(noCarmakers, query, []);
    const best = bestSoftCredits(ranked, query.concepts.length);
    const carmakers = query.concepts.findIndex((c) => c.stems[0] === stem('carmakers'));
    expect(best[carmakers]).toBeGreaterThanOrEqual(VOCABULARY_SOFT_CREDIT);
    expect(vocabularyShare(noCarmakers, query)).toBeLessThan(1);
    expect(vocabularyShare(noCarmakers, query, best)).toBe(1);
    // A word with no near neighbour among the candidates stays unknown.
    const baking = parseQuery('did carmakers worry about sourdough?', corpus.deals, corpus.topics);
    const bakingBest = bestSoftCredits(rankPassages(noCarmakers, baking, []), baking.concepts.length);
    expect(vocabularyShare(noCarmakers, baking, bakingBest)).toBeLessThan(1);
    // The floor decides: at 1, only the asked word itself would do.
    expect(vocabularyShare(noCarmakers, query, best, 1)).toBeLessThan(1);
  });
});

describe('ranking features', () => {
  it('sentenceBm25: the sentence with the rarer question words scores higher, the best is 1', () => {
    const { q, byText } = views('tariff cut on cars');
    expect(F.sentenceBm25(byText(/will cut the tariff on cars to 15 percent\.$/), q)).toBeGreaterThan(F.sentenceBm25(byText(/Carmakers welcomed/), q));
    expect(F.sentenceBm25(byText(/will cut the tariff on cars to 15 percent\.$/), q)).toBeLessThanOrEqual(1);
  });

  it('sentenceBm25: scaled by the ideal sentence, so a question in words the sources never use scores low everywhere', () => {
    const asked = views('tariff cut on cars');
    const paraphrased = views('tariff slashed on sedans hatchbacks');
    const best = (v: ReturnType<typeof views>) => F.sentenceBm25(v.byText(/will cut the tariff on cars to 15 percent\.$/), v.q);
    expect(best(asked)).toBeGreaterThan(0.8);
    expect(best(paraphrased)).toBeLessThan(0.5);
    expect(best(paraphrased)).toBeGreaterThan(0);
  });

  it('paragraphBm25: a sentence in an on-topic paragraph gets its paragraph\'s score', () => {
    const { q, byText } = views('talks resume minister automakers');
    expect(F.paragraphBm25(byText(/That plan was dropped/), q)).toBeGreaterThan(F.paragraphBm25(byText(/Automakers fear/), q));
  });

  it('exactCoverage: counts only the asked words, not near-synonyms', () => {
    const { q, byText } = views('what do carmakers fear?');
    expect(F.exactCoverage(byText(/Carmakers welcomed/), q)).toBeGreaterThan(0);
    expect(F.exactCoverage(byText(/Automakers fear/), q)).toBeLessThan(1);
  });

  it('softCoverage: "carmakers" earns credit from "automakers" through word vectors', () => {
    const { q, byText } = views('what do carmakers fear?');
    const v = byText(/Automakers fear/);
    expect(F.softCoverage(v, q)).toBeGreaterThan(F.exactCoverage(v, q));
  });

  it('softCoverage: the named-entity guard keeps one city from standing in for another', () => {
    // Word vectors put Tokyo next to Osaka; a name matches only itself.
    const { q, byText } = views('what was dropped after talks in Tokyo?');
    const v = byText(/That plan was dropped after talks in Osaka/);
    const withoutName = views('what was dropped after talks?');
    expect(F.softCoverage(v, q)).toBeLessThan(F.softCoverage(withoutName.byText(/That plan was dropped/), withoutName.q));
    expect(q.creditsOf('osaka').soft[q.query.concepts.findIndex((c) => c.stems[0] === 'tokyo')]).toBe(0);
  });

  it('softCoverage: WordNet synonyms earn WORDNET_CREDIT where the vectors give less ("duties" for "tariff")', () => {
    const { q } = views('new tariff on exports');
    const tariff = q.query.concepts.findIndex((c) => c.stems[0] === stem('tariff'));
    expect(index.wordnet).not.toBeNull();
    expect(q.creditsOf(stem('duties')).soft[tariff]).toBeCloseTo(WORDNET_CREDIT, 6);
    // Without WordNet the same pair earns less.
    const noWordNet = buildIndex(corpus, { wordnet: null });
    const plain = queryContext(noWordNet, parseQuery('new tariff on exports', corpus.deals, corpus.topics), []);
    expect(plain.creditsOf(stem('duties')).soft[tariff]).toBeLessThan(WORDNET_CREDIT);
    // The guard holds for WordNet too: an asked name never matches a synonym.
    const named = softMatcher(index.vectors, new Set(['tokyo']), { wordnet: index.wordnet });
    expect(index.wordnet!.synonymsOf('tokyo').length).toBeGreaterThan(0);
    for (const other of index.wordnet!.synonymsOf('tokyo')) expect(named.credit('tokyo', other)).toBe(0);
  });

  it('credits are the same read by term id (compact retriever) as by stem (a retriever without ids)', () => {
    const byStem = buildIndex(corpus, { retriever: 'minisearch' });
    expect(index.sentences.termSequences?.()).toBeDefined();
    expect(byStem.sentences.termSequences).toBeUndefined();
    for (const question of ['automakers duties plan dropped', 'new tariff on exports', 'how much will the tariff on cars be?']) {
      const parsed = parseQuery(question, corpus.deals, corpus.topics);
      const ids = queryContext(index, parsed, []);
      const stems = queryContext(byStem, parsed, []);
      expect(index.passages.some((_, i) => ids.sentenceCredits(i).soft.some((x) => x > 0 && x < 1))).toBe(true);
      index.passages.forEach((_, i) => {
        expect(ids.sentenceCredits(i)).toEqual(stems.sentenceCredits(i));
        expect(ids.sentenceCredits(i)).toEqual(creditsOver(ids, index.termsOf(i)));
      });
      // A paragraph's credits, summed from its sentences' stems, are the best of its sentences' credits.
      const all = candidateViews(index, ids, { paragraphs: 50 });
      expect(all.length).toBeGreaterThan(0);
      for (const v of all) {
        const same = index.passages.map((_, j) => j).filter((j) => index.paragraphOf[j] === index.paragraphOf[v.index]);
        const best = maxCredits(...same.map((j) => stems.sentenceCredits(j)));
        const outside = [v.index - 1, v.index + 1].filter((j) => index.passages[j]?.articleId === v.passage.articleId && !same.includes(j));
        expect(v.aroundCredits).toEqual(maxCredits(best, ...outside.map((j) => stems.sentenceCredits(j))));
      }
    }
  });

  it('the soft matcher scores several asked stems at once (againstAll) as one by one (against), row supplied or not', () => {
    const m = softMatcher(index.vectors, new Set(['tokyo']), { wordnet: index.wordnet });
    const asked = [stem('carmakers'), stem('tariff'), 'tokyo', '2025', null];
    const found = ['automakers', 'carmakers', 'duties', 'tokyo', 'osaka', '2025', 'zzzunknown', 'tariff'].map(stem);
    expect(m.against(stem('carmakers'))(stem('automakers'))).toBeGreaterThan(0);
    expect(m.against(stem('tariff'))(stem('duties'))).toBe(WORDNET_CREDIT);
    expect(m.rowOf('zzzunknown')).toBe(-1);
    const all = m.againstAll(asked);
    const out = new Float64Array(asked.length);
    for (const f of found) {
      for (const row of [m.rowOf(f), UNKNOWN_ROW]) {
        all(f, row, out);
        // Where the found stem is the asked one the caller credits it: only the others are compared.
        asked.forEach((a, i) => a !== f && expect(out[i]).toBe(a === null ? 0 : m.against(a)(f)));
      }
    }
  });

  it('contextCoverage: what the previous sentence adds ("That plan…" leans on the one before)', () => {
    const { q, byText } = views('automakers duties plan dropped');
    expect(F.contextCoverage(byText(/That plan was dropped/), q)).toBeGreaterThan(0);
    expect(F.contextCoverage(byText(/Automakers fear/), q)).toBe(0);
  });

  it('neighbourSupport: the paragraph around a sentence supports it', () => {
    const { q, byText } = views('minister talks Osaka resume');
    const v = byText(/The minister said/);
    expect(F.neighbourSupport(v, q)).toBeGreaterThanOrEqual(F.softCoverage(v, q));
    expect(F.neighbourSupport(v, q)).toBeGreaterThan(0.9);
  });

  it('proximity: question words that stand together in the sentence', () => {
    const { q, byText } = views('tariff on cars');
    expect(F.proximity(byText(/will cut the tariff on cars to 15 percent\.$/), q)).toBe(1);
    expect(F.proximity(byText(/Carmakers welcomed/), q)).toBe(0);
  });

  it('sentenceGist: a question in other words still points at the sentence that says it, names left out', () => {
    // Not one word of the question is in the sentence ("vehicle makers" / "automakers", "levies" / "duties", "shipments abroad" / "exports").
    // (So no search finds it: the features are read for passages by number.)
    const q = queryContext(index, parseQuery('are vehicle makers afraid of levies on shipments abroad?', corpus.deals, corpus.topics), []);
    const at = (re: RegExp) => ({ index: index.passages.findIndex((p) => re.test(p.text)) }) as CandidateView;
    const right = at(/Automakers fear new duties/);
    expect(q.sentenceCredits(right.index).exact.every((x) => x === 0)).toBe(true);
    expect(F.sentenceGist(right, q)).toBeGreaterThan(0.4);
    expect(F.sentenceGist(right, q)).toBeGreaterThan(F.sentenceGist(at(/The minister said/), q) + 0.15);
    // The guard: a name counts on neither side, so "Kyoto" cannot be matched by "Osaka" (nor by anything).
    const osaka = index.passages.findIndex((p) => /^That plan was dropped/.test(p.text));
    const plain = queryContext(index, parseQuery('what happened to the talks?', corpus.deals, corpus.topics), []);
    const named = queryContext(index, parseQuery('what happened to the talks in Kyoto?', corpus.deals, corpus.topics), []);
    expect(named.gistOf(osaka, osaka + 1)).toBeCloseTo(plain.gistOf(osaka, osaka + 1), 5);
    expect(queryContext(index, parseQuery('and in Kyoto?', corpus.deals, corpus.topics), []).gistOf(osaka, osaka + 1)).toBe(0);
    // Exact matching only (no vectors): no gist.
    expect(queryContext(index, parseQuery('vehicle makers', corpus.deals, corpus.topics), [], false).gistOf(0, 1)).toBe(0);
  });

  it('paragraphGist: the gist of the paragraph around the sentence', () => {
    const { q, byText } = views('was the plan dropped? did the negotiations resume after the meeting?');
    const v = byText(/That plan was dropped/);
    expect(F.paragraphGist(v, q)).toBe(q.gistOf(v.paragraphStart, v.paragraphEnd));
    expect(v.paragraphEnd - v.paragraphStart).toBe(2);
    // The paragraph's other sentence ("the talks would resume") says what the question asks.
    expect(F.paragraphGist(v, q)).toBeGreaterThan(F.sentenceGist(v, q));
  });

  it('paragraphGist: a paragraph longer than GIST_BLOCK is read in blocks, the candidate\'s own', () => {
    const long = Array.from({ length: F.GIST_BLOCK * 2 + 3 }, (_x, i) => (i === 1 ? 'The ministers agreed to cut the levy on trucks.' : `Filler sentence number ${i} says nothing much.`)).join(' ');
    const idx = buildIndex({ ...corpus, articles: [article('long', '2024-01-01', long)] });
    const q = queryContext(idx, parseQuery('did they lower the tax on lorries?', corpus.deals, corpus.topics), []);
    const at = (i: number) => ({ index: i, paragraphStart: 0, paragraphEnd: idx.passages.length }) as CandidateView;
    expect(idx.passages.length).toBe(F.GIST_BLOCK * 2 + 3);
    // The first block holds the answer; a candidate in it reads that block, one in the last (full) block does not.
    expect(F.paragraphGist(at(3), q)).toBe(q.gistOf(0, F.GIST_BLOCK));
    expect(F.paragraphGist(at(idx.passages.length - 1), q)).toBe(q.gistOf(idx.passages.length - F.GIST_BLOCK, idx.passages.length));
    expect(F.paragraphGist(at(3), q)).toBeGreaterThan(F.paragraphGist(at(idx.passages.length - 1), q));
  });

  it('gists are the same read by term id (compact retriever) as by stem', () => {
    const byStem = buildIndex(corpus, { retriever: 'minisearch' });
    for (const question of ['are vehicle makers afraid of levies?', 'new tariff on exports in Osaka', 'did Freedonia praise the negotiators?']) {
      const parsed = parseQuery(question, corpus.deals, corpus.topics);
      const ids = queryContext(index, parsed, []);
      const stems = queryContext(byStem, parsed, []);
      for (let i = 0; i < index.passages.length; i++) expect(ids.gistOf(i, i + 1)).toBeCloseTo(stems.gistOf(i, i + 1), 5);
      expect(ids.gistOf(0, index.passages.length)).toBeCloseTo(stems.gistOf(0, index.passages.length), 5);
    }
  });

  it('typeCue: a "how much" question favours a sentence with a figure', () => {
    const { q, byText } = views('how much will the tariff on cars be?');
    expect(F.typeCue(byText(/15 percent\.$/), q)).toBe(1);
    expect(F.typeCue(byText(/Carmakers welcomed/), q)).toBe(0);
  });
});

describe('domain priors', () => {
  it('reliability: official text up, flagged text down', () => {
    const { q, byText } = views('tariff cut cars');
    expect(reliabilityPrior(byText(/15 percent\.$/), q)).toBe(DEFAULT_PRIORS.reliability.high);
    expect(reliabilityPrior(byText(/a blog said/), q)).toBe(DEFAULT_PRIORS.reliability.low);
  });

  it('era fit: "now" favours the newest era, a year its own era', () => {
    const now = views('what tariff do cars pay now?');
    expect(eraPrior(now.byText(/15 percent\.$/), now.q)).toBeGreaterThan(0);
    const y2019 = views('what did automakers and carmakers fear in 2019?');
    expect(eraPrior(y2019.byText(/Automakers fear/), y2019.q)).toBeGreaterThan(0);
    expect(eraPrior(y2019.byText(/Carmakers welcomed/), y2019.q)).toBeLessThan(0);
  });

  it('era fit reads relative dates: "last year" in an article of 2024-03-05 fits a question about 2023', () => {
    const { q, byText } = views('what happened to the steel talks in 2023?');
    expect(eraPrior(byText(/Last year the steel talks collapsed/), q)).toBeGreaterThan(0);
    const other = views('what happened to the steel talks in 2021?');
    expect(eraPrior(other.byText(/Last year the steel talks collapsed/), other.q)).toBeLessThan(0);
  });

  it('fact backing: a sentence holding a matched fact\'s quote', () => {
    const { q, byText } = views('tariff cut cars');
    const v = byText(/15 percent\.$/);
    expect(factPrior(v, q)).toBe(0);
    q.factPassages.add(v.index);
    expect(factPrior(v, q)).toBe(DEFAULT_PRIORS.factBacking);
  });

  it('fragment: a signature line is pushed down', () => {
    const { q, byText } = views('signature');
    expect(fragmentPrior(byText(/^The Signature,$/), q)).toBe(DEFAULT_PRIORS.fragment);
    const other = views('officials praised negotiators');
    expect(fragmentPrior(other.byText(/Officials in Freedonia/), other.q)).toBe(0);
  });
});

describe('weights', () => {
  it('the shipped weights name every feature and nothing else', () => {
    expect(Object.keys(DEFAULT_WEIGHTS.features).sort()).toEqual([...F.FEATURE_NAMES].sort());
    expect(() => checkWeights({ ...DEFAULT_WEIGHTS, features: { ...DEFAULT_WEIGHTS.features, bogus: 1 } })).toThrow(/unknown feature "bogus"/);
    const { typeCue: _t, ...missing } = DEFAULT_WEIGHTS.features;
    expect(() => checkWeights({ ...DEFAULT_WEIGHTS, features: missing })).toThrow(/feature "typeCue"/);
  });
});
