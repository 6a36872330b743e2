/**
 * What the ranking features read: one `QueryContext` per question (concept
 * weights, the soft matcher, the question's word pairs, the answer-type cue)
 * and one `CandidateView` per candidate sentence (its stems, the stems around
 * it, its BM25 scores). Built once, so each feature is a small pure function.
 */
import { analyze } from '../text/analyzer.ts';
import { questionNames } from '../text/named-entities.ts';
import { softMatcher, UNKNOWN_ROW, type SoftMatcher } from '../text/soft-match.ts';
import { GistMeter, questionGist } from './gist.ts';
import type { CorpusIndex, IndexedFact } from '../retrieval/corpus-index.ts';
import type { TermSequences } from '../retrieval/retriever.ts';
import type { Concept, ParsedQuery } from '../query/parse.ts';
import type { QuestionType } from '../query/question-type.ts';
import type { Deal, Passage } from '../model/types.ts';

/** Per-question inputs of the features. */
export interface QueryContext {
  index: CorpusIndex;
  query: ParsedQuery;
  /** Weight of each concept: its rarity (idf), partner words a third. */
  weights: number[];
  /** Sum of `weights`. */
  totalWeight: number;
  /**
   * Credit of each concept for one stem: `soft` counts the asked word (1), a
   * knowledge synonym (its credit) and a soft match (its similarity); `exact`
   * only the first two. Memoised per question.
   */
  creditsOf(stem: string): Credits;
  /** Adjacent stem pairs of the question (partner words left out). */
  pairs: Set<string>;
  /** The sentence shape that answers this question type, if any. */
  cue: RegExp | null;
  /** Credits over passage `i`'s own stems, memoised per question. */
  sentenceCredits(i: number): Credits;
  /** Raises `into` to the credits of each stem (what `creditsOver` does, without a `Credits` per stem). */
  addCredits(stems: Iterable<string>, into: Credits): void;
  /** Raises `into` to the credits of passage `i`'s own stems (`sentenceCredits(i)` without keeping a `Credits` for it). */
  addPassageCredits(i: number, into: Credits): void;
  /** `index.termsOf(i)`, memoised per question: a candidate's sentence is read by several features. */
  termsOf(i: number): string[];
  /** Passages holding the quote of a fact that matches the question. */
  factPassages: Set<number>;
  /** The newest era among the query's deals (for "now"). */
  newestKey: string;
  /**
   * The BM25 a sentence (and a paragraph) of average length would score if it
   * held every asked word once: the scale of the BM25 features. A question
   * asked in other words than the sources' scores low against it everywhere,
   * so its BM25 differences weigh less than the soft features'.
   */
  idealSentenceBm25: number;
  idealParagraphBm25: number;
  /**
   * Cosine (0–1) of the question's gist with the gist of passages `from` to
   * `to - 1` (their distinct words: see gist.ts; names and the partner left
   * out), memoised by range; 0 without vectors.
   */
  gistOf(from: number, to: number): number;
  /** Best sentence and paragraph BM25 among the candidates. */
  maxSentenceBm25: number;
  maxParagraphBm25: number;
}

/** One candidate sentence, as the features see it. */
export interface CandidateView {
  index: number;
  passage: Passage;
  /** Analysed terms of the sentence, in order. */
  sequence: string[];
  /** Stems of the sentence, with the line introducing it when it is a list item. */
  own: Set<string>;
  /** Stems of the previous sentence of the same article, if any. */
  previous?: Set<string>;
  /** The passages of the sentence's paragraph: from `paragraphStart` to `paragraphEnd - 1`. */
  paragraphStart: number;
  paragraphEnd: number;
  /** True when the paragraph or a sentence on either side holds the stem. */
  aroundHas(stem: string): boolean;
  /** Best credit per question idea over `own` (soft and exact). */
  ownCredits: Credits;
  /** The same over the previous sentence, if any. */
  previousCredits?: Credits;
  /** The same over the paragraph and the sentences on either side. */
  aroundCredits: Credits;
  /** True when the sentence is a list item read with its lead-in. */
  hasLeadIn: boolean;
  sentenceBm25: number;
  paragraphBm25: number;
}

/** Best credit per question idea (same order as the query's concepts): with soft matches, and exact only. */
export interface Credits {
  soft: Float32Array;
  exact: Float32Array;
}

