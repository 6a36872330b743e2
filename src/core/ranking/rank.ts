/**
 * Ranking: gathers candidate sentences (the sentence retriever's hits, and
 * every sentence of the best paragraphs, since a paraphrased answer may share
 * few words with the question), computes the named features of each, and
 * scores them with the fitted weights plus the documented domain priors.
 */
import type { CorpusIndex, IndexedFact } from '../retrieval/corpus-index.ts';
import type { ParsedQuery } from '../query/parse.ts';
import type { Passage } from '../model/types.ts';
import { askedTerms, creditsOver, maxCredits, queryContext, shareOf, type CandidateView, type Credits, type QueryContext } from './context.ts';
import { FEATURE_NAMES, FEATURES, type FeatureName } from './features.ts';
import { DEFAULT_PRIORS, priorOffset, type Priors } from './priors.ts';
import { DEFAULT_WEIGHTS, sigmoid, type RankWeights } from './weights.ts';

export { conceptWeights, idf, newestEraKey } from './context.ts';

/** A scored sentence. */
export interface Candidate {
  index: number;
  passage: Passage;
  /** Probability (0–1) that the sentence answers the question: the sigmoid of `logit`. */
  score: number;
  /** Fitted logit plus the domain priors. */
  logit: number;
  /** The feature values behind the score (for `--explain` and fitting). */
  features: Record<FeatureName, number>;
  /** The domain priors' offset in the logit. */
  priors: number;
  /** Share of the question's ideas (soft credit) in the sentence and its neighbours. */
  support: number;
  /** True when a non-partner idea of the question is in the sentence itself (exactly or softly). */
  onSubject: boolean;
  /** Soft credit of each question idea over the sentence's paragraph and neighbours (`CandidateView.aroundCredits.soft`). */
  around: Float32Array;
  /** True when a topic the question names is missing from the sentence and its neighbours. */
  missesTopic: boolean;
  stems: Set<string>;
}

/** Tuning knobs, with their defaults. */
export interface RankOptions {
  /** Hits taken from the sentence retriever before re-ranking. Default `SENTENCE_POOL` (200). */
  pool: number;
  /** Paragraphs whose every sentence joins the candidates. Default `PARAGRAPH_POOL` (8). */
  paragraphs: number;
  /** Only sentences holding every stem of at least one of these phrases qualify (topic briefings). */
  requireAny?: readonly (readonly string[])[];
  /** Weights and thresholds. Default `DEFAULT_WEIGHTS` (fitted-weights.ts). */
  weights: RankWeights;
  /** Domain priors. Default `DEFAULT_PRIORS`. */
  priors: Priors;
}

/**
 * Default `RankOptions.pool`. Measured (SQuAD validation, ranking alone:
 * top-3 84.4% at 200, 100 and 50, 84.3% at 30; the 100k bench tier, 300
 * SQuAD questions: top-3 74.3% at 200, 75.0% at 50 and 30, pipeline p99
 * 33.3 ms at 200, 15.6 ms at 50, 13.3 ms at 30): beyond 50, more BM25 hits
 * only cost time, each bringing its paragraph's credits.
 */
export const SENTENCE_POOL = 50;
/**
 * Default `RankOptions.paragraphs`: the answer to a paraphrased question
 * often shares no word with it, but its paragraph does. Measured with the
 * shipped weights: 8, 4 and 2 give the same SQuAD validation top-3 (84.4%),
 * paraphrase set (56% ranking alone) and 100k top-3 (75.0%); at 100k, 4
 * paragraphs answer in p50 6.4 ms / p99 14.5 ms against 7.0 / 16.8 ms for 8.
 */
export const PARAGRAPH_POOL = 4;

