/**
 * Ranking: turns retriever hits into scored candidate sentences. BM25 alone is
 * not enough, so each sentence is scored with its paragraph, by how much of the
 * question it covers (rare words count more), by question-type cues, source
 * reliability, era fit and whether it carries a matching structured fact.
 */
import { analyze } from '../text/analyzer.ts';
import { eraCoversYear } from '../knowledge/eras.ts';
import type { CorpusIndex, IndexedFact } from '../retrieval/corpus-index.ts';
import type { Concept, ParsedQuery } from '../query/parse.ts';
import type { QuestionType } from '../query/question-type.ts';
import type { Passage } from '../model/types.ts';

/** A scored sentence. */
export interface Candidate {
  index: number;
  passage: Passage;
  score: number;
  /** Share (0-1, rarity-weighted) of the question's ideas found in the sentence. */
  coverage: number;
  /** The same, over the sentence and its neighbours: how well the source supports an answer. */
  support: number;
  /** True when a non-partner idea of the question is in the sentence itself. */
  onSubject: boolean;
  /** How many of the question's non-partner ideas the sentence and its neighbours hold. */
  matchedIdeas: number;
  /** True when a topic the question names is missing from the sentence and its neighbours. */
  missesTopic: boolean;
  stems: Set<string>;
}

/** Tuning knobs, with their defaults. */
export interface RankOptions {
  /** Hits taken from the sentence retriever before re-ranking. Default 200. */
  pool: number;
  /** Only sentences holding every stem of at least one of these phrases qualify (topic briefings). */
  requireAny?: readonly (readonly string[])[];
}

const RELIABILITY = { high: 1.05, normal: 1, low: 0.85 } as const;