/** The best credits of each idea over a list of stems. */
export function creditsOver(q: QueryContext, stems: Iterable<string>): Credits {
  const n = q.weights.length;
  const credits = { soft: new Float32Array(n), exact: new Float32Array(n) };
  q.addCredits(stems, credits);
  return credits;
}

/** The idea-by-idea maximum of several credit sets. */
export function maxCredits(...all: (Credits | undefined)[]): Credits {
  const n = all.find((c) => c !== undefined)?.soft.length ?? 0;
  const soft = new Float32Array(n);
  const exact = new Float32Array(n);
  for (const c of all) {
    if (c === undefined) continue;
    for (let i = 0; i < n; i++) {
      if (c.soft[i]! > soft[i]!) soft[i] = c.soft[i]!;
      if (c.exact[i]! > exact[i]!) exact[i] = c.exact[i]!;
    }
  }
  return { soft, exact };
}

/** Rarity-weighted share (0–1) of a credit vector. */
export function shareOf(q: QueryContext, credits: Float32Array): number {
  if (q.totalWeight <= 0) return 0;
  let found = 0;
  for (let i = 0; i < credits.length; i++) found += q.weights[i]! * credits[i]!;
  return found / q.totalWeight;
}

/** Sentence shapes that answer each kind of question. */
export const CUES: Record<QuestionType, RegExp | null> = {
  amount: /(\$|€|¥|£)\s?\d|(?<![\d.,])\d[\d.,]*\s*(%|percent|billion|million|trillion|thousand)|\b(half|third|thirds|quarter|double|triple)\b|\b\d[\d.,]*\b/i,
  // Figures are matched from the start of a run of digits (the lookbehind), so a long run stays linear.
  rate: /(?<![\d.,])\d[\d.,]*\s*(%|percent)/i,
  when: /\b(19|20)\d\d\b|\b(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(day|week|month|year)s?\b/i,
  who: /\b\p{Lu}\p{Ll}+\s+(\p{Lu}\.\s+)?\p{Lu}\p{Ll}+/u,
  source: /\b(said|says|told|according to|reported|wrote|announced|stated)\b/i,
  why: /\b(because|amid|concern|concerns|fear|fears|worr\w*|due to|so that|in order to|aim\w*|reason|required|requires|need|needs|insist\w*|if)\b/i,
  yesno: null,
  other: null,
};

/**
 * Inverse document frequency of a stem among sentences. A word the knowledge
 * never uses counts as its rarest (df 1): it cannot tell sentences apart, and
 * should not outweigh the words that can.
 */
export function idf(index: CorpusIndex, stem: string): number {
  return Math.log(1 + index.sentences.size / (Math.max(1, index.sentences.documentFrequency(stem)) + 0.5));
}

/** Weight of each concept: the asked word's idf times its weight; partner words count a third. */
export function conceptWeights(index: CorpusIndex, concepts: readonly Concept[]): number[] {
  return concepts.map((c) => {
    const w = idf(index, c.stems[0]!) * c.weight;
    return c.partner ? w / 3 : w;
  });
}

/** Builds the per-question context; `soft: false` leaves word vectors out (exact matching only). */
export function queryContext(index: CorpusIndex, query: ParsedQuery, facts: readonly IndexedFact[], soft = true): QueryContext {
  const weights = conceptWeights(index, query.concepts);
  // The corpus's names and the question's, read in place (copying the corpus's set cost more than the rest of the context).
  const askedNames = questionNames(query.text);
  const names = { has: (s: string) => index.names.has(s) || askedNames.has(s) };
  const matcher: SoftMatcher = softMatcher(soft ? index.vectors : null, names, { wordnet: soft ? index.wordnet : null });
  const concepts = query.concepts;
  const n = concepts.length;
  // Each stem's credits, memoised in one flat table (soft then exact, 2n numbers a stem) rather than two
  // arrays a stem: a question meets thousands of stems. Most earn nothing; they get slot -1 and cost a lookup.
  let table = new Float32Array(2 * n * 64);
  let used = 0;
  const scratch = new Float32Array(2 * n);
  // Stores a stem's credits (soft then exact, in `scratch`): the slot, or -1 when it earns nothing.
  // Stored as float32, as the credits always were; "earns something" is judged on the stored value.
  const store = (): number => {
    let any = false;
    for (let i = 0; i < 2 * n && !any; i++) any = scratch[i]! > 0;
    if (!any) return -1;
    if (used + 2 * n > table.length) {
      const grown = new Float32Array(table.length * 2);
      grown.set(table);
      table = grown;
    }
    const at = used;
    table.set(scratch, at);
    used += 2 * n;
    return at;
  };
  // The sentence retriever's terms by id, when it keeps them: the memo is then an array read per stem
  // instead of a string hash (see `slotOfId`), and a stem is compared with the concepts by number.
  const ids = termIds(index);
  const rows = ids && soft && index.vectors ? ids.rows : null;
  // The concepts' stems as ids (-1: not in the dictionary).
  const firstIds = ids ? Int32Array.from(concepts, (c) => ids.id(c.stems[0]!)) : null;
  const synonymIds = ids ? concepts.map((c) => Int32Array.from(c.stems.slice(1), (s) => ids.id(s))) : [];
  // All concepts' soft matches of one stem in one call. Partner words get none: they are names, matched
  // only exactly or through the knowledge's aliases.
  const softAll = matcher.againstAll(concepts.map((c) => (c.partner ? null : c.stems[0]!)));
  const sims = new Float64Array(n);
  // Scores a stem (with its term id `t`, or -1 to compare by string) against every concept: the asked
  // word 1, a knowledge synonym its credit, else the soft match.
  const scoreStem = (stem: string, t: number, row: number): number => {
    softAll(stem, row, sims);
    for (let i = 0; i < n; i++) {
      const c = concepts[i]!;
      let soft = sims[i]!;
      let exact = 0;
      if (t >= 0 ? firstIds![i] === t : c.stems[0] === stem) soft = exact = 1;
      else if (t >= 0 ? synonymIds[i]!.includes(t) : c.stems.includes(stem)) soft = exact = c.synonymCredit;
      scratch[i] = soft;
      scratch[n + i] = exact;
    }
    return store();
  };
  const slotOf = new Map<string, number>();
  const slot = (stem: string): number => {
    let at = slotOf.get(stem);
    if (at === undefined) slotOf.set(stem, (at = scoreStem(stem, -1, UNKNOWN_ROW)));
    return at;
  };
  // The memo by term id: 0 not scored yet; -1 earns nothing; else the slot plus one.
  const slotById = ids ? new Int32Array(ids.vocabulary) : null;
  const scoreId = (t: number): number => {
    const stem = ids!.term(t);
    let row = UNKNOWN_ROW;
    if (rows) {
      row = rows[t]!;
      if (row === UNKNOWN_ROW) rows[t] = row = index.vectors!.row(stem);
    }
    return scoreStem(stem, t, row);
  };
  const slotOfId = (t: number): number => {
    const v = slotById![t]!;
    if (v !== 0) return v > 0 ? v - 1 : -1;
    const at = scoreId(t);
    slotById![t] = at < 0 ? -1 : at + 1;
    return at;
  };
  const raise = (at: number, soft: Float32Array, exact: Float32Array) => {
    for (let i = 0; i < n; i++) {
      const sv = table[at + i]!;
      const ev = table[at + n + i]!;
      if (sv > soft[i]!) soft[i] = sv;
      if (ev > exact[i]!) exact[i] = ev;
    }
  };
  const creditsOf = (stem: string): Credits => {
    const at = slot(stem);
    if (at < 0) return { soft: new Float32Array(n), exact: new Float32Array(n) };
    return { soft: table.slice(at, at + n), exact: table.slice(at + n, at + 2 * n) };
  };
  const addCredits = (stems: Iterable<string>, into: Credits): void => {
    for (const s of stems) {
      const at = slot(s);
      if (at >= 0) raise(at, into.soft, into.exact);
    }
  };
  // Read in place: a view of each sentence's ids would be one more object per sentence for the collector.
  const addIds = (p: number, into: Credits): void => {
    const { offsets, terms } = ids!.sequences;
    for (let k = offsets[p]!, end = offsets[p + 1]!; k < end; k++) {
      const at = slotOfId(terms[k]!);
      if (at >= 0) raise(at, into.soft, into.exact);
    }
  };
  const addPassageCredits = (p: number, into: Credits): void => {
    const known = sentenceMemo.get(p);
    if (known || !ids) {
      const c = known ?? ctx.sentenceCredits(p);
      for (let i = 0; i < n; i++) {
        if (c.soft[i]! > into.soft[i]!) into.soft[i] = c.soft[i]!;
        if (c.exact[i]! > into.exact[i]!) into.exact[i] = c.exact[i]!;
      }
      return;
    }
    addIds(p, into);
  };
  const termsMemo = new Map<number, string[]>();
  const termsOf = (i: number): string[] => {
    let terms = termsMemo.get(i);
    if (!terms) termsMemo.set(i, (terms = index.termsOf(i)));
    return terms;
  };
  const sentenceMemo = new Map<number, Credits>();
  const partnerStems = new Set(query.concepts.filter((c) => c.partner).map((c) => c.stems[0]!));
  const asked = analyze(query.text).filter((s) => !partnerStems.has(s));
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < asked.length; i++) pairs.add(`${asked[i]} ${asked[i + 1]}`);
  const askedWeights = askedTerms(query);
  const gistOf = gistReader(index, ids, soft ? index.vectors : null, asked, names, partnerStems, termsOf);
  const ctx: QueryContext = {
    gistOf,
    index,
    query,
    weights,
    totalWeight: weights.reduce((a, b) => a + b, 0),
    creditsOf,
    addCredits,
    termsOf,
    addPassageCredits,
    sentenceCredits(i) {
      let c = sentenceMemo.get(i);
      if (!c) {
        if (ids) {
          c = { soft: new Float32Array(n), exact: new Float32Array(n) };
          addIds(i, c);
        } else c = creditsOver(ctx, termsOf(i));
        sentenceMemo.set(i, c);
      }
      return c;
    },
    pairs,
    cue: CUES[query.type],
    factPassages: new Set(facts.flatMap((f) => f.passages)),
    newestKey: newestEraKey(index, query),
    idealSentenceBm25: idealBm25(index.sentences, askedWeights),
    idealParagraphBm25: idealBm25(index.paragraphs, askedWeights),
    maxSentenceBm25: 1e-9,
    maxParagraphBm25: 1e-9,
  };
  return ctx;
}

