/**
 * Question types: what kind of answer a question wants, read from its
 * wording. Ranking uses the type to favour sentences that carry such an
 * answer (a figure, a rate, a name, a date, a reason).
 */

/**
 * What kind of answer a question wants; drives the `typeCue` feature.
 * - `amount`: a figure ("how much", "how many dollars", "what share", "how big")
 * - `rate`: a percentage ("what tariff", "how steep", "how high")
 * - `who`: a person or body; `source`: who said or reported it ("which outlet", "who said")
 * - `when`: a date; `why`: a reason
 * - `yesno`: "did…", "could…", "is there…": the answer is the sentence that states it, no particular shape
 */
export type QuestionType = 'amount' | 'rate' | 'who' | 'source' | 'when' | 'why' | 'yesno' | 'other';

// "what", "which", "what's the", "what was the"…: the lead-in before the noun that names the answer's kind.
const WHAT = String.raw`\b(?:what|which)(?:'s|\s+(?:is|was|are|were))?(?:\s+the)?`;
const AMOUNT_NOUN = new RegExp(`${WHAT} (value|amount|share|size|sum|number|figure|total|volume|level|portion|proportion|fraction|price|cost)\\b`);
const WHEN_NOUN = new RegExp(`${WHAT} (date|day|year|month|time)\\b`);

/** Classifies the question by its wording. */
export function questionType(text: string): QuestionType {
  const t = text.toLowerCase().replace(/[’‘]/g, "'");
  if (/\b(which|what) (outlet|newspaper|paper|publication|agency|news ?\w*|media|source|report)\b|\bwho (said|says|reported|wrote|told|announced|claimed)\b|\baccording to (whom|which|what)\b/.test(t)) return 'source';
  if (/\b(what|which)\b.{0,30}\b(tariff|rate|duty|duties|levy|percent|percentage)\b|\bhow (high|steep|heavy|low)\b/.test(t)) return 'rate';
  if (/\bhow (much|many|large|big|sizable|sizeable|substantial|costly|expensive)\b|\bworth\b|\bput a (dollar )?(figure|number|value)\b|\bdollar (figure|value|amount)\b/.test(t) || AMOUNT_NOUN.test(t)) return 'amount';
  if (/^\s*(who|whom|whose)\b|\bwho (is|was|are|were)\b/.test(t)) return 'who';
  if (/^\s*when\b|\bhow (long|soon)\b|\bby when\b/.test(t) || WHEN_NOUN.test(t)) return 'when';
  if (/^\s*why\b|\bwhat (caused|prompted|led|drove|motivated)\b|\breason\b/.test(t)) return 'why';
  if (/^\s*(is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|may|might|must)\b/.test(t)) return 'yesno';
  return 'other';
}