const paragraphStarts = new WeakMap<CorpusIndex, Uint32Array>();
/** First passage of each paragraph (passages are stored in order), computed once per index. */
function startsOf(index: CorpusIndex): Uint32Array {
  let starts = paragraphStarts.get(index);
  if (!starts) {
    const count = index.paragraphOf.length ? index.paragraphOf[index.paragraphOf.length - 1]! + 1 : 0;
    starts = new Uint32Array(count + 1).fill(index.paragraphOf.length);
    for (let i = index.paragraphOf.length - 1; i >= 0; i--) starts[index.paragraphOf[i]!] = i;
    for (let p = count - 1; p >= 0; p--) if (starts[p]! > starts[p + 1]!) starts[p] = starts[p + 1]!;
    paragraphStarts.set(index, starts);
  }
  return starts;
}

/**
 * The sentence that introduces the list holding passage `i` (one ending with ":"
 * earlier in the same paragraph, with only list items between), if `i` is a list item.
 */
export function leadInOf(index: CorpusIndex, i: number): number | undefined {
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

/** What `candidateView` reads per paragraph, memoised by the caller. */
interface ParagraphMemo {
  /** First passage of paragraph `p` (and `starts[p + 1]` the end). */
  starts: Uint32Array;
  stems(i: number): Set<string>;
  credits(i: number): Credits;
}

// A class, not an object literal with getters and closures: views are made by the hundred per question.
class View implements CandidateView {
  readonly passage: Passage;
  readonly sequence: string[];
  readonly ownCredits: Credits;
  readonly previousCredits?: Credits;
  readonly aroundCredits: Credits;
  readonly hasLeadIn: boolean;
  readonly paragraphStart: number;
  readonly paragraphEnd: number;
  // The stem sets are built when read (topic briefings read `own`; no feature reads `previous`).
  private ownStems?: Set<string>;
  private previousStems?: Set<string>;

  constructor(
    private readonly q: QueryContext,
    readonly index: number,
    readonly sentenceBm25: number,
    readonly paragraphBm25: number,
    private readonly paragraph: ParagraphMemo,
    private readonly leadIn: number | undefined,
    private readonly previousId: number | undefined,
    private readonly neighbours: number[],
  ) {
    const corpus = q.index;
    this.passage = corpus.passages[index]!;
    this.sequence = q.termsOf(index);
    this.hasLeadIn = leadIn !== undefined;
    const p = corpus.paragraphOf[index]!;
    this.paragraphStart = paragraph.starts[p]!;
    this.paragraphEnd = paragraph.starts[p + 1]!;
    this.ownCredits = leadIn === undefined ? q.sentenceCredits(index) : maxCredits(q.sentenceCredits(index), q.sentenceCredits(leadIn));
    if (previousId !== undefined) this.previousCredits = q.sentenceCredits(previousId);
    // A neighbour in the same paragraph adds nothing to the paragraph's credits: only the others are merged.
    const paragraphCredits = paragraph.credits(index);
    const outside = neighbours.filter((j) => corpus.paragraphOf[j] !== corpus.paragraphOf[index]);
    this.aroundCredits = outside.length === 0 ? paragraphCredits : maxCredits(paragraphCredits, ...outside.map((j) => q.sentenceCredits(j)));
  }

  get own(): Set<string> {
    if (!this.ownStems) {
      this.ownStems = new Set(this.sequence);
      if (this.leadIn !== undefined) for (const s of this.q.termsOf(this.leadIn)) this.ownStems.add(s);
    }
    return this.ownStems;
  }

  get previous(): Set<string> | undefined {
    if (this.previousId !== undefined && !this.previousStems) this.previousStems = new Set(this.q.termsOf(this.previousId));
    return this.previousStems;
  }

  aroundHas(s: string): boolean {
    return this.paragraph.stems(this.index).has(s) || this.neighbours.some((j) => this.q.termsOf(j).includes(s));
  }
}

/** Builds the feature view of passage `id`; `paragraphCredits` and `paragraphStems` are memoised per paragraph by the caller. */
export function candidateView(q: QueryContext, id: number, sentenceBm25: number, paragraphBm25: number, paragraph: ParagraphMemo): CandidateView {
  const index = q.index;
  const article = index.passages[id]!.articleId;
  const leadIn = leadInOf(index, id);
  const sameArticle = (j: number) => index.passages[j]?.articleId === article;
  const neighbours = [id - 1, id + 1].filter(sameArticle);
  const previous = sameArticle(id - 1) && leadIn !== id - 1 ? id - 1 : undefined;
  return new View(q, id, sentenceBm25, paragraphBm25, paragraph, leadIn, previous, neighbours);
}

/** Scores one view: the fitted logit plus priors. */
export function scoreView(view: CandidateView, q: QueryContext, weights: RankWeights = DEFAULT_WEIGHTS, priors: Priors = DEFAULT_PRIORS) {
  const features = {} as Record<FeatureName, number>;
  let logit = weights.bias;
  for (const name of FEATURE_NAMES) {
    const v = FEATURES[name](view, q);
    features[name] = v;
    logit += weights.features[name] * v;
  }
  const offset = priorOffset(view, q, priors);
  return { features, priors: offset, logit: logit + offset };
}

/**
 * The candidate views of a query, before scoring (exported for fitting).
 * Sentence hits and the sentences of the best paragraphs, deduplicated.
 */
export function candidateViews(index: CorpusIndex, q: QueryContext, options: Partial<RankOptions> = {}): CandidateView[] {
  const query = q.query;
  const hits = index.sentences.search(query.terms, options.pool ?? SENTENCE_POOL);
  const paragraphHits = index.paragraphs.search(query.terms, Math.max(options.pool ?? SENTENCE_POOL, options.paragraphs ?? PARAGRAPH_POOL));
  if (hits.length === 0 && paragraphHits.length === 0) return [];
  const paraScores = new Map(paragraphHits.map((h) => [h.id, h.score]));
  const bm25 = new Map(hits.map((h) => [h.id, h.score]));
  const ids = new Set(hits.map((h) => h.id));
  const starts = startsOf(index);
  for (const h of paragraphHits.slice(0, options.paragraphs ?? PARAGRAPH_POOL)) {
    for (let i = starts[h.id]!; i < starts[h.id + 1]!; i++) ids.add(i);
  }
  const stemCache = new Map<number, Set<string>>();
  const creditCache = new Map<number, Credits>();
  const paragraph = {
    starts,
    stems(i: number): Set<string> {
      const key = index.paragraphOf[i]!;
      let set = stemCache.get(key);
      if (!set) {
        set = new Set();
        for (let j = starts[key]!; j < starts[key + 1]!; j++) for (const s of q.termsOf(j)) set.add(s);
        stemCache.set(key, set);
      }
      return set;
    },
    credits(i: number): Credits {
      const key = index.paragraphOf[i]!;
      let c = creditCache.get(key);
      if (!c) {
        // Straight from the stems: most of a paragraph's sentences are read only through it, so they need no credits of their own.
        const n = q.weights.length;
        c = { soft: new Float32Array(n), exact: new Float32Array(n) };
        for (let j = starts[key]!; j < starts[key + 1]!; j++) q.addPassageCredits(j, c);
        creditCache.set(key, c);
      }
      return c;
    },
  };
  // The BM25 features score the asked words only. The search also holds a named topic's other words
  // (recall), but summed they let a sentence using four of them ("fund", "projects", "profits", "split")
  // outscore one using the asked word ("invest"): one idea would count four times.
  const asked = askedSearchTerms(query);
  const rescore = asked.size < query.terms.size && index.sentences.scoreOf && index.paragraphs.scoreOf;
  let maxSentence = hits[0]?.score ?? 0;
  let maxParagraph = paragraphHits[0]?.score ?? 0;
  if (rescore) {
    maxSentence = maxParagraph = 0;
    for (const id of ids) bm25.set(id, index.sentences.scoreOf!(id, asked));
    for (const id of new Set([...ids].map((i) => index.paragraphOf[i]!))) paraScores.set(id, index.paragraphs.scoreOf!(id, asked));
  }
  const views: CandidateView[] = [];
  for (const id of ids) {
    const view = candidateView(q, id, bm25.get(id) ?? 0, paraScores.get(index.paragraphOf[id]!) ?? 0, paragraph);
    if (options.requireAny && !options.requireAny.some((phrase) => phrase.every((s) => view.own.has(s)))) continue;
    views.push(view);
    if (rescore) {
      maxSentence = Math.max(maxSentence, view.sentenceBm25);
      maxParagraph = Math.max(maxParagraph, view.paragraphBm25);
    }
  }
  q.maxSentenceBm25 = Math.max(1e-9, maxSentence);
  q.maxParagraphBm25 = Math.max(1e-9, maxParagraph);
  return views;
}

/** The search terms that are asked words (`askedTerms`) or years, with their weights: a topic's other words left out. */
export function askedSearchTerms(query: ParsedQuery): Map<string, number> {
  const terms = askedTerms(query);
  for (const [s, w] of query.terms) if (/^(19|20)\d\d$/.test(s)) terms.set(s, w);
  return terms;
}

/**
 * Scores sentences for a parsed query, best first.
 * @param facts matched facts: sentences holding their quotes get the fact prior.
 */
export function rankPassages(index: CorpusIndex, query: ParsedQuery, facts: readonly IndexedFact[], options: Partial<RankOptions> = {}): Candidate[] {
  const q = queryContext(index, query, facts);
  const views = candidateViews(index, q, options);
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const priors = options.priors ?? DEFAULT_PRIORS;
  const subject = query.concepts.map((c, i) => (c.partner ? -1 : i)).filter((i) => i >= 0);
  const topical = query.concepts.map((c, i) => (c.topical ? i : -1)).filter((i) => i >= 0);
  const out: Candidate[] = views.map((view) => {
    const { features, priors: offset, logit } = scoreView(view, q, weights, priors);
    let stems: Set<string> | undefined;
    return {
      index: view.index,
      passage: view.passage,
      score: sigmoid(logit),
      logit,
      features,
      priors: offset,
      support: features.neighbourSupport,
      around: view.aroundCredits.soft,
      onSubject: subject.some((i) => view.ownCredits.soft[i]! > 0),
      missesTopic: topical.some((i) => view.aroundCredits.exact[i]! === 0),
      // Built when read: only the quotes an answer considers need it.
      get stems() {
        return (stems ??= new Set(view.sequence));
      },
    };
  });
  return out.sort((a, b) => b.score - a.score);
}

/** Facts matching a query, best first, with their coverage (exact and knowledge synonyms). */
export function matchFacts(index: CorpusIndex, query: ParsedQuery, minCoverage: number): { fact: IndexedFact; coverage: number }[] {
  if (index.facts.length === 0 || query.concepts.length === 0) return [];
  // Facts match on the question's own words and the knowledge's synonyms: no soft matching needed.
  const q = queryContext(index, query, [], false);
  const scored: { fact: IndexedFact; coverage: number; score: number }[] = [];
  for (const fact of index.facts) {
    const stems = fact.stems;
    const share = shareOf(q, creditsOver(q, stems).exact);
    const onSubject = query.concepts.some((c) => !c.partner && c.stems.some((s) => stems.has(s)));
    if (!onSubject || share < minCoverage) continue;
    if (query.deals.length && fact.deal && !query.deals.some((d) => d.id === fact.deal)) continue;
    const article = index.articles.get(fact.articleId)!;
    const eraBonus = query.recent ? (article.era.key === q.newestKey ? 1.35 : 0.85) : 1;
    scored.push({ fact, coverage: share, score: share * eraBonus });
  }
  return scored.sort((a, b) => b.score - a.score || b.fact.asOf.localeCompare(a.fact.asOf));
}
