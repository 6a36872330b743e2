/**
 * Abstention as a calibrated decision: the probability that the knowledge
 * answers the question at all, from question-level features of the same
 * scores (how good the best sentence is, and how much of the question's
 * vocabulary the knowledge uses anywhere). Fitted by `npm run fit` on the
 * SQuAD split of the fitting half; the threshold is chosen on the validation half.
 */
import type { CorpusIndex } from '../retrieval/corpus-index.ts';
import type { ParsedQuery } from '../query/parse.ts';
import { CALENDAR_STEMS, questionNames } from '../text/named-entities.ts';

/** The question-level features, by name. */
export interface AnswerabilityFeatures {
  /** The best sentence's ranking logit (priors included). */
  bestLogit: number;
  /** The best sentence's soft coverage of the question. */
  bestCoverage: number;
  /** Coverage by the best sentence's paragraph and neighbours. */
  bestSupport: number;
  /**
   * Share of the question's subject words (not the partner) that the
   * knowledge uses anywhere, as asked, as a knowledge synonym or as a WordNet
   * synonym ("treaty" when the sources say "agreement"): low for a question
   * about something the sources never discuss.
   */
  vocabulary: number;
  /**
   * Share of the names the question capitalises (not the partner, not months
   * or weekdays: "France", "Lutnick") that the best sentence, its neighbours or its paragraph use
   * (or a form of, see `nameForms`: "American" is found as "U.S."); 1
   * when it names none. A question about a name the answer's source never
   * mentions is usually about something else.
   */
  namesFound: number;
  /**
   * How far the best sentence's logit stands above the field (the mean logit
   * of the next `MARGIN_FIELD` candidates). A question the knowledge answers
   * has a sentence that stands out even when its words are paraphrased; for
   * one it does not answer, the best is one of many equally weak matches.
   */
  margin: number;
}

/** Candidates after the best whose mean logit is the field of `margin`. Default 20 (10 and 5 measured: see README). */
export const MARGIN_FIELD = 20;

/** Feature names in weights-file order. */
export const ANSWERABILITY_FEATURES = ['bestCoverage', 'bestSupport', 'vocabulary', 'namesFound', 'margin'] as const satisfies readonly (keyof AnswerabilityFeatures)[];

/**
 * Least soft credit (soft-match.ts: word vectors or WordNet) that some
 * candidate's surroundings must give a question word the knowledge never
 * uses, for the word to count as known: "sold" is known through "sell"
 * (0.58), "airliners" through "aircraft" (0.51), not "kilogram" (0.20) nor
 * "rerouted" (0.15). Default 0.3 (measured: README, "How answers are found").
 */
export const VOCABULARY_SOFT_CREDIT = 0.3;

/**
 * Share of the question's subject words (not the partner) that the knowledge
 * uses: itself, through a WordNet synonym, or, given each idea's best soft
 * credit over the candidates (`softBest`, see `bestSoftCredits`), through a
 * word near enough in meaning (`VOCABULARY_SOFT_CREDIT`). Each word counts once.
 */
export function vocabularyShare(index: CorpusIndex, query: ParsedQuery, softBest?: ArrayLike<number>, minSoft = VOCABULARY_SOFT_CREDIT): number {
  const subject = query.concepts.map((c, i) => [c, i] as const).filter(([c]) => !c.partner);
  if (subject.length === 0) return 0;
  const known = (s: string) => index.sentences.documentFrequency(s) > 0;
  const isKnown = ([c, i]: (typeof subject)[number]) =>
    c.stems.some(known) || (index.wordnet?.synonymsOf(c.stems[0]!).some(known) ?? false) || (softBest !== undefined && softBest[i]! >= minSoft);
  return subject.filter(isKnown).length / subject.length;
}

/** Each idea's best soft credit over the candidates' surroundings (their `around` credits). */
export function bestSoftCredits(ranked: readonly { around: ArrayLike<number> }[], ideas: number): Float32Array {
  const best = new Float32Array(ideas);
  for (const c of ranked) for (let i = 0; i < ideas; i++) if (c.around[i]! > best[i]!) best[i] = c.around[i]!;
  return best;
}

/** What answerability reads of the best candidate (a `Candidate` of rank.ts, which this module must not import: rank → weights → here). */
export interface BestCandidate {
  /** Passage index of the sentence. */
  index: number;
  logit: number;
  features: { softCoverage: number; neighbourSupport: number };
  /** Soft credit of each question idea around the sentence (`Candidate.around`). */
  around: ArrayLike<number>;
}

/**
 * The features for a ranked question; `best` is the sentence the answer would
 * lead with, `ranked` every candidate best first, `emptyLogit` the logit of a
 * sentence sharing nothing with the question (the ranker's bias).
 */