/**
 * `QueryContext.gistOf` for a question: its gist from the asked words, then
 * each passage range's, through the term ids when the retriever keeps them
 * (rows, weights and the name test looked up once per term and index) or
 * else by stem.
 */
function gistReader(
  index: CorpusIndex,
  ids: TermIds | null,
  vectors: CorpusIndex['vectors'],
  asked: readonly string[],
  names: { has(s: string): boolean },
  partner: ReadonlySet<string>,
  termsOf: (i: number) => string[],
): (from: number, to: number) => number {
  const left = (s: string) => names.has(s) || partner.has(s);
  const question = vectors ? questionGist(vectors, [...new Set(asked)].filter((s) => !left(s)).map((s) => ({ row: vectors.row(s), weight: idf(index, s) }))) : null;
  if (!vectors || !question) return () => 0;
  const meter = new GistMeter(vectors, question);
  const memo = new Map<number, number>();
  const seen = new Set<string>();
  const addStem = (s: string) => {
    if (seen.has(s) || left(s)) return;
    seen.add(s);
    const row = vectors.row(s);
    if (row >= 0) meter.add(row, idf(index, s));
  };
  // By id: the question's names and partner words as ids (a name of the corpus is marked in the table).
  const askedLeft = ids ? new Set([...asked, ...partner].filter(left).map((s) => ids.id(s))) : null;
  let stamp = 0;
  const addId = (t: number) => {
    const g = ids!.gist;
    if (g.seen[t] === stamp) return;
    g.seen[t] = stamp;
    if (g.weight[t]! < 0) {
      const s = ids!.term(t);
      g.weight[t] = index.names.has(s) ? 0 : idf(index, s);
      if (ids!.rows[t] === UNKNOWN_ROW) ids!.rows[t] = vectors.row(s);
    }
    const row = ids!.rows[t]!;
    if (row >= 0 && g.weight[t]! > 0 && !askedLeft!.has(t)) meter.add(row, g.weight[t]!);
  };
  return (from, to) => {
    // Ranges are sentences and paragraphs: far under 65,536 passages long.
    const key = to - from < 65_536 ? from * 65_536 + (to - from) : -1;
    let v = memo.get(key);
    if (v !== undefined) return v;
    meter.begin();
    if (ids) {
      // A fresh stamp marks the words of this range as seen (the table is shared by every question of the index).
      stamp = ids.gist.nextStamp();
      const { offsets, terms } = ids.sequences;
      for (let j = from; j < to; j++) for (let k = offsets[j]!, end = offsets[j + 1]!; k < end; k++) addId(terms[k]!);
    } else {
      seen.clear();
      for (let j = from; j < to; j++) for (const s of termsOf(j)) addStem(s);
    }
    memo.set(key, (v = meter.cosine()));
    return v;
  };
}

