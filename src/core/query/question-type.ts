/**
 * Question types: what kind of answer a question wants, read from its
 * wording. Ranking uses the type to favour sentences that carry such an
 * answer (a figure, a rate, a name, a date, a reason).
 */

/** What kind of answer a question wants; drives ranking cues. */
export type QuestionType = 'amount' | 'rate' | 'who' | 'when' | 'why' | 'other';

/** Classifies the question by its wording. */
export function questionType(text: string): QuestionType {
  const t = text.toLowerCase();
  if (/\b(what|which)\b.{0,30}\b(tariff|rate|duty|duties|levy|percent|percentage)\b|\bhow high\b/.test(t)) return 'rate';
  if (/\bhow (much|many|large|big|high|low)\b|\b(what|which) (value|amount|share|size|sum|number|figure|total|volume|level)\b|\bworth\b/.test(t)) return 'amount';
  if (/^\s*(who|whom|whose)\b|\bwho (is|was|are|were)\b/.test(t)) return 'who';
  if (/^\s*when\b|\bwhat (date|day|year|month|time)\b|\bhow long\b/.test(t)) return 'when';
  if (/^\s*why\b|\bwhat (caused|prompted|led)\b|\breason\b/.test(t)) return 'why';
  return 'other';
}
