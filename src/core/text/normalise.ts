/**
 * Text normalisation for matching. The original characters are always kept for
 * quoting; these functions only produce comparison keys.
 */

// Typographic variants that must compare equal to their plain forms.
const TYPOGRAPHY: [RegExp, string][] = [
  [/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' '], // no-break and other spaces
  [/[\u200b-\u200d\u2060\ufeff]/g, ''], // zero-width characters
  [/[\u2018\u2019\u201a\u201b\u2032\u02bc\uff07]/g, "'"], // curly single quotes, primes
  [/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02]/g, '"'], // curly double quotes
  [/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-'], // hyphens, dashes, minus
  [/\u2026/g, '...'],
];

/**
 * Folds typography (spaces, quotes, dashes, full-width forms via NFKC) so that
 * two renderings of the same words compare equal. Does not change case.
 * @example foldTypography('U.S.\u2013Japan \u201cdeal\u201d') === 'U.S.-Japan "deal"'
 */
export function foldTypography(text: string): string {
  let out = text.normalize('NFKC');
  for (const [pattern, replacement] of TYPOGRAPHY) out = out.replace(pattern, replacement);
  return out;
}

/** Folds typography, lower-cases and collapses white space: the key for "is this quote in that text". */
export function matchKey(text: string): string {
  return foldTypography(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when `quote` stands in `text`, typography and white space aside. */
export function containsQuote(text: string, quote: string): boolean {
  const key = matchKey(quote);
  return key.length > 0 && matchKey(text).includes(key);
}

/**
 * Removes characters that have no business in a question: control characters,
 * lone surrogates, bidirectional overrides. Keeps letters of every script and emoji.
 */
export function cleanInput(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
