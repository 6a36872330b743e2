/**
 * Does a fact's quote back its statement? A fact's one-line statement can head
 * an answer, so it may not claim a figure its quote does not show: the quote
 * must be a real span of text (at least `MIN_FACT_QUOTE_WORDS` words), and
 * every figure of the statement, and the value, must be a figure of the quote.
 *
 * Figures are numbers written in digits or as number words ("six months",
 * "six hundred", "zero percent"), compared as numbers, so typography does not matter
 * (`15%` = `15 percent`, `1,000` = `1000`). Dates are not figures (years, and
 * day numbers next to a month: the fact's `asOf` says when), nor are the
 * numbers that name a document (Executive Order 14345, section 232, No. 5).
 */
import { foldTypography } from '../text/normalise.ts';

/** Fewest words a fact's quote may have: a single word or two backs no statement. */
export const MIN_FACT_QUOTE_WORDS = 5;

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** "7 August", "August 7", "7th of August": the day number is part of a date. */
const DAY_AND_MONTH = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH}(?![\\p{L}])|\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?!\\s*(?:%|percent|per\\s+cent))`, 'giu');
/** Words before a number that make it the name of a document or provision, not an amount. */
const NAMING = /(?:\b(?:order|orders|eo|e\.o\.|proclamation|proclamations|no\.|nos\.|number|section|sections|sec\.|article|chapter|title|part|rule|resolution|act|annex|schedule|heading|subheading|h\.r\.|column)|§)\s*$/i;
/** A number in digits: optional currency, thousands groups or plain digits, decimals, then maybe a percent sign or word. */
const DIGITS = /(?<![\p{L}\p{N}.,])([$€£¥])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?!\d)(\s*(?:%|percent|per\s+cent))?/giu;

/**
 * The figures of a text. With `all` false (statements), "one" is not counted:
 * it is more often a pronoun ("one of the industries") than a figure.
 */
export function figures(text: string, all = true): number[] {
  const folded = foldTypography(text).replace(DAY_AND_MONTH, (m) => ' '.repeat(m.length));
  const out: number[] = [];
  for (const m of folded.matchAll(DIGITS)) {
    const [, currency, whole, decimals, percent] = m;
    const n = Number(whole!.replace(/,/g, '') + (decimals ? `.${decimals}` : ''));
    const isYear = !currency && !percent && !decimals && /^\d{4}$/.test(whole!) && n >= 1000 && n <= 2999;
    if (isYear || NAMING.test(folded.slice(Math.max(0, m.index - 20), m.index))) continue;
    out.push(n);
  }
  // Runs of number words make one number: "six hundred" is 600, "twenty-five" 25.
  let run: string[] = [];
  const flush = () => {
    if (run.length && (all || run.join(' ') !== 'one')) {
      let n = 0;
      for (const w of run) n = w === 'hundred' ? (n || 1) * 100 : n + NUMBER_WORDS[w]!;
      out.push(n);
    }
    run = [];
  };
  for (const m of folded.toLowerCase().matchAll(/[a-z]+|[^a-z]+/g)) {
    if (m[0] in NUMBER_WORDS) run.push(m[0]);
    else if (!(run.length && /^[ -]+$/.test(m[0]))) flush();
  }
  flush();
  return out;
}

/** Words of a text (a number with decimals or thousands groups counts as one), as `MIN_FACT_QUOTE_WORDS` counts them. */
export function wordCount(text: string): number {
  return (text.match(/\d+(?:[.,]\d+)*|[\p{L}\p{N}]+/gu) ?? []).length;
}

/** Why a fact's quote does not back its statement and value: one line per problem, "field: reason". */
export function evidenceProblems(fact: { statement: string; quote: string; value?: number }): string[] {
  const problems: string[] = [];
  const words = wordCount(fact.quote);
  if (words < MIN_FACT_QUOTE_WORDS) problems.push(`quote: must be at least ${MIN_FACT_QUOTE_WORDS} words, the span of the article that backs the statement (has ${words})`);
  const shown = new Set(figures(fact.quote));
  const missing = [...new Set(figures(fact.statement, false))].filter((n) => !shown.has(n));
  if (missing.length) problems.push(`statement: ${missing.length === 1 ? 'the figure' : 'the figures'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in the quote`);
  if (fact.value !== undefined && !shown.has(fact.value)) problems.push(`value: ${fact.value} is not a figure in the quote`);
  return problems;
}