/** The sentence retriever's terms by id, with a vector row per id filled in as ids are met. */
interface TermIds {
  /** Per term id, for the gists: its weight (idf; 0 for a name; -1 until looked up) and the stamp of the last range that met it. */
  gist: { weight: Float32Array; seen: Uint32Array; nextStamp(): number };
  vocabulary: number;
  /** Each passage's term ids (passage `i`'s from `offsets[i]` to `offsets[i + 1]`). */
  sequences: TermSequences;
  term(t: number): string;
  /** Id of a stem, or -1. */
  id(stem: string): number;
  /** Vector row of each term id of `index.vectors`; UNKNOWN_ROW until first looked up. */
  rows: Int32Array;
}
const termIdTables = new WeakMap<CorpusIndex, TermIds | null>();

/** The sentence retriever's term ids, when it keeps them (else null); one table per index, shared by its questions. */
function termIds(index: CorpusIndex): TermIds | null {
  let t = termIdTables.get(index);
  if (t === undefined) {
    const r = index.sentences;
    const sequences = r.termSequences?.();
    t =
      sequences && r.term && r.termId && r.vocabulary !== undefined && sequences.offsets.length === index.passages.length + 1
        ? {
            vocabulary: r.vocabulary,
            sequences,
            term: (id) => r.term!(id),
            id: (stem) => r.termId!(stem),
            rows: new Int32Array(r.vocabulary).fill(UNKNOWN_ROW),
            gist: gistTable(r.vocabulary),
          }
        : null;
    termIdTables.set(index, t);
  }
  return t;
}