// Sentence shapes that answer each kind of question.
const CUES: Record<QuestionType, RegExp | null> = {
  amount: /(\$|€|¥|£)\s?\d|\d[\d.,]*\s*(%|percent|billion|million|trillion|thousand)|\b(half|third|thirds|quarter|double|triple)\b/i,
  rate: /\d[\d.,]*\s*(%|percent)/i,
  when: /\b(19|20)\d\d\b|\b(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(day|week|month|year)\b/i,
  who: /\b\p{Lu}\p{Ll}+\s+(\p{Lu}\.\s+)?\p{Lu}\p{Ll}+/u,
  why: /\b(because|amid|concern|concerns|fear|fears|worr\w*|due to|so that|in order to|aim\w*|reason|required|requires|need|needs|insist\w*|if)\b/i,
  other: null,
};
const CUE_BOOST: Record<QuestionType, number> = { amount: 1.25, rate: 1.3, when: 1.15, who: 1.1, why: 1.15, other: 1 };

/** Inverse document frequency of a stem in the sentence index (unknown stems get the maximum). */
export function idf(index: CorpusIndex, stem: string): number {
  const n = index.sentences.size;
  return Math.log(1 + n / (index.sentences.documentFrequency(stem) + 0.5));
}

/** Weight of each concept: the asked word's idf; partner words count a third. */
export function conceptWeights(index: CorpusIndex, concepts: readonly Concept[]): number[] {
  return concepts.map((c) => {
    const w = idf(index, c.stems[0]!) * c.weight;
    return c.partner ? w / 3 : w;
  });
}

/** How well a set of stems satisfies one concept: 1 for the word as asked, less for a synonym. */
export function conceptMatch(c: Concept, stems: ReadonlySet<string>): number {
  if (stems.has(c.stems[0]!)) return 1;
  for (let i = 1; i < c.stems.length; i++) if (stems.has(c.stems[i]!)) return c.synonymCredit;
  return 0;
}

/** Rarity-weighted share of concepts present in a set of stems. */
export function coverageOf(concepts: readonly Concept[], weights: readonly number[], stems: ReadonlySet<string>): number {
  let total = 0;
  let found = 0;
  concepts.forEach((c, i) => {
    total += weights[i]!;
    found += weights[i]! * conceptMatch(c, stems);
  });
  return total > 0 ? found / total : 0;
}

function eraFactor(index: CorpusIndex, query: ParsedQuery, articleId: string, newestKey: string, nearby?: ReadonlySet<string>): number {
  const article = index.articles.get(articleId)!;
  let f = 1;
  if (query.recent) f *= article.era.key === newestKey ? 1.35 : 0.85;
  if (query.years.length) {
    // A year fits when the text around the sentence names it, or else the article's era covers it.
    const named = nearby && query.years.some((y) => nearby.has(String(y)));
    const fits = named || query.years.some((y) => article.date.startsWith(String(y)) || eraCoversYear(article.era, y));
    f *= fits ? 1.2 : 0.9;
  }
  return f;
}

/** The newest era key among the articles of the query's deals (or of all articles). */
export function newestEraKey(index: CorpusIndex, query: ParsedQuery): string {
  let newest = '';
  for (const a of index.articles.values()) {
    if (query.deals.length && a.era.deal && !query.deals.includes(a.era.deal)) continue;
    if (a.era.key > newest) newest = a.era.key;
  }
  return newest;
}

/**
 * Scores sentences for a parsed query, best first.
 * @param facts matched facts: sentences holding their quotes get a boost.
 */
export function rankPassages(index: CorpusIndex, query: ParsedQuery, facts: readonly IndexedFact[], options: Partial<RankOptions> = {}): Candidate[] {
  const pool = options.pool ?? 200;
  const hits = index.sentences.search(query.terms, pool);
  if (hits.length === 0) return [];
  const paraScores = new Map(index.paragraphs.search(query.terms, pool).map((h) => [h.id, h.score]));
  const maxPara = Math.max(1e-9, ...paraScores.values());
  const maxHit = hits[0]!.score;
  const weights = conceptWeights(index, query.concepts);
  const newestKey = newestEraKey(index, query);
  const factPassages = new Set(facts.flatMap((f) => f.passages));
  const cue = CUES[query.type];

  // Word pairs of the question: a sentence that keeps them together is more likely on point (term proximity).
  // Partner words are context, so pairs with them say nothing about focus.
  const partnerStems = new Set(query.concepts.filter((c) => c.partner).map((c) => c.stems[0]!));
  const asked = analyze(query.text).filter((s) => !partnerStems.has(s));
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < asked.length; i++) pairs.add(`${asked[i]} ${asked[i + 1]}`);

  const paragraphCache = new Map<number, Set<string>>();
  /** Stems of the whole paragraph holding passage `i` (computed once per paragraph per query). */
  const paragraphStems = (i: number): Set<string> => {
    const key = index.paragraphOf[i]!;
    let set = paragraphCache.get(key);
    if (!set) {
      set = new Set();
      let first = i;
      while (first > 0 && index.paragraphOf[first - 1] === key) first--;
      for (let j = first; index.paragraphOf[j] === key; j++) for (const s of index.termsOf(j)) set.add(s);
      paragraphCache.set(key, set);
    }
    return set;
  };

  const out: Candidate[] = [];
  for (const hit of hits) {
    const passage = index.passages[hit.id]!;
    const sequence = index.termsOf(hit.id);
    const stems = new Set(sequence);
    if (options.requireAny && !options.requireAny.some((phrase) => phrase.every((s) => stems.has(s)))) continue;
    // Support: the sentence's paragraph and its neighbours across a paragraph break (a subject named once covers what follows).
    const around = new Set(paragraphStems(hit.id));
    for (const j of [hit.id - 1, hit.id + 1]) {
      if (index.passages[j]?.articleId === passage.articleId) for (const s of index.termsOf(j)) around.add(s);
    }
    // A list item ("- Japan (25%)") means little without the line that introduces it ("…include:").
    const leadIn = leadInOf(index, hit.id);
    const own = leadIn === undefined ? stems : new Set([...stems, ...index.termsOf(leadIn)]);
    const coverage = coverageOf(query.concepts, weights, own);
    const support = coverageOf(query.concepts, weights, around);
    const onSubject = query.concepts.some((c) => !c.partner && c.stems.some((s) => stems.has(s)));
    const matchedIdeas = query.concepts.filter((c) => !c.partner && conceptMatch(c, around) > 0).length;
    const missesTopic = query.concepts.some((c) => c.topical && conceptMatch(c, around) === 0);
    const article = index.articles.get(passage.articleId)!;
    // Coverage of the question's ideas leads; BM25 (sentence and paragraph) breaks ties and rewards focus.
    let score = 0.2 * (hit.score / maxHit) + 0.1 * ((paraScores.get(index.paragraphOf[hit.id]!) ?? 0) / maxPara) + 0.7 * coverage + 0.2 * support;
    if (cue?.test(passage.text)) score *= CUE_BOOST[query.type];
    score *= RELIABILITY[article.reliability];
    score *= eraFactor(index, query, passage.articleId, newestKey, around);
    if (factPassages.has(hit.id)) score *= 1.1;
    if (pairs.size) {
      let together = 0;
      for (let i = 0; i + 1 < sequence.length; i++) if (pairs.has(`${sequence[i]} ${sequence[i + 1]}`)) together++;
      score *= 1 + Math.min(0.3, 0.15 * together);
    }
    // Very short fragments (captions, datelines) rarely answer anything.
    if (passage.text.length < 40 && leadIn === undefined) score *= 0.7;
    out.push({ index: hit.id, passage, score, coverage, support, onSubject, matchedIdeas, missesTopic, stems });
  }
  out.sort((a, b) => b.score - a.score);
  if (query.type === 'why') propagateToNeighbours(index, query, out, weights);
  return out;
}

