/**
 * The ranking features: one named pure function each, from a candidate
 * sentence and its question to a number, mostly between 0 and 1. Their
 * weights are fitted on data (`npm run fit`, see weights.ts); none of them
 * knows anything of a corpus.
 */
import { maxCredits, shareOf, type CandidateView, type QueryContext } from './context.ts';

/** A feature: a candidate and its question's context to a value. */
export type Feature = (c: CandidateView, q: QueryContext) => number;

/**
 * BM25 of the sentence, relative to the larger of the best candidate's and the
 * ideal's (`idealBm25`: a sentence holding every asked word once): the best is
 * 1 when it reaches the ideal, and every sentence scores low when none uses
 * the question's words.
 */
export const sentenceBm25: Feature = (c, q) => c.sentenceBm25 / Math.max(q.maxSentenceBm25, q.idealSentenceBm25);

/** BM25 of the sentence's paragraph (with the article title), on the same scale as `sentenceBm25`. */
export const paragraphBm25: Feature = (c, q) => c.paragraphBm25 / Math.max(q.maxParagraphBm25, q.idealParagraphBm25);

/** Rarity-weighted share of the question's ideas stated in the sentence in the question's own words (or the knowledge's synonyms). */
export const exactCoverage: Feature = (c, q) => shareOf(q, c.ownCredits.exact);

/** The same share, with partial credit for words that mean nearly the same (word vectors; names only exactly). */
export const softCoverage: Feature = (c, q) => shareOf(q, c.ownCredits.soft);

/** What the previous sentence adds to the coverage: the answer often leans on it ("That deal…", "do the same"). */
export const contextCoverage: Feature = (c, q) => {
  if (!c.previousCredits) return 0;
  return Math.max(0, shareOf(q, maxCredits(c.ownCredits, c.previousCredits).soft) - shareOf(q, c.ownCredits.soft));
};

/** Coverage by the sentence's paragraph and the sentences on either side: how well the source around it supports an answer. */
export const neighbourSupport: Feature = (c, q) => shareOf(q, c.aroundCredits.soft);

/** Share of the question's adjacent word pairs that stand together in the sentence (term proximity), at most 1. */
export const proximity: Feature = (c, q) => {
  if (q.pairs.size === 0) return 0;
  let together = 0;
  for (let i = 0; i + 1 < c.sequence.length; i++) if (q.pairs.has(`${c.sequence[i]} ${c.sequence[i + 1]}`)) together++;
  return Math.min(1, together / Math.min(2, q.pairs.size));
};

/** 1 when the sentence has the shape of the answer the question wants (a figure for "how much", a date for "when"...). */
export const typeCue: Feature = (c, q) => (q.cue?.test(c.passage.text) ? 1 : 0);

/**
 * Cosine of the question's gist (rarity-weighted mean word vector, gist.ts)
 * with the sentence's: whether it speaks of what the question asks as a
 * whole, though it may share no word with it one to one.
 */
export const sentenceGist: Feature = (c, q) => q.gistOf(c.index, c.index + 1);

/**
 * Longest run of sentences `paragraphGist` reads: a longer paragraph is read
 * in blocks of this many, the candidate's own. Default 16 (measured: at 16
 * and 32 every eval figure is the same as with whole paragraphs, while the
 * 300k bench tier's pipeline p99 fell from 44 ms to 13.5–15.2 ms; at 8 a long
 * list of countries' rates lost its lead-in and the paraphrase set fell from
 * 56% to 52% top-3; at 4 the SQuAD split's unanswerable abstained fell to 89.6%).
 */
export const GIST_BLOCK = 16;

/** The same against the sentence's paragraph (in a long one, its block of `GIST_BLOCK` sentences): what the source around it is about. */
export const paragraphGist: Feature = (c, q) => {
  const { paragraphStart: start, paragraphEnd: end } = c;
  if (end - start <= GIST_BLOCK) return q.gistOf(start, end);
  // Blocks from the paragraph's start, the last one full (it overlaps the one before).
  const from = Math.min(start + Math.floor((c.index - start) / GIST_BLOCK) * GIST_BLOCK, end - GIST_BLOCK);
  return q.gistOf(from, from + GIST_BLOCK);
};

/** Every fitted feature, by name, in a fixed order (the order of the weights file). */
export const FEATURES = {
  sentenceBm25,
  paragraphBm25,
  exactCoverage,
  softCoverage,
  contextCoverage,
  neighbourSupport,
  proximity,
  typeCue,
  sentenceGist,
  paragraphGist,
} as const satisfies Record<string, Feature>;

/** A fitted feature's name. */
export type FeatureName = keyof typeof FEATURES;

/** The feature names in weights-file order. */
export const FEATURE_NAMES = Object.keys(FEATURES) as FeatureName[];

/** All feature values of one candidate, in `FEATURE_NAMES` order. */
export function featureVector(c: CandidateView, q: QueryContext): number[] {
  return FEATURE_NAMES.map((name) => FEATURES[name](c, q));
}