function gistTable(vocabulary: number): TermIds['gist'] {
  const seen = new Uint32Array(vocabulary);
  let stamp = 0;
  return {
    weight: new Float32Array(vocabulary).fill(-1),
    seen,
    nextStamp() {
      // After 2³² − 1 ranges the stamps wrap: clear them so an old stamp cannot pass for the new one.
      if (++stamp === 0xffffffff) {
        seen.fill(0);
        stamp = 1;
      }
      return stamp;
    },
  };
}

/** The asked words among the search terms (each concept's first stem; synonyms left out), with their weights. */
export function askedTerms(query: ParsedQuery): Map<string, number> {
  return new Map(query.concepts.map((c) => [c.stems[0]!, query.terms.get(c.stems[0]!) ?? 1]));
}

/**
 * BM25+ (minisearch's formula: k 1.2, b 0.7, d 0.5, summed over the terms and
 * multiplied by the number matched) of a document of average length holding
 * each term once. A term no document holds counts as the rarest (df 1),
 * as in `idf`: a question in words the sources never use cannot score near it.
 */
export function idealBm25(retriever: Pick<CorpusIndex['sentences'], 'size' | 'documentFrequency'>, terms: ReadonlyMap<string, number>): number {
  const n = retriever.size;
  let sum = 0;
  for (const [term, weight] of terms) {
    const df = Math.max(1, retriever.documentFrequency(term));
    sum += weight * Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (0.5 + 1);
  }
  return Math.max(1e-9, sum * terms.size);
}

interface NewestEras {
  all: string;
  /** Among articles of no deal's era. */
  noDeal: string;
  byDeal: Map<Deal, string>;
}
const newestEras = new WeakMap<CorpusIndex, NewestEras>();

/** The newest era key among the articles of the query's deals (or of all articles). */
export function newestEraKey(index: CorpusIndex, query: ParsedQuery): string {
  // One pass over the articles per index (a large corpus has thousands), not per question.
  let eras = newestEras.get(index);
  if (!eras) {
    eras = { all: '', noDeal: '', byDeal: new Map() };
    for (const a of index.articles.values()) {
      const key = a.era.key;
      if (key > eras.all) eras.all = key;
      if (!a.era.deal) {
        if (key > eras.noDeal) eras.noDeal = key;
      } else if (key > (eras.byDeal.get(a.era.deal) ?? '')) eras.byDeal.set(a.era.deal, key);
    }
    newestEras.set(index, eras);
  }
  if (!query.deals.length) return eras.all;
  let newest = eras.noDeal;
  for (const d of query.deals) {
    const key = eras.byDeal.get(d) ?? '';
    if (key > newest) newest = key;
  }
  return newest;
}
