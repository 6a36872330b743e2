/**
 * The text analyser used for both passages and questions: normalise, split into
 * words (letters of any script, numbers with decimals), drop stop words, stem.
 * Using one analyser on both sides is what makes retrieval work (see DESIGN.md).
 */
import { stemmer } from 'stemmer';
import { foldTypography } from './normalise.ts';

/** English stop words: function words that carry no topic. Question words are kept out of the index too. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below
between both but by can could did didn't do does doesn't doing don't down during each few for from further had
has have having he her here hers herself him himself his how i if in into is isn't it it's its itself just let's
me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that that's the their theirs them themselves then there there's these they this those
through to too under until up very was wasn't we were weren't what what's when where which while who whom why
will with won't would you your yours yourself yourselves s t also us said says say tell told know much many
did does do get got go going one ones may might must shall would could www http https com html
put puts putting make makes made making take takes took taken give gives gave given come comes came become became keep kept seem seems seemed`.split(/\s+/),
);

// A CJK character is a word of its own: those scripts do not separate words with spaces.
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;
const WORD = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]|\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:'[\p{L}]+)?/gu;

/**
 * Splits text into lower-case words, before stop-word removal and stemming.
 * "%" becomes the word "percent" so "25%" and "25 percent" match; "1,000" becomes "1000".
 */
export function words(text: string): string[] {
  const folded = foldTypography(text)
    // "U.S.", "US", "U.S.A.": the country, not the stop word "us" (its pronoun is never written in capitals or with dots).
    .replace(/(?<![\p{L}\p{N}.])(?:U\.S\.(?:A\.)?|USA?)(?![\p{L}\p{N}])/gu, ' USA ')
    .toLowerCase()
    .replace(/%/g, ' percent ')
    // "U.N.", "E.U.": a dotted abbreviation is the word its letters spell ("UN", "EU").
    .replace(/(?<![\p{L}\p{N}.])(?:\p{L}\.){2,}/gu, (m) => m.replace(/\./g, ''))
    // "e-commerce", "x-ray": a one-letter prefix belongs to its word.
    .replace(/(?<![\p{L}\p{N}])(\p{L})-(?=\p{L}{2})/gu, '$1');
  const out: string[] = [];
  for (const match of folded.matchAll(WORD)) {
    let w = match[0];
    if (/^\d/.test(w)) w = w.replace(/,(?=\d{3}\b)/g, '').replace(/[.,]$/, '');
    else if (w.endsWith("'s")) w = w.slice(0, -2);
    out.push(w);
  }
  return out;
}

// Abbreviations that news style uses for whole words (months, mostly).
const EXPAND: Record<string, string> = {
  jan: 'january', feb: 'february', apr: 'april', jun: 'june', jul: 'july', aug: 'august',
  sep: 'september', sept: 'september', oct: 'october', nov: 'november', dec: 'december',
  govt: 'government', dept: 'department', intl: 'international',
};

/** Stems one lower-case word; numbers and CJK pass through. */
export function stem(word: string): string {
  if (/^\d/.test(word) || CJK.test(word)) return word;
  return stemmer(EXPAND[word] ?? word.replace(/'/g, ''));
}

/** True for words that should not be indexed or searched. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word) || (word.length === 1 && !/\d/.test(word) && !CJK.test(word));
}

/**
 * The index terms of a text: words minus stop words, stemmed.
 * @example analyze('Tariffs on Japanese cars') → ['tariff', 'japanes', 'car']
 */
export function analyze(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) if (!isStopWord(w)) out.push(stem(w));
  return out;
}
