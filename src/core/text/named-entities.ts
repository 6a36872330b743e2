/**
 * The named-entity guard's evidence: which stems name something (a country, a
 * city, a person, a company) rather than say something. Word vectors put
 * "Tokyo" next to "Seoul" and "Japan" next to "Korea"; a soft match between
 * two names would let one stand in for another, so names match only exactly.
 */
import { stem } from './analyzer.ts';

// Words of letters (apostrophes and hyphens inside), with their case.
const TOKEN = /\p{L}[\p{L}\p{M}'’-]*/gu;
// A capital after these starts a sentence or a heading, which says nothing about the word.
const OPENS = /(^|[.!?:;"“(\[\n•–—-]\s*)$/u;

/**
 * Stems written with a capital letter in the middle of sentences at least
 * `NAME_CAPITAL_SHARE` of the times they appear there ("Japan", "Toyota",
 * "Lighthizer"; not "Tariff" in a title-case heading, since all-capital and
 * sentence-initial words are not counted).
 */
export function namedStems(texts: Iterable<string>): Set<string> {
  const capital = new Map<string, number>();
  const lower = new Map<string, number>();
  for (const text of texts) {
    for (const m of text.matchAll(TOKEN)) {
      const word = m[0];
      if (word.length < 2 || OPENS.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
      if (word === word.toUpperCase()) continue;
      const s = stem(word.toLowerCase().replace(/['’]s$/, '').replace(/['’-]/g, ''));
      const first = word[0]!;
      const map = first !== first.toLowerCase() ? capital : lower;
      map.set(s, (map.get(s) ?? 0) + 1);
    }
  }
  const out = new Set<string>();
  for (const [s, n] of capital) if (n >= NAME_CAPITAL_SHARE * (n + (lower.get(s) ?? 0))) out.add(s);
  return out;
}

/** Share of mid-sentence occurrences that must be capitalised for a stem to count as a name. Default 0.75. */
export const NAME_CAPITAL_SHARE = 0.75;

/** Stems of the words capitalised in the middle of a question ("What did Tokyo offer?" → tokyo). */
export function questionNames(question: string): Set<string> {
  return namedStems([question]);
}

/**
 * The question's names as phrases: each run of capitalised words separated
 * only by spaces ("South Korea", "Howard Lutnick"), as the stems of its words
 * that `questionNames` counts as names. A several-word name is one party:
 * "South Africa" does not speak for "South Korea".
 */
export function questionNamePhrases(question: string): string[][] {
  const names = questionNames(question);
  const phrases: string[][] = [];
  let run: string[] = [];
  let end = -1;
  for (const m of question.matchAll(TOKEN)) {
    const word = m[0];
    const s = stem(word.toLowerCase().replace(/['’]s$/, '').replace(/['’-]/g, ''));
    if (!names.has(s)) {
      if (run.length) phrases.push(run);
      run = [];
      end = -1;
      continue;
    }
    if (run.length && !(end >= 0 && /^ +$/.test(question.slice(end, m.index)))) {
      phrases.push(run);
      run = [];
    }
    run.push(s);
    // A possessive ends the name ("Korea's pledge").
    end = /['’]s$/.test(word) ? -1 : m.index + word.length;
  }
  if (run.length) phrases.push(run);
  return phrases;
}

/**
 * Month and weekday stems: written with a capital by convention, and kept
 * exact by the guard (September must not match October), but not names of
 * things a source must mention for the question to be about it.
 */
export const CALENDAR_STEMS: ReadonlySet<string> = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' ').map(stem),
);