/**
 * A reason is often stated in the sentence next to the one that matches the
 * question ("This concern…", "However, he said…"). For "why" questions the
 * neighbours of the best sentences inherit part of their score when they read
 * like a reason.
 */
function propagateToNeighbours(index: CorpusIndex, query: ParsedQuery, ranked: Candidate[], weights: number[]): void {
  const byIndex = new Map(ranked.map((c) => [c.index, c]));
  const cue = CUES.why!;
  for (const parent of ranked.slice(0, 5)) {
    for (const j of [parent.index - 1, parent.index + 1]) {
      const passage = index.passages[j];
      if (!passage || passage.articleId !== parent.passage.articleId || !cue.test(passage.text)) continue;
      const inherited = parent.score * 0.8;
      const existing = byIndex.get(j);
      if (existing && existing.score >= inherited) continue;
      const stems = existing?.stems ?? new Set(index.termsOf(j));
      const c: Candidate = existing ?? {
        index: j,
        passage,
        score: 0,
        coverage: coverageOf(query.concepts, weights, stems),
        support: parent.support,
        onSubject: true,
        matchedIdeas: parent.matchedIdeas,
        missesTopic: parent.missesTopic,
        stems,
      };
      c.score = inherited;
      c.onSubject = true;
      if (!existing) {
        ranked.push(c);
        byIndex.set(j, c);
      }
    }
  }
  ranked.sort((a, b) => b.score - a.score);
}

/**
 * The sentence that introduces the list holding passage `i` (one ending with ":"
 * earlier in the same paragraph, with only list items between), if `i` is a list item.
 */
function leadInOf(index: CorpusIndex, i: number): number | undefined {
  const passage = index.passages[i]!;
  for (let j = i - 1; j >= 0 && i - j <= 50; j--) {
    const p = index.passages[j]!;
    if (p.articleId !== passage.articleId || p.paragraph !== passage.paragraph) return undefined;
    if (/:\s*$/.test(p.text)) return j;
    // Items are short; a long sentence in between means the list (if any) ended.
    if (p.text.length > 200) return undefined;
  }
  return undefined;
}

/** Facts matching a query, best first, with their coverage. */
export function matchFacts(index: CorpusIndex, query: ParsedQuery, minCoverage: number): { fact: IndexedFact; coverage: number }[] {
  if (index.facts.length === 0 || query.concepts.length === 0) return [];
  const weights = conceptWeights(index, query.concepts);
  const newestKey = newestEraKey(index, query);
  const scored: { fact: IndexedFact; coverage: number; score: number }[] = [];
  for (const fact of index.facts) {
    const stems = fact.stems;
    const coverage = coverageOf(query.concepts, weights, stems);
    const onSubject = query.concepts.some((c) => !c.partner && c.stems.some((s) => stems.has(s)));
    if (!onSubject || coverage < minCoverage) continue;
    if (query.deals.length && fact.deal && !query.deals.some((d) => d.id === fact.deal)) continue;
    scored.push({ fact, coverage, score: coverage * eraFactor(index, query, fact.articleId, newestKey) });
  }
  return scored.sort((a, b) => b.score - a.score || b.fact.asOf.localeCompare(a.fact.asOf));
}
