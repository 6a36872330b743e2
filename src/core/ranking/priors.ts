/**
 * Domain priors: what question-answering data cannot teach, so they are set
 * by hand and documented, not fitted. Each returns a logit offset added to
 * the fitted score: positive favours the candidate.
 */
import { eraCoversYear } from '../knowledge/eras.ts';
import { findDates } from '../answer/dates.ts';
import type { CandidateView, QueryContext } from './context.ts';

/** The priors' strengths (logit offsets), with their defaults. */
export interface Priors {
  /** Source reliability: an official text is preferred to a news report saying the same, a flagged source is not. Default high +0.3, normal 0, low −0.6. */
  reliability: { high: number; normal: number; low: number };
  /** A sentence of the era the question asks for ("now", a year): +0.6; of another era: −0.6. */
  eraFit: number;
  /** A sentence holding the quote of a structured fact that matches the question: +0.4. */
  factBacking: number;
  /**
   * A very short fragment (under 40 characters: a signature, a dateline, a
   * caption) that is not a list item: −2. SQuAD's paragraphs hold none, so
   * fitting cannot learn that they rarely answer anything.
   */
  fragment: number;
}

/** Default priors. */
export const DEFAULT_PRIORS: Priors = {
  reliability: { high: 0.3, normal: 0, low: -0.6 },
  eraFit: 0.6,
  factBacking: 0.4,
  fragment: -2,
};

/** Offset for the source's reliability. */
export function reliabilityPrior(c: CandidateView, q: QueryContext, p: Priors = DEFAULT_PRIORS): number {
  return p.reliability[q.index.articles.get(c.passage.articleId)!.reliability];
}

/**
 * Offset for era fit: +eraFit when the sentence belongs to the era the
 * question asks for, −eraFit when it belongs to another, 0 when the question
 * names no era. A year fits when the text around the sentence names it (also
 * as a relative date resolved against the article's date), or else the
 * article's era covers it.
 */
export function eraPrior(c: CandidateView, q: QueryContext, p: Priors = DEFAULT_PRIORS): number {
  const { query, index } = q;
  if (!query.recent && query.years.length === 0) return 0;
  const article = index.articles.get(c.passage.articleId)!;
  let fit = 0;
  if (query.recent) fit += article.era.key === q.newestKey ? 1 : -1;
  if (query.years.length) {
    const named = query.years.some((y) => c.aroundHas(String(y))) || query.years.some((y) => yearsStated(c, q).has(y));
    const fits = named || query.years.some((y) => article.date.startsWith(String(y)) || eraCoversYear(article.era, y));
    fit += fits ? 1 : -1;
  }
  return p.eraFit * Math.sign(fit);
}

/**
 * Years the sentence (and the one before it) state, relative dates resolved
 * against the article's date: "last year" in an article of 2024-03-05 is 2023.
 */
export function yearsStated(c: CandidateView, q: QueryContext): Set<number> {
  const article = q.index.articles.get(c.passage.articleId)!;
  const prev = q.index.passages[c.index - 1];
  const text = prev?.articleId === c.passage.articleId ? `${prev.text} ${c.passage.text}` : c.passage.text;
  return new Set(findDates(text, article.date).filter((d) => !d.reference).map((d) => Number(d.date.slice(0, 4))));
}

/** Offset when the sentence carries a matching fact's quote. */
export function factPrior(c: CandidateView, q: QueryContext, p: Priors = DEFAULT_PRIORS): number {
  return q.factPassages.has(c.index) ? p.factBacking : 0;
}

/** Offset for a very short fragment. */
export function fragmentPrior(c: CandidateView, _q: QueryContext, p: Priors = DEFAULT_PRIORS): number {
  return c.passage.text.length < 40 && !c.hasLeadIn ? p.fragment : 0;
}

/** The sum of the priors for a candidate. */
export function priorOffset(c: CandidateView, q: QueryContext, p: Priors = DEFAULT_PRIORS): number {
  return reliabilityPrior(c, q, p) + eraPrior(c, q, p) + factPrior(c, q, p) + fragmentPrior(c, q, p);
}