export function answerabilityFeatures(
  index: CorpusIndex,
  query: ParsedQuery,
  best: BestCandidate,
  ranked: readonly { logit: number; around: ArrayLike<number> }[],
  emptyLogit: number,
): AnswerabilityFeatures {
  // A small knowledge may hold fewer candidates than the field: the missing ones count as
  // sentences sharing nothing with the question (every feature 0: the ranker's bias).
  const field = ranked.filter((c) => c !== best).slice(0, MARGIN_FIELD);
  const sum = field.reduce((a, c) => a + c.logit, 0) + (MARGIN_FIELD - field.length) * emptyLogit;
  const margin = best.logit - sum / MARGIN_FIELD;
  return {
    bestLogit: best.logit,
    bestCoverage: best.features.softCoverage,
    bestSupport: best.features.neighbourSupport,
    vocabulary: vocabularyShare(index, query, bestSoftCredits(ranked, query.concepts.length)),
    namesFound: namesFound(index, query, best.index),
    margin,
  };
}

/** The names the question capitalises, as stems: not the partner's, not months or weekdays. */
export function subjectNames(query: ParsedQuery): string[] {
  const partner = new Set(query.concepts.filter((c) => c.partner).flatMap((c) => c.stems));
  return [...questionNames(query.text)].filter((s) => !partner.has(s) && !CALENDAR_STEMS.has(s));
}

/** Share of the question's non-partner names found around passage `i` (its paragraph and the sentences on either side). */
export function namesFound(index: CorpusIndex, query: ParsedQuery, i: number): number {
  const names = subjectNames(query);
  if (names.length === 0) return 1;
  const article = index.passages[i]!.articleId;
  const around = new Set<string>();
  const paragraph = index.paragraphOf[i];
  for (let j = i - 1; j >= 0 && (index.paragraphOf[j] === paragraph || j === i - 1) && index.passages[j]!.articleId === article; j--) for (const s of index.termsOf(j)) around.add(s);
  for (let j = i; j < index.passages.length && (index.paragraphOf[j] === paragraph || j === i + 1) && index.passages[j]!.articleId === article; j++) for (const s of index.termsOf(j)) around.add(s);
  return names.filter((n) => nameForms(index, n).some((s) => around.has(s))).length / names.length;
}

/**
 * A name and what WordNet gives as the same thing: its synonyms and
 * derivations, and theirs ("American"
 * → "America" → "USA", which the analyser makes of "U.S."). WordNet joins a
 * demonym to its country, never one country to another (Japan is not Korea):
 * the named-entity guard still holds.
 */
export function nameForms(index: CorpusIndex, name: string): string[] {
  const one = index.wordnet?.synonymsOf(name) ?? [];
  const two = one.flatMap((s) => index.wordnet?.synonymsOf(s) ?? []);
  return [name, ...one, ...two];
}

/** The answerability model: one weight per feature and a bias (see fitted-weights.ts). */
export interface AnswerabilityWeights {
  features: Record<keyof AnswerabilityFeatures, number>;
  bias: number;
}

/** Probability that the question is answerable from the knowledge. */
export function answerability(f: AnswerabilityFeatures, w: AnswerabilityWeights): number {
  let z = w.bias;
  for (const name of ANSWERABILITY_FEATURES) z += w.features[name] * f[name];
  return 1 / (1 + Math.exp(-z));
}

/**
 * Abstention priors: what SQuAD cannot teach (it has no deals or topics).
 * A question that names a partner or a topic the knowledge knows is about
 * this knowledge for certain, so paraphrase in its other words should cost
 * less: the threshold is multiplied by each factor that applies.
 */
export interface AbstentionPriors {
  /**
   * Factor when the question names a deal partner (an alias in deals.yaml).
   * Default 0.3 (0.5 before the held-out trade sets were measured; see README).
   */
  knownPartner: number;
  /** Factor when the question names a topic (a synonym in topics.yaml). Default 0.3. */
  knownTopic: number;
}

/** Default abstention priors. */
export const DEFAULT_ABSTENTION_PRIORS: AbstentionPriors = { knownPartner: 0.3, knownTopic: 0.3 };

/**
 * The answerability a question needs: the fitted threshold, lowered by the
 * priors that apply. They do not apply when the question names something
 * (`namesFound` < 1) that the best sentence's surroundings never mention:
 * "the capital of France" is not about the knowledge's investment "capital";
 * nor when it asks with a word the sources never use, in any form WordNet
 * knows (`vocabulary` < 1): "the tariff per kilogram on rice" is not answered
 * by the sources' rice quotas. Paraphrase is cheaper when the partner and
 * topic are known; a thing the sources never discuss is not a paraphrase.
 */
export function answerThreshold(threshold: number, query: ParsedQuery, features?: Pick<AnswerabilityFeatures, 'namesFound' | 'vocabulary'>, p: AbstentionPriors = DEFAULT_ABSTENTION_PRIORS): number {
  if (features && (features.namesFound < 1 || features.vocabulary < 1)) return threshold;
  return threshold * (query.deals.length ? p.knownPartner : 1) * (query.topics.length ? p.knownTopic : 1);
}
